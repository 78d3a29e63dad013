package veneer.overlay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import veneer.hdl.ir.Design;
import veneer.hdl.verilog.VerilogEmitter;

/**
 * FPGA resources of a design from Yosys's {@code synth_xilinx} (7-series cells): LUTs, flip-flops,
 * block RAMs and DSP slices, read from Yosys's {@code stat}, and the logic depth of the longest
 * path. Needs the Debian package yosys (tested with 0.23).
 *
 * <p>Logic depth: after synthesis every sequential or I/O cell (FD*, RAM* block and distributed
 * RAMs, SRL*, DSP48*, *BUF*) is deleted, so the combinational cells that remain (LUT1-LUT6, MUXF7/8,
 * CARRY4, INV) form paths from flip-flop/RAM/DSP outputs and inputs to their inputs and outputs;
 * Yosys's {@code ltp} (longest topological path) then counts the cells on the longest one. A CARRY4
 * counts one per 4 bits of carry chain and a distributed-RAM read ends a path: this is a level
 * count, not a timing analysis.
 *
 * <p>Critical path: before that deletion, Yosys's {@code sta} with the delays of its Xilinx cell
 * models ({@code read_verilog -lib -specify +/xilinx/cells_sim.v}: 7-series cell delays in
 * picoseconds) gives the latest arrival time at a timed endpoint (a flip-flop, RAM or DSP input,
 * or an output buffer; paths start at flip-flops, RAMs, DSPs and input buffers). Routing
 * is not modelled, so this is an optimistic bound on the clock period, good for comparing
 * designs.
 *
 * <pre>{@code
 * XilinxArea.Result a = XilinxArea.of(Elaborator.elaborate(new Pe(PeConfig.of(8, 0, 4096, 4096))));
 * }</pre>
 */
public final class XilinxArea {
  private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");
  private static final Pattern SECTION = Pattern.compile("^=== (.+) ===\\s*$");
  private static final Pattern LATEST = Pattern.compile("Latest arrival time in '\\S+' is (\\d+):");
  private static final Pattern LONGEST = Pattern.compile("Longest topological path in \\S+ \\(length=(-?\\d+)\\)");
  /**
   * Flattens the modules that synthesis kept as units ({@code keep_hierarchy}, see
   * {@code Module.keepHierarchy()}) once they are mapped, so that {@code stat} counts the whole
   * design in one place and {@code sta} and {@code ltp} follow paths through them.
   */
  static final String FLATTEN_KEPT_UNITS = "setattr -mod -unset keep_hierarchy; flatten";
  /** The cells deleted before {@code ltp}: everything with a clock, and I/O buffers. */
  static final String SEQUENTIAL_AND_IO_CELLS = "t:FD* t:RAM* t:SRL* t:DSP48* t:*BUF*";

  private XilinxArea() {}

  /**
   * @param luts LUT1..LUT6 cells: LUTs used as logic
   * @param bram36 block RAMs in RAMB36 units (a RAMB18 counts one half)
   * @param logicDepth combinational cells on the longest path between sequential cells or ports
   * @param criticalPathPs latest arrival time at a timed endpoint from Yosys {@code sta}, in
   *     picoseconds; -1 if it found no timed path
   * @param lutsAsMemory LUTs used as distributed RAM or shift registers (RAM32M, RAM64M,
   *     RAM64X1D, SRLC32E, ...), each cell counted as the LUTs it occupies ({@link #lutsOfMemoryCell});
   *     not included in {@code luts}
   */
  public record Result(int luts, int flipFlops, double bram36, int dsps, int logicDepth, long criticalPathPs,
      int lutsAsMemory) {
    /** LUTs used as logic plus LUTs used as memory. */
    public int totalLuts() {
      return luts + lutsAsMemory;
    }
  }

  /**
   * The LUTs a 7-series distributed-RAM or shift-register cell occupies (UG474): a 32- or 64-deep
   * one-bit RAM 1 per port, RAM32M/RAM64M 4, 128-deep 2 per port, 256-deep 4 per port; 0 for
   * any other cell.
   */
  static int lutsOfMemoryCell(String cell) {
    switch (cell) {
      case "RAM32X1S": case "RAM64X1S": case "SRL16E": case "SRLC16E": case "SRLC32E":
        return 1;
      case "RAM32X1D": case "RAM64X1D": case "RAM128X1S":
        return 2;
      case "RAM32M": case "RAM64M": case "RAM128X1D": case "RAM256X1S":
        return 4;
      case "RAM256X1D": case "RAM32M16": case "RAM64M8":
        return 8;
      default:
        return 0;
    }
  }

