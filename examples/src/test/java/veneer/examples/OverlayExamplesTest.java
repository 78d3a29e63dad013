package veneer.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.shell.platform.link.SimLinkProvider;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * Every overlay example on sim:jvm with the tests' overlay ({@link OverlayRole#TEST_ARRAY}; one device,
 * the overlay loaded once), each against the JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlayExamplesTest {
  private static final long SEED = 20261129;
  private Device dev;

  @BeforeAll
  void open() throws LoadFailedException {
    dev = ExampleDevice.openWithOverlay(SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY));
  }

  @AfterAll
  void close() {
    dev.close();
  }

  private void check(Examples.Case c) {
    ExampleOutcome o = c.run(dev.user());
    assertTrue(o.matches(), "seed " + SEED + ": " + o.name() + ": " + o.detail());
    assertTrue(o.cycles() > 0 && o.retired() > o.elements(), o.toString());
    assertEquals(0, dev.user().memory().allocated(), "every temporary buffer was freed");
  }

  @Test
  void vectorAdd() {
    check(Examples.vectorAdd(300, SEED));
  }

  @Test
  void matrixMultiply() {
    check(Examples.matrixMultiply(8, SEED));
  }

  @Test
  void convolution() {
    check(Examples.convolution(12, 8, SEED));
  }

  @Test
  void histogram() {
    check(Examples.histogram(1000, 64, SEED));
  }

  @Test
  void theVectorAddHostProgramAsWritten() {
    int[] a = new Random(SEED).ints(64).toArray();
    int[] b = new Random(SEED + 1).ints(64).toArray();
    int[] expected = new int[64];
    JvmKernelRunner.run(VectorAdd.class, "add", WorkRange.of(64), a, b, expected);
    assertArrayEquals(expected, VectorAdd.onDevice(dev.user(), a, b).output(), "seed " + SEED);
  }
}
