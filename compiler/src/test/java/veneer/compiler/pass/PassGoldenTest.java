package veneer.compiler.pass;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import veneer.compiler.KernelCompiler;
import veneer.compiler.Oracle;
import veneer.compiler.ir.IrPrinter;
import veneer.compiler.ir.KernelIr;
import veneer.kernel.WorkRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden text of each pass on a small kernel (the pass runs after the cleanup it relies on), and
 * the JVM/interpreter equivalence of the same pipeline.
 */
class PassGoldenTest {
  private static String after(String kernel, List<Pass> passes) {
    KernelIr ir = KernelCompiler.frontEnd(Small.class, kernel);
    KernelCompiler.optimize(ir, passes);
    return IrPrinter.print(ir);
  }

  private static void equivalent(String kernel, List<Pass> passes, WorkRange range, Object... args) {
    Oracle.check(Small.class, kernel, passes, range, args);
  }

  private static final Pass INLINE = new Inlining();
  private static final Pass FOLD = new ConstantFolding();
  private static final Pass DCE = new DeadCodeElimination();
  private static final Pass CSE = new CommonSubexpressionElimination();
  private static final Pass LICM = new LoopInvariantMotion();
  private static final Pass SR = new StrengthReduction();
  private static final Pass BCE = new BoundsCheckElimination();

  static final Object[][] GOLDEN = {
    {"inlineMe", List.of(INLINE)},
    {"constants", List.of(FOLD)},
    {"dead", List.of(DCE)},
    {"common", List.of(DCE, CSE)},
    {"invariant", List.of(DCE, LICM)},
    {"strength", List.of(DCE, SR)},
    {"bounds", List.of(DCE, CSE, BCE)},
  };

  private static String golden(String kernel) {
    try (java.io.InputStream in = PassGoldenTest.class.getResourceAsStream("/golden/" + kernel + ".ir")) {
      if (in == null) {
        throw new AssertionError("missing golden file golden/" + kernel + ".ir");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @org.junit.jupiter.api.TestFactory
  @SuppressWarnings("unchecked")
  Stream<org.junit.jupiter.api.DynamicTest> goldenText() {
    return Arrays.stream(GOLDEN).map(g -> org.junit.jupiter.api.DynamicTest.dynamicTest((String) g[0],
        () -> assertEquals(golden((String) g[0]), after((String) g[0], (List<Pass>) g[1]))));
  }

  @Test
  void eachGoldenPipelineKeepsJavaSemantics() {
    int[] a = {3, -17, 8, 0, 5, 6, 7, 9};
    for (Object[] g : GOLDEN) {
      @SuppressWarnings("unchecked")
      List<Pass> passes = (List<Pass>) g[1];
      String k = (String) g[0];
      Object[] args = switch (k) {
        case "dead", "strength" -> new Object[] {a, -123457};
        case "common", "invariant" -> new Object[] {a, 41, -3};
        default -> new Object[] {a};
      };
      equivalent(k, passes, WorkRange.of(10), args);
      equivalent(k, Passes.standard(), WorkRange.of(10), args);
    }
  }

  @Test
  void optimizedTextOfTheStandardPipeline() {
    String bounds = after("bounds", Passes.standard());
    org.junit.jupiter.api.Assertions.assertFalse(bounds.contains("boundscheck"), bounds);
    String invariant = after("invariant", Passes.standard());
    org.junit.jupiter.api.Assertions.assertTrue(invariant.indexOf("mul i32 %p, %q") < invariant.indexOf("phi"), invariant);
  }
}
