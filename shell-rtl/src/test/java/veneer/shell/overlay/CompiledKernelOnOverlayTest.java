package veneer.shell.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static veneer.kernel.WorkItem.globalId;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.Kernel;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayConfig;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * A Java kernel compiled by veneer-compiler runs on the overlay Role of the assembled platform,
 * launched the way the runtime will: images of the arguments in the Shell's DRAM, the IMEM image
 * and the 64 argument words through PF1, start, Role interrupt line 0; the result equals the JVM's.
 */
class CompiledKernelOnOverlayTest {
  private static final long SEED = 20261129L;

  /** y[i] = a * x[i] + y[i]. */
  @Kernel
  public static void saxpy(int a, int[] x, int[] y) {
    int i = globalId(0);
    y[i] = a * x[i] + y[i];
  }

  @Test
  void aCompiledKernelGivesTheJvmsResult() {
    ArrayConfig array = OverlayRole.TEST_ARRAY;
    int n = 777;
    Random r = new Random(SEED);
    int[] x = new int[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt();
      y[i] = r.nextInt();
    }
    int[] expected = y.clone();
    WorkRange range = WorkRange.of(n);
    assertEquals(Optional.empty(), JvmKernelRunner.run(CompiledKernelOnOverlayTest.class, "saxpy", range,
        new Object[] {7, x, expected}));

    CompiledKernel k = KernelCompiler.compile(CompiledKernelOnOverlayTest.class, "saxpy", CompileOptions.defaults());
    DeviceLaunch plan = DeviceLaunch.of(k, range, array.pes(), array.threadsPerPe(), 4 * array.spmWords());
    Object[] args = {7, x, y};
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), Backend.JVM)) {
      dev.enumerate();
      assertEquals(PrStatus.OK, dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)));
      OverlayHost host = new OverlayHost(dev);

      OverlayHost.Placed placed = host.place(k, plan, args);
      long waited = host.launch(k.entryPc(), 0, 1, 400_000);

      assertEquals(0b010, host.read("status"), "every thread exited");
      assertEquals(Optional.<KernelFailure>empty(), placed.failure());
      int[] got = new int[n];
      placed.readBack(2, got);
      assertArrayEquals(expected, got, "y on the overlay vs the JVM (seed " + SEED + ")");
      System.out.printf("compiled saxpy on the overlay Role: n=%d, %d imem words, %d busy cycles (%d to the irq line)%n",
          n, placed.imemWords, host.counter("cycles"), waited);
    }
  }
}
