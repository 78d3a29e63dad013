package veneer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import veneer.examples.ExampleOutcome;

/**
 * The per-kernel figures of the demo and of {@code bench e2e}, from the examples'
 * {@link ExampleOutcome} (which holds the one computation of elements per cycle and of the DRAM
 * roofline share): the table for people and the same figures, rounded the same way, for JSON.
 *
 * <pre>{@code
 * System.out.print(KernelFigures.table(outcomes).render());
 * List<Object> rows = KernelFigures.json(outcomes);
 * }</pre>
 */
final class KernelFigures {
  private KernelFigures() {}

  /** Elements per busy cycle, as printed and as written to JSON (3 decimals). */
  static double elementsPerCycle(ExampleOutcome o) {
    return round(o.elementsPerCycle(), 1000);
  }

  /** Percent of the DRAM roofline ({@link ExampleOutcome#rooflineShare()}), as printed and in JSON (2 decimals). */
  static double rooflinePercent(ExampleOutcome o) {
    return round(100 * o.rooflineShare(), 100);
  }

  /** Wall-clock compile time in milliseconds (1 decimal). */
  static double compileMillis(ExampleOutcome o) {
    return round(o.compileNanos() / 1e6, 10);
  }

  /** One row per outcome: kernel, elements, cycles, elements/cycle, bytes moved, roofline, compile ms, check. */
  static TextTable table(List<ExampleOutcome> outcomes) {
    TextTable t = new TextTable("kernel", "elements", "cycles", "elements/cycle", "bytes moved", "roofline",
        "compile ms", "check");
    for (ExampleOutcome o : outcomes) {
      t.row(o.name(), o.elements(), o.cycles(), String.format(Locale.ROOT, "%.3f", elementsPerCycle(o)),
          o.bytesMoved(), String.format(Locale.ROOT, "%.2f%%", rooflinePercent(o)),
          String.format(Locale.ROOT, "%.1f", compileMillis(o)), o.matches() ? "ok" : "FAIL");
    }
    return t;
  }

  /** The same figures as {@link #table}, one JSON object per outcome (keys in docs/benchmarks.md). */
  static List<Object> json(List<ExampleOutcome> outcomes) {
    List<Object> rows = new ArrayList<>();
    for (ExampleOutcome o : outcomes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", o.name());
      row.put("elements", o.elements());
      row.put("cycles", o.cycles());
      row.put("elements_per_cycle", elementsPerCycle(o));
      row.put("bytes_moved", o.bytesMoved());
      row.put("roofline_percent", rooflinePercent(o));
      row.put("compile_ms", compileMillis(o));
      row.put("matches_jvm", o.matches());
      rows.add(row);
    }
    return rows;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