  /**
   * Emits the design, synthesizes it with {@code synth_xilinx -flatten} (modules marked
   * {@code keep_hierarchy} are mapped on their own, then flattened) and counts the cells.
   */
  public static Result of(Design design) {
    Path dir = synthesize(design, "-flatten; " + FLATTEN_KEPT_UNITS + "; tee -q -o stat.txt stat;"
        + " read_verilog -lib -specify +/xilinx/cells_sim.v; tee -q -o sta.txt sta; delete "
        + SEQUENTIAL_AND_IO_CELLS + "; tee -q -o ltp.txt ltp", "stat.txt", "sta.txt", "ltp.txt");
    return parse(lines(dir, "stat.txt"), lines(dir, "ltp.txt"), lines(dir, "sta.txt"));
  }

  /**
   * Synthesizes the design keeping its hierarchy ({@code synth_xilinx} without {@code -flatten},
   * each module mapped on its own, as Vivado's {@code report_utilization -hierarchical} reports)
   * and counts every module's own cells. Flattening lets the mapper work across module
   * boundaries, so {@link Hierarchy#total()} differs from {@link #of}'s count; the per-module
   * figures show where a design's area goes.
   *
   * <pre>{@code
   * XilinxArea.Hierarchy h = XilinxArea.byModule(Elaborator.elaborate(new Pe(PeConfig.of(8, 0, 4096, 4096))));
   * h.modules().forEach(m -> System.out.println(m.module() + " " + m.own().luts()));
   * }</pre>
   */
  public static Hierarchy byModule(Design design) {
    Path dir = synthesize(design, "; tee -q -o stat.txt stat", "stat.txt");
    return parseHierarchy(lines(dir, "stat.txt"));
  }

