package veneer.sim.jvm;

import java.math.BigInteger;
import java.util.Random;

/**
 * Random operands of a given width that favour the edges where wide arithmetic goes wrong:
 * zero, all ones, only the sign bit, and (in the remaining cases) random bits.
 *
 * <pre>{@code
 * BigInteger a = EdgeOperands.of(new Random(seed), 100);
 * }</pre>
 */
public final class EdgeOperands {
  private EdgeOperands() {}

  /** One operand of {@code w} bits: each edge value with probability 1/5, random bits otherwise. */
  public static BigInteger of(Random rnd, int w) {
    switch (rnd.nextInt(5)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
      case 2:
        return BigInteger.ONE.shiftLeft(w - 1);
      default:
        return new BigInteger(w, rnd);
    }
  }
}
