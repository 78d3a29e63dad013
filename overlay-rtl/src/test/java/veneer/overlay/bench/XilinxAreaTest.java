package veneer.overlay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.overlay.pe.Alu;

class XilinxAreaTest {
  private static final List<String> LTP = List.of(
      "2. Executing LTP pass (find longest path).",
      "Longest topological path in Pe (length=22):",
      "    0: $auto$alumacc.cc:485:replace_alu$5532.A [3]");

  @Test
  void countsLutsFlipFlopsBlockRamsAndDspsFromYosysStat() {
    List<String> stat = List.of(
        "   Number of cells:               7337",
        "     CARRY4                        366",
        "     DSP48E1                        10",
        "     FDRE                         1862",
        "     FDSE                            1",
        "     LUT1                          191",
        "     LUT6                          847",
        "     MUXF7                         538",
        "     RAM32M                          3",
        "     RAM64X1D                        2",
        "     RAMB18E1                        2",
        "     RAMB36E1                       12");
    XilinxArea.Result r = XilinxArea.parse(stat, LTP, List.of("3. Executing STA pass (static timing analysis).",
        "Latest arrival time in 'Pe' is 13281:", "   13281 $auto$ff.cc:266:slice$10824 (FDRE.D)"));
    assertEquals(191 + 847, r.luts());
    assertEquals(1863, r.flipFlops());
    assertEquals(13.0, r.bram36());
    assertEquals(10, r.dsps());
    assertEquals(22, r.logicDepth());
    assertEquals(13281, r.criticalPathPs());
    assertEquals(3 * 4 + 2 * 2, r.lutsAsMemory(), "LUTs as distributed RAM");
    assertEquals(191 + 847 + 16, r.totalLuts());
    assertEquals(-1, XilinxArea.criticalPathPs(List.of("No timing paths found.")));
  }

  @Test
  void aLoopOrAMissingLengthInTheLtpOutputIsAnError() {
    String loop = assertThrows(IllegalStateException.class, () -> XilinxArea.logicDepth(List.of(
        "Warning: Detected loop at \\x [3] in Top", "Longest topological path in Top (length=9):"))).getMessage();
    assertTrue(loop.contains("combinational loop"), loop);
    String none = assertThrows(IllegalStateException.class, () -> XilinxArea.logicDepth(List.of("nothing")))
        .getMessage();
    assertTrue(none.contains("length=N"), none);
  }

  /** Runs Yosys on a small design: the ALU has a 32-bit adder, so several levels of logic. */
  @Test
  void synthesizesTheAluWithYosys() {
    XilinxArea.Result r = XilinxArea.of(Elaborator.elaborate(new Alu()));
    assertTrue(r.luts() > 50 && r.luts() < 2000, "LUTs " + r.luts());
    assertEquals(0, r.flipFlops(), "the ALU is combinational");
    assertTrue(r.logicDepth() >= 3 && r.logicDepth() < 60, "logic depth " + r.logicDepth());
    // timed from the input buffers through the adder to the output buffers
    assertTrue(r.criticalPathPs() > 1000 && r.criticalPathPs() < 20_000, "critical path " + r.criticalPathPs() + " ps");
  }

  /** A 16-bit multiply-accumulate register that synthesis keeps as a unit. */
  static final class KeptMac extends Module {
    final UInt a = input("a", UInt(16));
    final UInt b = input("b", UInt(16));
    final UInt acc = output("acc", UInt(16));

    KeptMac() {
      keepHierarchy();
      UInt r = reg("r", UInt(16), 0);
      r.assign(r.add(a.xor(b)).resize(16));
      acc.assign(r);
    }
  }

  /** Two kept units side by side. */
  static final class TwoKeptMacs extends Module {
    TwoKeptMacs() {
      UInt x = input("x", UInt(16));
      UInt y = input("y", UInt(16));
      KeptMac first = instance("first", new KeptMac());
      KeptMac second = instance("second", new KeptMac());
      first.a.assign(x);
      first.b.assign(y);
      second.a.assign(y.not());
      second.b.assign(x);
      output("sum", UInt(16)).assign(first.acc.xor(second.acc));
    }
  }

  /** A unit kept through synthesis is counted once per instance, inside the design's count. */
  @Test
  void countsKeptUnitsOncePerInstance() {
    XilinxArea.Result unit = XilinxArea.of(Elaborator.elaborate(new KeptMac()));
    XilinxArea.Result pair = XilinxArea.of(Elaborator.elaborate(new TwoKeptMacs()));
    assertEquals(2 * unit.flipFlops(), pair.flipFlops(), "flip-flops of two units");
    // The parent's XOR of the two accumulators adds LUTs; the units' own stay as mapped alone.
    assertTrue(pair.luts() > 2 * unit.luts(), pair.luts() + " LUTs against " + unit.luts() + " per unit");
    assertTrue(pair.logicDepth() > unit.logicDepth(), "paths run from the units through the parent's XOR");
  }

  @Test
  void readsEveryModulesOwnCellsAndItsInstancesFromAHierarchicalStat() {
    List<String> stat = List.of(
        "=== Leaf ===",
        "   Number of wires:                 14",
        "   Number of cells:                 12",
        "     FDRE                            4",
        "     LUT6                            8",
        "=== Top ===",
        "   Number of cells:                  5",
        "     LUT2                            3",
        "     RAM64M                          1",
        "     Leaf                            2",
        "=== design hierarchy ===",
        "   Top                               1",
        "     Leaf                            2",
        "   Number of wires:                 40",
        "   Number of cells:                 29",
        "     FDRE                            8",
        "     LUT2                            3",
        "     LUT6                           16",
        "     RAM64M                          1");
    XilinxArea.Hierarchy h = XilinxArea.parseHierarchy(stat);
    assertEquals(List.of(
        new XilinxArea.ModuleArea("Leaf", 2, new XilinxArea.Cells(8, 4, 0, 0, 0)),
        new XilinxArea.ModuleArea("Top", 1, new XilinxArea.Cells(3, 0, 4, 0, 0))), h.modules(),
        "largest own LUT count first; a submodule's instance line is not a cell");
    assertEquals(new XilinxArea.Cells(19, 8, 4, 0, 0), h.total());
    String missing = assertThrows(IllegalStateException.class, () -> XilinxArea.parseHierarchy(stat.subList(0, 10)))
        .getMessage();
    assertTrue(missing.contains("design hierarchy"), missing);
  }

  /** The per-module figures add up, instance by instance, to the hierarchical design's. */
  @Test
  void synthesizesEachModuleOnItsOwnWithYosys() {
    XilinxArea.Hierarchy h = XilinxArea.byModule(Elaborator.elaborate(new TwoKeptMacs()));
    assertEquals(2, h.modules().size(), h.modules().toString());
    XilinxArea.ModuleArea mac = h.modules().stream().filter(m -> m.instances() == 2).findFirst().orElseThrow();
    assertEquals(16, mac.own().flipFlops(), "the accumulator register");
    assertEquals(2 * 16, h.total().flipFlops());
    assertEquals(h.modules().stream().mapToInt(m -> m.instances() * m.own().luts()).sum(), h.total().luts());
  }
}
