package veneer.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.examples.ExampleOutcome;
import veneer.runtime.LoadFailedException;
import veneer.sim.Backend;

/**
 * {@code veneer bench e2e}: the whole stack through the runtime API on the simulated device —
 * image load time, kernel launches per second, and how close the example kernels come to the
 * DRAM roofline ({@link EndToEndRun} measures, this class reports).
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
    description = {"End to end through the runtime: image load, kernel launches per second, roofline shares.",
        "On sim:<backend> through the runtime API: the signed overlay image loaded through PF0 "
            + "(device cycles, wall ms), launch-and-wait of a tiny kernel (launches per simulated "
            + "second at the device clock and per wall-clock second), and vector add, matrix multiply "
            + "and a 3x3 convolution: cycles, elements/cycle and share of the DRAM roofline (64 "
            + "B/cycle); on the platform's default overlay, or on the one of --overlay.",
        "Example: ./veneer bench e2e --json"})
final class EndToEndBench implements Callable<Integer> {
  /** The goal: vector add at this share of the DRAM roofline or more, on the default overlay. */
  static final double GOAL_VECTOR_ADD_ROOFLINE_PERCENT = 50;
  /** The platform's user clock, which every Shell figure assumes (docs/shell.md). */
  static final double DEVICE_CLOCK_MHZ = 250;
  /**
   * Default vector length, also the demo's: 16384 elements (192 KiB of arrays), 4 lines of each
   * array per thread on a 32 x 8 overlay, so a large overlay shows its rate rather than its
   * start-up; the size issue 6's goal is measured at (docs/overlay-role.md, "A larger default overlay").
   */
  static final int VECTOR_LENGTH = 16384;

  @Option(names = "--backend", paramLabel = "jvm|verilator", description = "Simulator of the device (default ${DEFAULT-VALUE}).")
  String backend = "jvm";

  @Option(names = "--overlay", paramLabel = "PxT",
      description = "The device's overlay, PEs x threads per PE (default: the platform's default overlay).")
  String overlay;

  @Option(names = "--launches", description = "Timed launches of the tiny kernel (default ${DEFAULT-VALUE}).")
  int launches = 20;

  @Option(names = "--vector-length", description = "Elements of each vector of the vector add (default ${DEFAULT-VALUE}).")
  int vectorLength = VECTOR_LENGTH;

  @Option(names = "--matrix-size", paramLabel = "N", description = "N of the N x N matrix multiply (default ${DEFAULT-VALUE}).")
  int matrixSize = 16;

  @Option(names = "--conv-width", description = "Image width of the 3x3 convolution (default ${DEFAULT-VALUE}).")
  int convWidth = 32;

  @Option(names = "--conv-height", description = "Image height of the 3x3 convolution (default ${DEFAULT-VALUE}).")
  int convHeight = 16;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() throws LoadFailedException {
    EndToEndRun.Sizes sizes = new EndToEndRun.Sizes(launches, vectorLength, matrixSize, convWidth, convHeight);
    String name = Backend.parse(backend).name().toLowerCase(Locale.ROOT);
    EndToEndRun r = EndToEndRun.measure(OverlayShape.simUri(name, overlay), sizes);
    Map<String, Object> figures = figures(name, r);
    System.out.print(json ? Json.write(figures) + "\n" : table(figures, r));
    return (Boolean) figures.get("all_match_jvm") ? 0 : 1;
  }

  /** The figures of {@code r} (keys documented in docs/benchmarks.md). */
  static Map<String, Object> figures(String name, EndToEndRun r) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("bench", "e2e");
    f.put("backend", name);
    f.put("device", r.uri());
    f.put("overlay", r.overlay());
    f.put("clock_mhz", DEVICE_CLOCK_MHZ);
    f.put("image_bytes", r.imageBytes());
    f.put("image_load_cycles", r.imageLoadCycles());
    f.put("image_load_ms", round(r.imageLoadNanos() / 1e6, 10));
    f.put("launches", r.launches());
    f.put("launch_cycles", r.launchCycles());
    f.put("cycles_per_launch", round(r.launchCycles() / (double) r.launches(), 10));
    f.put("launches_per_simulated_second", Math.round(r.launches() / (r.launchCycles() / (DEVICE_CLOCK_MHZ * 1e6))));
    f.put("launch_wall_ms", round(r.launchNanos() / 1e6, 10));
    f.put("launches_per_wall_second", round(r.launches() / (r.launchNanos() / 1e9), 100));
    f.put("kernels", KernelFigures.json(r.kernels()));
    ExampleOutcome vectorAdd = r.kernels().get(0);
    double measured = KernelFigures.rooflinePercent(vectorAdd);
    f.put("goal_vector_add_roofline_percent", GOAL_VECTOR_ADD_ROOFLINE_PERCENT);
    f.put("vector_add_roofline_percent", measured);
    f.put("goal_met", measured >= GOAL_VECTOR_ADD_ROOFLINE_PERCENT);
    f.put("all_match_jvm", r.kernels().stream().allMatch(ExampleOutcome::matches));
    return f;
  }

  /** The same figures as the JSON, for people. */
  private static String table(Map<String, Object> f, EndToEndRun r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "End to end on %s, overlay %s, through the runtime API (device clock %.0f MHz)%n", f.get("device"),
        f.get("overlay"), f.get("clock_mhz")));
    sb.append(String.format(Locale.ROOT, "image load through PF0: %d bytes signed image, %d device cycles, %.1f ms"
        + " wall clock%n", f.get("image_bytes"), f.get("image_load_cycles"), f.get("image_load_ms")));
    sb.append(String.format(Locale.ROOT, "kernel launches (launch + wait, 1 work-item, %d timed): %d device cycles,"
        + " %.1f cycles per launch%n", f.get("launches"), f.get("launch_cycles"), f.get("cycles_per_launch")));
    sb.append(String.format(Locale.ROOT, "  %,d launches per simulated second (at %.0f MHz)%n",
        f.get("launches_per_simulated_second"), f.get("clock_mhz")));
    sb.append(String.format(Locale.ROOT, "  %.2f launches per wall-clock second (%.1f ms wall clock)%n",
        f.get("launches_per_wall_second"), f.get("launch_wall_ms")));
    sb.append("kernels (cycles: overlay busy cycles; roofline: minimum bytes moved / cycles / 64 B per cycle):\n");
    sb.append(KernelFigures.table(r.kernels()).render());
    sb.append(String.format(Locale.ROOT, "goal: vector add >= %.0f%% of the DRAM roofline; measured %.2f%% (%s)%n",
        f.get("goal_vector_add_roofline_percent"), f.get("vector_add_roofline_percent"),
        (Boolean) f.get("goal_met") ? "met" : "not met"));
    if (!(Boolean) f.get("all_match_jvm")) {
      sb.append("FAIL: a kernel's result differs from the JVM's\n");
    }
    return sb.toString();
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
