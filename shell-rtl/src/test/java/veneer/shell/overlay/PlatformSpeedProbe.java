package veneer.shell.overlay;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import veneer.hdl.Elaborator;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.memory.CoalescerConfig;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * Simulator speed on the whole simulated platform (not a JUnit test: run by hand, see
 * docs/simulation.md "Speed of the platform"): for each overlay shape, elaboration time, the time
 * to open the platform (flatten, compile, reset, enumerate) and load the overlay image and
 * program, then launches (two unless a count follows n) of a vector add of {@code n} elements through the Shell (arguments,
 * launch, completion) with their simulated cycles per wall-clock second and per CPU second of the
 * simulating thread (the first launch runs while HotSpot is still compiling the design's code).
 *
 * <pre>
 * java -cp "$CP" veneer.shell.overlay.PlatformSpeedProbe 4 16 -- 2048      # two launches
 * java -cp "$CP" veneer.shell.overlay.PlatformSpeedProbe 16 -- 2048 8      # eight launches
 * </pre>
 */
public final class PlatformSpeedProbe {
  private PlatformSpeedProbe() {}

  public static void main(String[] args) {
    int split = Arrays.asList(args).indexOf("--");
    int n = split >= 0 && split + 1 < args.length ? Integer.parseInt(args[split + 1]) : 2048;
    int launches = split >= 0 && split + 2 < args.length ? Integer.parseInt(args[split + 2]) : 2;
    String[] shapes = split >= 0 ? Arrays.copyOf(args, split) : args;
    if (shapes.length == 0) {
      shapes = new String[] {"4", "16"};
    }
    for (String s : shapes) {
      run(Integer.parseInt(s), n, launches);
    }
  }

  private static void run(int pes, int n, int launches) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ArrayConfig d = OverlayRole.DEFAULT_ARRAY;
    ArrayConfig shape = new ArrayConfig(pes, 8, d.imemWords(), d.spmWords(), CoalescerConfig.forThreads(8));
    SimulatedPlatform platform = new SimulatedPlatform(SimulatedPlatform.Params.sized(
        SimulatedPlatform.DEFAULT_DRAM_KIB, SimulatedPlatform.DEFAULT_HOST_MEM_KIB, shape));
    long t0 = System.nanoTime();
    Elaborator.elaborate(platform);
    long t1 = System.nanoTime();
    try (PlatformDriver dev = PlatformDriver.open(platform, Backend.JVM)) {
      dev.enumerate();
      if (dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)) != PrStatus.OK) {
        throw new IllegalStateException("the overlay image did not load");
      }
      OverlayHost host = new OverlayHost(dev);
      OverlayKernel k = OverlayKernel.vectorAdd();
      host.loadProgram(k);
      System.out.printf(Locale.ROOT, "%2d PEs x 8: elaboration %.1f s; open (elaboration again, flatten, compile, reset,"
          + " enumerate) and image load %.1f s, %d cycles%n", pes, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9,
          dev.simulator().cycle());
      for (int launch = 1; launch <= launches; launch++) {
        long c0 = dev.simulator().cycle();
        long w0 = System.nanoTime();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        OverlayRoleTest.VectorAdd v = OverlayRoleTest.VectorAdd.seeded(dev, launch, 0x0FC0, 0x13F00, 0x28040, n);
        host.arguments(v.arguments());
        host.launch(k.symbol("_start"), n, 0, 10_000_000);
        long w1 = System.nanoTime();
        long cpu1 = cpu.getCurrentThreadCpuTime();
        long cycles = dev.simulator().cycle() - c0;
        if (!Arrays.equals(v.expected(), v.result(dev))) {
          throw new IllegalStateException("the vector add of " + pes + " PEs is wrong");
        }
        double wall = (w1 - w0) / 1e9;
        double cpuSeconds = (cpu1 - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "    vector add of %d, launch %d: %d cycles in %.1f s wall, %.1f s CPU of this"
            + " thread = %.0f cycles/s wall, %.0f cycles per CPU second%n", n, launch, cycles, wall, cpuSeconds,
            cycles / wall, cycles / cpuSeconds);
      }
    }
  }
}
