package veneer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.hdl.ir.Design;
import veneer.sim.Backend;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.bench.SimBenchmark;

/**
 * {@code veneer bench sim}: simulated cycles per second of each back end on the reference
 * design (pipelined 32-bit LFSR/ALU lanes with a memory), their ratio, and the Verilator model's
 * build time, cold (empty cache) and cached. With {@code --design platform}: the whole simulated
 * platform with overlays of the shapes of {@code --overlay} ({@link PlatformSimRun}).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {"Simulator speed on the LfsrAluLanes reference design, per back end,",
        "or on the whole simulated platform (--design platform).",
        "Example: ./veneer bench sim --lanes 16 --cycles 2000000 --json",
        "Example: ./veneer bench sim --design platform --overlay 4x8,16x8 --backends jvm"})
final class SimBench implements Callable<Integer> {
  @Option(names = "--design", description = "lanes (LfsrAluLanes, default) or platform (Shell + overlay Role + host).")
  String design = "lanes";

  @Option(names = "--overlay", split = ",", description = "Overlay shapes PxT for --design platform (default 4x8,16x8).")
  List<String> overlays = List.of("4x8", "16x8");

  @Option(names = "--vector-length", description = "Elements of the vector add for --design platform (default ${DEFAULT-VALUE}).")
  int vectorLength = 2048;

  @Option(names = "--lanes", description = "Lanes of the reference design (default ${DEFAULT-VALUE}).")
  int lanes = 16;

  @Option(names = "--cycles", description = "Timed cycles per back end (default ${DEFAULT-VALUE}).")
  long cycles = 2_000_000;

  @Option(names = "--backends", split = ",", description = "Back ends to measure (default jvm,verilator).")
  List<String> backends = List.of("jvm", "verilator");

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (design.equals("platform")) {
      return platform();
    }
    if (!design.equals("lanes")) {
      throw new IllegalArgumentException("--design: expected lanes or platform, found '" + design + "'");
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("bench", "sim");
    figures.put("design", "LfsrAluLanes(lanes=" + lanes + ", width=32)");
    figures.put("cycles", cycles);
    TextTable table = new TextTable("back end", "cycles", "seconds", "cycles/s", "checksum");
    List<SimBenchmark.Result> results = new ArrayList<>();
    for (String name : backends) {
      Backend backend = Backend.parse(name);
      SimOptions options = SimOptions.defaults();
      if (backend == Backend.VERILATOR) {
        options = measureVerilatorBuild(figures);
      }
      SimBenchmark.Result r = SimBenchmark.run(backend, lanes, Math.max(cycles / 4, 10_000), cycles, options);
      results.add(r);
      String key = backend.name().toLowerCase(Locale.ROOT);
      figures.put(key + "_cycles_per_second", Math.round(r.cyclesPerSecond()));
      figures.put(key + "_checksum", String.format("%08x", r.checksum()));
      table.row(key, r.cycles(), String.format(Locale.ROOT, "%.3f", r.seconds()),
          String.format(Locale.ROOT, "%.0f", r.cyclesPerSecond()), String.format("%08x", r.checksum()));
    }
    boolean agree = results.stream().map(SimBenchmark.Result::checksum).distinct().count() <= 1;
    figures.put("checksums_agree", agree);
    if (figures.containsKey("jvm_cycles_per_second") && figures.containsKey("verilator_cycles_per_second")) {
      figures.put("jvm_to_verilator_ratio", (double) (Long) figures.get("jvm_cycles_per_second")
          / (Long) figures.get("verilator_cycles_per_second"));
    }
    if (json) {
      System.out.println(Json.write(figures));
    } else {
      System.out.println("Simulator speed, " + figures.get("design") + ":");
      System.out.print(table.render());
      if (figures.containsKey("jvm_to_verilator_ratio")) {
        System.out.printf(Locale.ROOT, "JVM / Verilator speed: %.2f (goal: at least 0.33)%n",
            figures.get("jvm_to_verilator_ratio"));
      }
      if (figures.containsKey("verilator_build_seconds_cold")) {
        System.out.printf(Locale.ROOT, "Verilator model build: %.1f s cold, %.2f s cached%n",
            figures.get("verilator_build_seconds_cold"), figures.get("verilator_build_seconds_cached"));
      }
      System.out.println("checksums " + (agree ? "agree" : "DIFFER") + " across back ends");
    }
    return agree ? 0 : 1;
  }

  /** {@code --design platform}: each back end and overlay shape, with the figures of {@link PlatformSimRun}. */
  private int platform() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("bench", "sim");
    figures.put("design", "SimulatedPlatform (Shell, overlay Role, host), vector add of " + vectorLength);
    TextTable table = new TextTable("back end", "overlay", "open s", "load cycles", "load cycles/s", "run cycles",
        "run 1 cycles/s", "run 2 cycles/s");
    for (String name : backends) {
      Backend backend = Backend.parse(name);
      String key = backend.name().toLowerCase(Locale.ROOT);
      for (String shape : overlays) {
        PlatformSimRun r = PlatformSimRun.measure(key, shape, vectorLength);
        String p = key + "_" + shape + "_";
        figures.put(p + "open_seconds", r.openNanos() / 1e9);
        figures.put(p + "load_cycles", r.loadCycles());
        figures.put(p + "load_cycles_per_second", Math.round(r.loadCyclesPerSecond()));
        figures.put(p + "run_cycles", r.runCycles()[1]);
        figures.put(p + "first_run_cycles_per_second", Math.round(r.cyclesPerSecond(0)));
        figures.put(p + "cycles_per_second", Math.round(r.cyclesPerSecond(1)));
        table.row(key, shape, String.format(Locale.ROOT, "%.1f", r.openNanos() / 1e9), r.loadCycles(),
            String.format(Locale.ROOT, "%.0f", r.loadCyclesPerSecond()), r.runCycles()[1],
            String.format(Locale.ROOT, "%.0f", r.cyclesPerSecond(0)), String.format(Locale.ROOT, "%.0f", r.cyclesPerSecond(1)));
      }
    }
    if (json) {
      System.out.println(Json.write(figures));
    } else {
      System.out.println("Simulator speed, " + figures.get("design") + ":");
      System.out.print(table.render());
    }
    return 0;
  }

  /** Opens the model twice in a fresh cache: the first open builds it, the second finds it. */
  private SimOptions measureVerilatorBuild(Map<String, Object> figures) throws IOException {
    Path cache = Files.createTempDirectory("veneer-bench-cache");
    SimOptions options = SimOptions.defaults().withCacheDir(cache);
    Design design = SimBenchmark.design(lanes);
    figures.put("verilator_build_seconds_cold", timeOpen(design, options));
    figures.put("verilator_build_seconds_cached", timeOpen(design, options));
    return options;
  }

  private static double timeOpen(Design design, SimOptions options) {
    long t0 = System.nanoTime();
    try (Simulator sim = Simulators.open(design, Backend.VERILATOR, options)) {
      return (System.nanoTime() - t0) / 1e9;
    }
  }
}
