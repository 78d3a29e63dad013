package veneer.sim.verilator;

import java.math.BigInteger;

/** Values as little-endian 32-bit words, the layout of Verilator's wide types. */
final class Words {
  private Words() {}

  static BigInteger mask(int width) {
    return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  /** {@code value} (non-negative) as {@code ceil(width / 32)} words. */
  static int[] of(BigInteger value, int width) {
    int[] w = new int[(width + 31) / 32];
    into(value, w, 0, w.length);
    return w;
  }

  static void into(BigInteger value, int[] out, int offset, int count) {
    for (int i = 0; i < count; i++) {
      out[offset + i] = value.shiftRight(32 * i).intValue();
    }
  }

  static BigInteger toBigInteger(int[] words, int offset, int count) {
    BigInteger v = BigInteger.ZERO;
    for (int i = count - 1; i >= 0; i--) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(words[offset + i] & 0xFFFF_FFFFL));
    }
    return v;
  }
}
