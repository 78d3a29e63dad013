package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;

/**
 * A product of two sign extensions is printed as {@code $signed(x) * $signed(y)} of the unextended
 * operands on a net of its own, and stays clean in all three tools. (Its values are checked against
 * the IR by {@link AluSimulationTest}.)
 */
class SignedProductTest {
  private static String text() {
    Design design = Elaborator.elaborate(new SignedProducts());
    return VerilogEmitter.emitModule(design, design.top());
  }

  @Test
  void productOfSignExtensionsIsASignedProductOfTheOperands() {
    String v = text();
    assertTrue(v.contains("assign ab = $signed(a) * $signed(b);"), v);
    assertTrue(v.contains("assign ac = $signed(a) * $signed(c);"), v);
    assertTrue(v.contains("assign cf = $signed(c) * $signed(f);"), v);
    assertTrue(v.contains("assign cu = $signed(c) * $signed({1'b0, u});"), v);
    // The extensions that only the products read are gone.
    assertFalse(v.contains("{33{a[32]}}"), v);
    assertFalse(v.contains("{33{b[32]}}"), v);
  }

  @Test
  void aSignedProductInsideAnExpressionGetsANetOfItsOwn() {
    String v = text();
    assertTrue(v.matches("(?s).*wire \\[40:0\\] (_t\\d+) = \\$signed\\(a\\) \\* \\$signed\\(c\\);.*"
        + "assign ac_plus = \\1 \\+ \\{34'd0, u\\};.*"), v);
  }

  @Test
  void signedProductsAreLintClean(@TempDir Path dir) {
    Design design = Elaborator.elaborate(new SignedProducts());
    VerilogEmitter.writeTo(design, dir);
    assertEquals(List.of(), LintTools.lint(dir, VerilogEmitter.topName(design)));
  }
}
