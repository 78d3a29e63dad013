package veneer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.overlay.bench.AreaBenchmark;
import veneer.overlay.bench.PeBenchmark;
import veneer.overlay.bench.XilinxArea;
import veneer.sim.Backend;

/** {@code veneer bench pe}: IPC of one PE for 1 to 8 threads, compute-bound and DRAM-bound. */
@Command(name = "pe", mixinStandardHelpOptions = true,
    description = {"IPC of one processing element (compute and DRAM loops) and its Yosys area.",
        "Instructions per cycle of a compute loop and of a loop that loads from DRAM with 20, 100 "
            + "and 300 cycles of latency, for 1, 2, 4 and 8 threads; Yosys area and logic depth of a PE "
            + "and of a 2-PE array.",
        "Example: ./veneer bench pe --json"})
final class PeBench implements Callable<Integer> {
  private static final int[] THREADS = {1, 2, 4, 8};
  private static final int[] LATENCIES = {20, 100, 300};

  @Option(names = "--backend", paramLabel = "jvm|verilator", description = "Simulator (default jvm).")
  String backend = "jvm";

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(names = "--no-area", description = "Skip the Yosys synth_xilinx area and logic depth of an 8-thread PE"
      + " and of a 2-PE array (about 2 minutes of CPU).")
  boolean noArea;

  @Override
  public Integer call() {
    Backend b = Backend.parse(backend);
    List<PeBenchmark.Result> results = new ArrayList<>();
    for (int t : THREADS) {
      results.add(PeBenchmark.compute(t, b));
    }
    for (int latency : LATENCIES) {
      for (int t : THREADS) {
        results.add(PeBenchmark.dram(t, latency, b));
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("bench", "pe");
    figures.put("backend", b.name().toLowerCase(Locale.ROOT));
    figures.put("iterations_per_thread", PeBenchmark.ITERATIONS);
    List<Object> rows = new ArrayList<>();
    TextTable table = new TextTable("loop", "threads", "DRAM latency", "cycles", "retired", "IPC");
    for (PeBenchmark.Result r : results) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("loop", r.loop());
      row.put("threads", r.threads());
      row.put("dram_latency", r.loop().equals("dram") ? r.latency() : null);
      row.put("cycles", r.cycles());
      row.put("retired", r.retired());
      row.put("ipc", Math.round(r.ipc() * 1000) / 1000.0);
      rows.add(row);
      table.row(r.loop(), r.threads(), r.loop().equals("dram") ? r.latency() : "-", r.cycles(), r.retired(),
          String.format(Locale.ROOT, "%.3f", r.ipc()));
    }
    figures.put("runs", rows);
    List<AreaBenchmark.Synthesized> areas = new ArrayList<>();
    if (!noArea) {
      AreaBenchmark.Synthesized pe = AreaBenchmark.pe();
      AreaBenchmark.Synthesized array = AreaBenchmark.array();
      areas.add(pe);
      areas.add(array);
      figures.put("area", areaFigures(pe));
      figures.put("array_area", areaFigures(array));
    }
    if (json) {
      System.out.println(Json.write(figures));
    } else {
      System.out.println("PE instructions per cycle (" + figures.get("backend") + " back end, "
          + PeBenchmark.ITERATIONS + " iterations per thread):");
      System.out.print(table.render());
      System.out.println("Goals: IPC >= 0.9 on the compute loop with 4+ threads; >= 0.8 on the DRAM loop"
          + " at 100 cycles with 8 threads.");
      for (AreaBenchmark.Synthesized a : areas) {
        XilinxArea.Result r = a.area();
        System.out.printf(Locale.ROOT, "Area of %s (Yosys synth_xilinx): %d LUTs, %d FFs, %.1f RAMB36, %d DSP48;"
            + " logic depth %d cells, critical path %.2f ns%n", a.description(), r.luts(), r.flipFlops(), r.bram36(),
            r.dsps(), r.logicDepth(), r.criticalPathPs() / 1000.0);
      }
      if (!areas.isEmpty()) {
        System.out.println("Goal: under 1,000 LUTs for an 8-thread PE. Logic depth: LUT/MUXF/CARRY4/INV cells on"
            + " the longest path between flip-flops, RAMs, DSPs and ports (Yosys ltp); critical path: Yosys sta with"
            + " the 7-series cell delays, no routing.");
      }
    }
    return 0;
  }

  private static Map<String, Object> areaFigures(AreaBenchmark.Synthesized s) {
    Map<String, Object> a = new LinkedHashMap<>(s.parameters());
    a.put("luts", s.area().luts());
    a.put("flip_flops", s.area().flipFlops());
    a.put("bram36", s.area().bram36());
    a.put("dsps", s.area().dsps());
    a.put("logic_depth", s.area().logicDepth());
    a.put("critical_path_ps", s.area().criticalPathPs() < 0 ? null : s.area().criticalPathPs());
    return a;
  }
}
