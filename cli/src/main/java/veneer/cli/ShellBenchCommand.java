package veneer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.shell.dma.bench.DmaThroughput;
import veneer.shell.dma.bench.ShellBench;
import veneer.shell.dma.bench.ShellBenchReport;
import veneer.sim.Backend;

/**
 * {@code veneer bench shell}: DMA throughput, MMIO round trip, interrupt latency and partial
 * bitstream load rate of the assembled Shell.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"DMA throughput, MMIO round trip, interrupt latency and image loading of the Shell.",
        "DMA throughput host-to-card and card-to-host per transfer size (bytes per cycle,",
        "share of the PCIe link, GB/s at 250 MHz), MMIO read round trip, interrupt latency (MSI-X)",
        "and partial-bitstream load cycles per byte through PF0, on the assembled Shell.",
        "Example: ./veneer bench shell --json"})
final class ShellBenchCommand implements Callable<Integer> {
  @Option(names = "--backend", paramLabel = "jvm|verilator", description = "Simulator (default jvm).")
  String backend = "jvm";

  @Option(names = "--sizes", split = ",", paramLabel = "BYTES",
      description = "Transfer sizes (default 64 B to 64 MiB); multiples of 64.")
  List<Integer> sizes = ShellBench.DEFAULT_SIZES;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    ShellBenchReport r = ShellBench.run(Backend.parse(backend), sizes);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("bench", "shell");
    figures.put("backend", backend.toLowerCase(Locale.ROOT));
    figures.put("configuration", r.configuration());
    List<Object> rows = new ArrayList<>();
    TextTable table = new TextTable("direction", "bytes", "cycles", "B/cycle", "% of link", "GB/s @250MHz");
    List<DmaThroughput> all = new ArrayList<>(r.h2c());
    all.addAll(r.c2h());
    for (DmaThroughput t : all) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("direction", t.direction());
      row.put("bytes", t.bytes());
      row.put("cycles", t.endToEndCycles());
      row.put("bytes_per_cycle", round(t.bytesPerCycle()));
      row.put("percent_of_link", round(t.percentOfLink()));
      row.put("gigabytes_per_second", round(t.gigabytesPerSecond()));
      rows.add(row);
      table.row(t.direction(), t.bytes(), t.endToEndCycles(), String.format(Locale.ROOT, "%.2f", t.bytesPerCycle()),
          String.format(Locale.ROOT, "%.1f", t.percentOfLink()), String.format(Locale.ROOT, "%.2f", t.gigabytesPerSecond()));
    }
    figures.put("dma", rows);
    figures.put("mmio_read_round_trip_cycles", r.mmioReadCycles());
    figures.put("interrupt_latency_cycles", r.interruptCycles());
    figures.put("user_irq_write_to_message_cycles", r.doorbellToInterruptCycles());
    figures.put("image_load_bytes", r.imageBytes());
    figures.put("image_load_cycles", r.imageLoadCycles());
    figures.put("image_load_cycles_per_byte", round(r.imageLoadCyclesPerByte()));
    if (json) {
      System.out.println(Json.write(figures));
    } else {
      System.out.println(r.configuration());
      System.out.print(table.render());
      System.out.println("MMIO read round trip: " + r.mmioReadCycles() + " cycles");
      System.out.println("interrupt latency (Role line rising -> MSI-X message in host memory): " + r.interruptCycles()
          + " cycles");
      System.out.println("user_irq MMIO write -> MSI-X message: " + r.doorbellToInterruptCycles() + " cycles");
      System.out.println(String.format(Locale.ROOT, "partial bitstream through PF0: %d bytes in %d cycles = %.2f"
          + " cycles/byte", r.imageBytes(), r.imageLoadCycles(), r.imageLoadCyclesPerByte()));
      System.out.println("Goal: >= 90% of the link for transfers of 1 MiB and more, both directions.");
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
