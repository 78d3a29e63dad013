package veneer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.hdl.Elaborator;
import veneer.hdl.TopFactory;
import veneer.hdl.ir.Design;
import veneer.overlay.bench.XilinxArea;

/**
 * {@code veneer area}: the FPGA resources of any top-level design from Yosys {@code synth_xilinx},
 * flattened (the figure {@code veneer bench pe} gives for the PE) and, with {@code --by-module},
 * per module of the hierarchy (like Vivado's {@code report_utilization -hierarchical}).
 */
@Command(name = "area", mixinStandardHelpOptions = true,
    description = {"FPGA resources of a hardware design from Yosys synth_xilinx (7-series cells).",
        "The flattened design: LUTs as logic and as distributed RAM, flip-flops, block RAMs, DSPs, logic depth"
            + " and critical path. With --by-module, every module synthesized on its own as well.",
        "Example: ./veneer area --top Pe --param threads=8 --by-module"})
final class AreaCommand implements Callable<Integer> {
  @Option(names = "--top", required = true, paramLabel = "CLASS",
      description = "The design: a @Top class, full or simple name (./veneer verilog --list).")
  String top;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A design parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--by-module", description = "Also synthesize the hierarchy unflattened and give each module's"
      + " own cells.")
  boolean byModule;

  @Option(names = "--json", description = "Print one JSON object instead of the tables.")
  boolean json;

  @Override
  public Integer call() {
    Design design = Elaborator.elaborate(TopFactory.create(TopRegistry.resolve(top), params));
    XilinxArea.Result flat = XilinxArea.of(design);
    XilinxArea.Hierarchy hierarchy = byModule ? XilinxArea.byModule(design) : null;
    if (json) {
      System.out.println(Json.write(figures(design, flat, hierarchy)));
      return 0;
    }
    System.out.printf(Locale.ROOT, "%s%s, Yosys synth_xilinx -flatten: %d LUTs as logic (+%d as distributed RAM),"
        + " %d FFs, %.1f RAMB36, %d DSP48; logic depth %d cells, critical path %.2f ns%n", design.nameOf(design.top()),
        params.isEmpty() ? "" : " " + params, flat.luts(), flat.lutsAsMemory(), flat.flipFlops(), flat.bram36(),
        flat.dsps(), flat.logicDepth(), flat.criticalPathPs() / 1000.0);
    if (hierarchy != null) {
      TextTable t = new TextTable("module", "instances", "LUTs", "LUTs as RAM", "FFs", "RAMB36", "DSP48");
      for (XilinxArea.ModuleArea m : hierarchy.modules()) {
        XilinxArea.Cells c = m.own();
        t.row(m.module(), m.instances(), c.luts(), c.lutsAsMemory(), c.flipFlops(), c.bram36(), c.dsps());
      }
      XilinxArea.Cells c = hierarchy.total();
      t.row("(all, by instance)", "", c.luts(), c.lutsAsMemory(), c.flipFlops(), c.bram36(), c.dsps());
      System.out.println("Each module synthesized on its own (synth_xilinx, hierarchy kept), its own cells per"
          + " instance:");
      System.out.print(t.render());
    }
    return 0;
  }

  private Map<String, Object> figures(Design design, XilinxArea.Result flat, XilinxArea.Hierarchy hierarchy) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("design", design.nameOf(design.top()));
    f.put("parameters", new LinkedHashMap<>(params));
    Map<String, Object> flattened = cells(new XilinxArea.Cells(flat.luts(), flat.flipFlops(), flat.lutsAsMemory(),
        flat.bram36(), flat.dsps()));
    flattened.put("logic_depth", flat.logicDepth());
    flattened.put("critical_path_ps", flat.criticalPathPs() < 0 ? null : flat.criticalPathPs());
    f.put("flattened", flattened);
    if (hierarchy != null) {
      List<Object> modules = new ArrayList<>();
      for (XilinxArea.ModuleArea m : hierarchy.modules()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("module", m.module());
        row.put("instances", m.instances());
        row.putAll(cells(m.own()));
        modules.add(row);
      }
      f.put("modules", modules);
      f.put("hierarchical", cells(hierarchy.total()));
    }
    return f;
  }

  private static Map<String, Object> cells(XilinxArea.Cells c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("luts", c.luts());
    m.put("luts_as_memory", c.lutsAsMemory());
    m.put("flip_flops", c.flipFlops());
    m.put("bram36", c.bram36());
    m.put("dsps", c.dsps());
    return m;
  }
}
