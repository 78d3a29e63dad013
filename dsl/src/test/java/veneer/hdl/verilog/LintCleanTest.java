package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import veneer.hdl.designs.ReferenceDesigns;
import veneer.hdl.ir.Design;

/**
 * Every reference design passes Verilator's -Wall lint, Icarus Verilog and Yosys synthesis with
 * no finding at all, and the lint runner does report findings when there are some.
 */
class LintCleanTest {
  static List<String> designs() {
    return List.copyOf(ReferenceDesigns.all().keySet());
  }

  @ParameterizedTest
  @MethodSource("designs")
  void referenceDesignHasNoFindings(String name, @TempDir Path dir) {
    Design design = ReferenceDesigns.elaborate(name);
    VerilogEmitter.writeTo(design, dir);
    List<LintTools.Finding> findings = LintTools.lint(dir, VerilogEmitter.topName(design));
    assertEquals(List.of(), findings, name + " must be clean in all three tools");
  }

  @Test
  void findingsOfEachToolAreReported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Bad.v"), """
        module Bad (
          input  wire [7:0] a,
          output wire [3:0] y
        );
          wire unused_wire;
          assign y = a;
        endmodule
        """);
    List<LintTools.Finding> verilator = LintTools.verilator(dir, "Bad");
    assertTrue(verilator.stream().anyMatch(f -> f.message().contains("WIDTH")), verilator.toString());
    assertTrue(verilator.stream().anyMatch(f -> f.message().contains("UNUSEDSIGNAL")), verilator.toString());

    Files.writeString(dir.resolve("Bad.v"), "module Bad (output wire y);\n  assign y = missing;\nendmodule\n");
    assertTrue(!LintTools.iverilog(dir, "Bad").isEmpty(), "Icarus reports an undeclared name");
    assertTrue(!LintTools.yosys(dir, "Bad").isEmpty(), "Yosys reports an undeclared name");
  }
}
