package veneer.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.shell.platform.link.SimLinkProvider;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** The RTL vector-add Role (variant 1) through its registers, against the Java kernel on the JVM. */
class RtlVectorAddTest {
  @Test
  void theRtlRoleAddsLikeTheJavaKernel() throws Exception {
    long seed = 7;
    Random r = new Random(seed);
    int[] a = r.ints(256).toArray();
    int[] b = r.ints(256).toArray();
    int[] expected = new int[256];
    JvmKernelRunner.run(VectorAdd.class, "add", WorkRange.of(256), a, b, expected);
    try (Device dev = ExampleDevice.openWithRtlVectorAdd(SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY))) {
      RtlVectorAdd.Result result = RtlVectorAdd.onDevice(dev.user(), a, b);
      assertArrayEquals(expected, result.output(), "seed " + seed);
      assertTrue(result.cycles() > 0);
    }
  }
}
