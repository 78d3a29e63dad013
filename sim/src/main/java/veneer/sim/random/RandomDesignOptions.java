package veneer.sim.random;

/**
 * How big and how varied the random designs are. Every limit is an upper bound; the generator
 * draws the actual numbers from the seed.
 *
 * <pre>{@code
 * RandomDesignOptions small = RandomDesignOptions.defaults().withOpsPerModule(10).withMaxDepth(1);
 * }</pre>
 *
 * @param maxWidth widest signal, in bits (at least 1; widths 64/65 and 128+ are favoured when allowed)
 * @param opsPerModule expression operators built in each module
 * @param maxInputs data inputs per module (at least 1)
 * @param maxOutputs data outputs per module (at least 1)
 * @param maxRegisters registers per module
 * @param maxWires wires assigned through when/elsewhen/otherwise chains, per module
 * @param maxMemories memories per module
 * @param maxMemDepth words per memory
 * @param maxChildren child instances per module
 * @param maxDepth levels of hierarchy below a generated design (0 = flat)
 */
public record RandomDesignOptions(int maxWidth, int opsPerModule, int maxInputs, int maxOutputs,
    int maxRegisters, int maxWires, int maxMemories, int maxMemDepth, int maxChildren, int maxDepth) {

  public RandomDesignOptions {
    require(maxWidth >= 1, "maxWidth must be at least 1, found " + maxWidth);
    require(maxInputs >= 1, "maxInputs must be at least 1, found " + maxInputs);
    require(maxOutputs >= 1, "maxOutputs must be at least 1, found " + maxOutputs);
    require(maxMemDepth >= 1, "maxMemDepth must be at least 1, found " + maxMemDepth);
    require(opsPerModule >= 0 && maxRegisters >= 0 && maxWires >= 0 && maxMemories >= 0
        && maxChildren >= 0 && maxDepth >= 0, "counts must not be negative");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Widths up to 130 bits, about 40 operators per module, two levels of children. */
  public static RandomDesignOptions defaults() {
    return new RandomDesignOptions(130, 40, 6, 6, 6, 4, 2, 40, 2, 2);
  }

  public RandomDesignOptions withOpsPerModule(int n) {
    return new RandomDesignOptions(maxWidth, n, maxInputs, maxOutputs, maxRegisters, maxWires,
        maxMemories, maxMemDepth, maxChildren, maxDepth);
  }

  public RandomDesignOptions withMaxDepth(int n) {
    return new RandomDesignOptions(maxWidth, opsPerModule, maxInputs, maxOutputs, maxRegisters,
        maxWires, maxMemories, maxMemDepth, maxChildren, n);
  }

  public RandomDesignOptions withMaxWidth(int n) {
    return new RandomDesignOptions(n, opsPerModule, maxInputs, maxOutputs, maxRegisters, maxWires,
        maxMemories, maxMemDepth, maxChildren, maxDepth);
  }
}
