package veneer.overlay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
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
}