  /**
   * Writes the design's Verilog to a fresh directory and runs {@code synth_xilinx -top TOP} and
   * then {@code rest} in it with Yosys; each of {@code outputs} must then exist there.
   */
  private static Path synthesize(Design design, String rest, String... outputs) {
    try {
      Path dir = Files.createTempDirectory("veneer-area");
      List<String> names = new ArrayList<>();
      VerilogEmitter.writeTo(design, dir).forEach(f -> names.add(f.toString()));
      String script = "read_verilog " + String.join(" ", names) + "; synth_xilinx -top "
          + VerilogEmitter.topName(design) + " " + rest;
      Process p;
      try {
        p = new ProcessBuilder("yosys", "-q", "-p", script).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("yosys.log").toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("yosys is not installed: apt-get install yosys", e);
      }
      int status = p.waitFor();
      boolean complete = status == 0;
      for (String o : outputs) {
        complete &= Files.exists(dir.resolve(o));
      }
      if (!complete) {
        throw new IllegalStateException("yosys synth_xilinx failed (exit " + status + "); see "
            + dir.resolve("yosys.log"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running yosys", e);
    }
  }

  private static List<String> lines(Path dir, String file) {
    try {
      return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result parse(List<String> statLines, List<String> ltpLines, List<String> staLines) {
    Cells c = Cells.count(statLines);
    return new Result(c.luts(), c.flipFlops(), c.bram36(), c.dsps(), logicDepth(ltpLines), criticalPathPs(staLines),
        c.lutsAsMemory());
  }

  /**
   * Cell counts of one part of a synthesized design.
   *
   * @param luts LUT1..LUT6 cells: LUTs used as logic
   * @param flipFlops FD* cells
   * @param lutsAsMemory LUTs used as distributed RAM or shift registers ({@link #lutsOfMemoryCell})
   * @param bram36 block RAMs in RAMB36 units (a RAMB18 counts one half)
   * @param dsps DSP48 slices
   */
  public record Cells(int luts, int flipFlops, int lutsAsMemory, double bram36, int dsps) {
    /** The cells listed after {@code Number of cells:} in one section of Yosys's {@code stat}. */
    static Cells count(List<String> statLines) {
      int luts = 0;
      int ffs = 0;
      int bram18 = 0;
      int bram36 = 0;
      int dsps = 0;
      int lutRam = 0;
      boolean inCells = false;
      for (String line : statLines) {
        if (line.contains("Number of cells:")) {
          inCells = true;
          continue;
        }
        Matcher m = CELL.matcher(line);
        if (!inCells || !m.matches()) {
          continue;
        }
        String cell = m.group(1);
        int n = Integer.parseInt(m.group(2));
        if (cell.matches("LUT[1-6]")) {
          luts += n;
        } else if (cell.matches("FD[A-Z]*")) {
          ffs += n;
        } else if (cell.startsWith("RAMB36")) {
          bram36 += n;
        } else if (cell.startsWith("RAMB18")) {
          bram18 += n;
        } else if (cell.startsWith("DSP48")) {
          dsps += n;
        } else {
          lutRam += n * lutsOfMemoryCell(cell);
        }
      }
      return new Cells(luts, ffs, lutRam, bram36 + bram18 / 2.0, dsps);
    }
  }

  /**
   * One module of a hierarchical synthesis.
   *
   * @param module the module's name in the Verilog
   * @param instances how many times it occurs in the design
   * @param own the cells of one instance, without those of its submodules
   */
  public record ModuleArea(String module, int instances, Cells own) {}

  /**
   * A hierarchical synthesis: every module, largest own LUT count first, and the whole design
   * (each module counted once per instance).
   */
  public record Hierarchy(List<ModuleArea> modules, Cells total) {}

  /**
   * Reads Yosys's hierarchical {@code stat}: one {@code === NAME ===} section per module, then
   * {@code === design hierarchy ===} with each module's instance count and the design's totals.
   */
  static Hierarchy parseHierarchy(List<String> statLines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : statLines) {
      Matcher m = SECTION.matcher(line);
      if (m.matches()) {
        current = new ArrayList<>();
        sections.put(m.group(1), current);
      } else if (current != null) {
        current.add(line);
      }
    }
    List<String> hierarchy = sections.remove("design hierarchy");
    Map<String, Integer> instances = new LinkedHashMap<>();
    if (hierarchy == null) {
      if (sections.size() != 1) {
        throw new IllegalStateException("no '=== design hierarchy ===' section in the yosys stat output of "
            + sections.size() + " modules");
      }
      instances.put(sections.keySet().iterator().next(), 1);
    } else {
      for (String line : hierarchy) {
        if (line.contains("Number of")) {
          break;
        }
        Matcher m = CELL.matcher(line);
        if (m.matches()) {
          instances.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
        }
      }
    }
    List<ModuleArea> modules = new ArrayList<>();
    sections.forEach((name, lines) -> {
      Integer n = instances.get(name);
      if (n == null) {
        throw new IllegalStateException("module " + name + " is not in the yosys design hierarchy " + instances.keySet());
      }
      modules.add(new ModuleArea(name, n, Cells.count(lines)));
    });
    modules.sort(Comparator.comparingInt((ModuleArea m) -> m.own().luts()).reversed()
        .thenComparing(ModuleArea::module));
    Cells total = hierarchy == null ? modules.get(0).own() : Cells.count(hierarchy);
    return new Hierarchy(List.copyOf(modules), total);
  }

  /** The latest arrival time from Yosys's {@code sta} output, -1 if it found no timing path. */
  static long criticalPathPs(List<String> staLines) {
    for (String line : staLines) {
      Matcher m = LATEST.matcher(line);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      if (line.contains("No timing paths found")) {
        return -1;
      }
    }
    throw new IllegalStateException("no 'Latest arrival time ... is N:' line in the yosys sta output: " + staLines);
  }

  /** The length from Yosys's {@code ltp} output; a combinational loop or a missing line is an error. */
  static int logicDepth(List<String> ltpLines) {
    for (String line : ltpLines) {
      if (line.contains("Detected loop")) {
        throw new IllegalStateException("yosys ltp found a combinational loop: " + line.trim());
      }
    }
    for (String line : ltpLines) {
      Matcher m = LONGEST.matcher(line);
      if (m.find()) {
        int n = Integer.parseInt(m.group(1));
        if (n < 0) {
          throw new IllegalStateException("yosys ltp found no combinational cells: " + line.trim());
        }
        return n;
      }
    }
    throw new IllegalStateException("no 'Longest topological path ... (length=N)' line in the yosys ltp output: "
        + ltpLines);
  }
}
