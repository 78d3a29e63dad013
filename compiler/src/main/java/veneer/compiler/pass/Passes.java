package veneer.compiler.pass;

import java.util.List;

/**
 * The standard pass pipeline.
 *
 * <pre>{@code
 * KernelCompiler.optimize(ir, Passes.standard());
 * }</pre>
 */
public final class Passes {
  private Passes() {
  }

  /**
   * Inlining first (the rest then sees whole kernels), constants before everything that looks
   * for patterns, CSE before loop-invariant motion (fewer, shared values to move), strength
   * reduction after both, bounds checks last (they need the canonical loop shapes), then cleanup.
   */
  public static List<Pass> standard() {
    return List.of(
        new Inlining(),
        new ConstantFolding(),
        new DeadCodeElimination(),
        new CommonSubexpressionElimination(),
        new LoopInvariantMotion(),
        new StrengthReduction(),
        new CommonSubexpressionElimination(),
        new BoundsCheckElimination(),
        new ConstantFolding(),
        new DeadCodeElimination());
  }
}
