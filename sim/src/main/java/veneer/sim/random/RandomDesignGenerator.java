package veneer.sim.random;

import java.util.SplittableRandom;
import veneer.hdl.Module;

/**
 * Builds random, well-formed designs for differential testing of the simulators and the Verilog:
 * widths from 1 to {@link RandomDesignOptions#maxWidth()} bits (64, 65 and 128+ often), UInt,
 * SInt, Bits and Bool operators of every {@link veneer.hdl.ir.Op} kind, registers with and
 * without reset, memories with asynchronous and registered reads and masked writes, muxes and
 * when/elsewhen/otherwise chains, and hierarchy (one generated "class" per level, instantiated
 * with different parameters, and sometimes twice with the same ones). No combinational loops,
 * no black boxes. The same seed and index always give the same design.
 *
 * <pre>{@code
 * RandomDesignGenerator gen = new RandomDesignGenerator(42, RandomDesignOptions.defaults());
 * Design one = Elaborator.elaborate(gen.design(0));
 * Design batch = Elaborator.elaborate(gen.batch(0, 25));   // designs 0..24 under one top
 * }</pre>
 */
public final class RandomDesignGenerator {
  private final long seed;
  private final RandomDesignOptions options;

  public RandomDesignGenerator(long seed, RandomDesignOptions options) {
    this.seed = seed;
    this.options = options;
  }

  public long seed() {
    return seed;
  }

  public RandomDesignOptions options() {
    return options;
  }

  /** Design number {@code index} of this seed, as a fresh (not yet elaborated) top module. */
  public Module design(int index) {
    return designModule(index);
  }

  RandomModule designModule(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a design index must be >= 0, found " + index);
    }
    return new RandomModule("RandDesign" + index, designSeed(index), 0, options);
  }

  /**
   * Designs {@code first} to {@code first + count - 1} as children {@code d<index>} of one top,
   * whose ports are theirs prefixed with {@code d<index>_}: one build serves many designs.
   */
  public RandomBatch batch(int first, int count) {
    return new RandomBatch(this, first, count);
  }

  /** The seed of one design: a mix of the generator's seed and the index, so designs differ. */
  long designSeed(int index) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))).nextLong();
  }
}
