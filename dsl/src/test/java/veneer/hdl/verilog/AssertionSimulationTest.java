package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Bool;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.designs.Checked;
import veneer.hdl.ir.Design;

/**
 * Assertions in the emitted Verilog, run by Icarus: a violated one stops the simulation with its
 * message and Java line; one that holds stays silent, also while reset is high.
 */
class AssertionSimulationTest {
  /** Counts up; asserts that it never reaches 3 (which it does in the fourth cycle after reset). */
  static final class Violating extends Module {
    Violating() {
      UInt count = reg("count", UInt(4), 0);
      count.assign(count.add(1));
      assertThat(count.ne(3), "count must not reach 3");
      output("q", UInt(4)).assign(count);
    }
  }

  private static String simulate(Design design, Path dir, int cycles, String enable) throws Exception {
    VerilogEmitter.writeTo(design, dir);
    String top = VerilogEmitter.topName(design);
    String tb = "module tb;\n  reg clk = 0;\n  reg reset = 1;\n" + (enable == null ? "" : "  reg enable = 0;\n")
        + "  wire [7:0] q;\n  " + top + " dut (.clk(clk), .reset(reset)"
        + (enable == null ? ", .q(q[3:0])" : ", .enable(enable), .count_out(q)") + ");\n"
        + (enable == null ? "  assign q[7:4] = 4'd0;\n" : "")
        + "  always #5 clk = !clk;\n  initial begin\n    #22 reset = 0;\n"
        + (enable == null ? "" : "    " + enable + "\n")
        + "    #" + (cycles * 10) + " $display(\"finished\");\n    $finish;\n  end\nendmodule\n";
    Files.writeString(dir.resolve("tb.v"), tb);
    ToolRun.run(dir, "iverilog", true, "iverilog", "-g2012", "-o", "sim.vvp", "-s", "tb", "tb.v", top + ".v");
    return ToolRun.run(dir, "iverilog", false, "vvp", "-n", "sim.vvp");
  }

  @Test
  void violatedAssertionStopsWithMessageAndJavaLine(@TempDir Path dir) throws Exception {
    String out = simulate(Elaborator.elaborate(new Violating()), dir, 10, null);
    assertTrue(out.contains("Assertion failed in tb.dut: count must not reach 3 (AssertionSimulationTest.java:"),
        out);
    assertFalse(out.contains("finished"), "the simulation stops at the failure:\n" + out);
  }

  @Test
  void assertionsThatHoldStaySilent(@TempDir Path dir) throws Exception {
    String out = simulate(Elaborator.elaborate(new Checked()), dir, 40,
        "repeat (5) @(negedge clk); enable = 1; repeat (7) @(negedge clk); enable = 0;");
    assertFalse(out.contains("Assertion failed"), out);
    assertTrue(out.contains("finished"), out);
  }
}
