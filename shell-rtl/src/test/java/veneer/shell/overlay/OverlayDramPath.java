package veneer.shell.overlay;

import static veneer.kernel.WorkItem.globalId;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.Kernel;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.memory.CoalescerConfig;
import veneer.shell.dram.bench.AxiChannelStalls;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * Runs the compiled vector add ({@code c[i] = a[i] + b[i]}, the kernel of
 * {@code veneer.examples.VectorAdd#add}) on the simulated platform's overlay of a given shape and
 * counts, on the Role's DRAM port (the Shell's probe {@code mon_role_dram0}, between the overlay's
 * {@code GlobalMemoryBridge} and the DRAM interconnect), the line transfers and the cycles each
 * AXI channel waited for READY: where the overlay's line traffic waits outside the PEs.
 * docs/dram-path.md has the figures.
 *
 * <pre>{@code
 * OverlayDramPath.Result r = OverlayDramPath.vectorAdd(16, 8, 16384);
 * System.out.println(r);
 * }</pre>
 */
final class OverlayDramPath {
  private static final long SEED = 20261129L;

  /** The kernel. */
  @Kernel
  public static void add(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i];
  }

  /**
   * @param cycles from the start write to the completion interrupt
   * @param port the Role DRAM port's counts over those cycles
   * @param peMemoryStalls the array's memory-stall counter (PE cycles)
   */
  record Result(int pes, int threads, int n, long cycles, AxiChannelStalls port, long peMemoryStalls) {
    /** Lines moved per cycle on the Role port (reads plus writes). */
    double linesPerCycle() {
      return (double) (port.get(AxiChannelStalls.Channel.R).fired() + port.get(AxiChannelStalls.Channel.W).fired())
          / cycles;
    }

    /** Fraction of the 64 bytes per cycle roofline for the 12 bytes per element vector add moves. */
    double roofline() {
      return 12.0 * n / 64 / cycles;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "vector add n=%d on %dx%d: %d cycles (%.1f%% of 64 B/cycle), %.2f lines/cycle,"
          + " PE memory stalls %d; %s", n, pes, threads, cycles, 100 * roofline(), linesPerCycle(), peMemoryStalls, port);
    }
  }

  /** Seeded operands of the vector add and the JVM's result. */
  record Inputs(int[] a, int[] b, int[] expected) {
    static Inputs random(int n, long seed) {
      Random r = new Random(seed);
      int[] a = new int[n];
      int[] b = new int[n];
      int[] expected = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt();
        b[i] = r.nextInt();
        expected[i] = a[i] + b[i];
      }
      return new Inputs(a, b, expected);
    }
  }

  private OverlayDramPath() {}

  /** {@link #add} compiled for the overlay with the default options. */
  static CompiledKernel kernel() {
    return KernelCompiler.compile(OverlayDramPath.class, "add", CompileOptions.defaults());
  }

  /** The overlay shape of {@code sim:jvm?overlay=PxT}. */
  static ArrayConfig shape(int pes, int threads) {
    ArrayConfig d = OverlayRole.DEFAULT_ARRAY;
    return new ArrayConfig(pes, threads, d.imemWords(), d.spmWords(), CoalescerConfig.forThreads(threads));
  }

  /** The launch of {@code k} over {@code n} work-items on {@code array}. */
  static DeviceLaunch plan(CompiledKernel k, int n, ArrayConfig array) {
    return DeviceLaunch.of(k, WorkRange.of(n), array.pes(), array.threadsPerPe(), 4 * array.spmWords());
  }

  /** The simulated platform with {@code array} on the JVM back end, enumerated, the overlay image loaded. */
  static PlatformDriver openWithOverlay(ArrayConfig array) {
    SimulatedPlatform platform = new SimulatedPlatform(SimulatedPlatform.Params.sized(
        SimulatedPlatform.DEFAULT_DRAM_KIB, 256, array));
    PlatformDriver dev = PlatformDriver.open(platform, Backend.JVM);
    dev.enumerate();
    if (dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)) != PrStatus.OK) {
      dev.close();
      throw new AssertionError("the overlay image did not load");
    }
    return dev;
  }

  /** Runs c = a + b over {@code n} elements on the JVM back end, checks c against the JVM's, counts. */
  static Result vectorAdd(int pes, int threads, int n) {
    ArrayConfig array = shape(pes, threads);
    Inputs in = Inputs.random(n, SEED);
    int[] a = in.a();
    int[] b = in.b();
    int[] expected = in.expected();
    CompiledKernel k = kernel();
    DeviceLaunch plan = plan(k, n, array);
    Object[] args = {a, b, new int[n]};
    try (PlatformDriver dev = openWithOverlay(array)) {
      OverlayHost host = new OverlayHost(dev);
      OverlayHost.Placed placed = host.place(k, plan, args);

      AxiChannelStalls port = dev.simulator().attach(new AxiChannelStalls(dev.simulator(), "mon_role_dram0"));
      long cycles = host.launch(k.entryPc(), 0, 1, 200L * n + 100_000);
      port.counting(false);
      if (host.read("status") != 0b010) {
        throw new AssertionError("the kernel ended with status " + host.read("status") + ", expected done (0b010)");
      }
      Optional<KernelFailure> failure = placed.failure();
      if (failure.isPresent()) {
        throw new AssertionError("the kernel failed: " + failure.get());
      }
      int[] got = new int[n];
      placed.readBack(2, got);
      if (!Arrays.equals(expected, got)) {
        throw new AssertionError("c on the overlay differs from the JVM's (seed " + SEED + ")");
      }
      return new Result(pes, threads, n, cycles, port, host.counter("sum_stall_memory"));
    }
  }
}
