package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LintTools#yosys(Path, Set, String)}: a module read as a black box is not processed
 * (its logic loop goes unreported), the others are (the loop is reported), and instances of a
 * black box are still checked against its ports.
 */
class LintToolsBlackBoxTest {
  private static final String PASSES = "synth -run begin:fine";

  @Test
  void blackBoxesKeepTheirPortsButNotTheirBodies(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Child.v"), """
        module Child (input wire a, output wire y);
          wire b;
          assign b = a ^ y;
          assign y = b & a;
        endmodule
        """);
    Files.writeString(dir.resolve("Top.v"), """
        module Top (input wire a, output wire y);
          Child u (.a(a), .y(y));
        endmodule
        """);
    List<LintTools.Finding> all = LintTools.yosys(dir, Set.of(), PASSES);
    assertTrue(all.stream().anyMatch(f -> f.message().contains("logic loop in module Child")), all.toString());
    assertEquals(List.of(), LintTools.yosys(dir, Set.of("Child.v"), PASSES));

    Files.writeString(dir.resolve("Top.v"), """
        module Top (input wire a, output wire y);
          Child u (.a(a), .nope(y));
        endmodule
        """);
    List<LintTools.Finding> port = LintTools.yosys(dir, Set.of("Child.v"), PASSES);
    assertTrue(port.stream().anyMatch(f -> f.message().contains("does not have a port named 'nope'")), port.toString());
  }
}
