package veneer.sim.jvm;

import java.math.BigInteger;
import veneer.hdl.ir.Op;

/**
 * The meaning of every {@link Op}, written plainly with {@link BigInteger}: the reference that
 * the compiled engine and the tests compare against. Values are unsigned, below {@code 2^width}.
 */
public final class BigOps {
  private BigOps() {}

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** {@code 2^width - 1}. */
  public static BigInteger mask(int width) {
    return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
  }

  /** A long read as an unsigned 64-bit number. */
  public static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v < 0 ? b.add(TWO_64) : b;
  }

  /** The two's-complement value of a {@code width}-bit pattern. */
  public static BigInteger signed(BigInteger v, int width) {
    return v.testBit(width - 1) ? v.subtract(BigInteger.ONE.shiftLeft(width)) : v;
  }

  /**
   * Evaluates {@code op} on {@code args} (of widths {@code widths}) into a {@code width}-bit
   * result; {@code param} is the constant shift amount or slice offset.
   */
  public static BigInteger eval(Op op, int width, BigInteger[] args, int[] widths, int param) {
    BigInteger m = mask(width);
    BigInteger a = args[0];
    switch (op) {
      case ADD:
        return a.add(args[1]).and(m);
      case SUB:
        return a.subtract(args[1]).and(m);
      case MUL:
        return a.multiply(args[1]).and(m);
      case AND:
        return a.and(args[1]);
      case OR:
        return a.or(args[1]);
      case XOR:
        return a.xor(args[1]);
      case NOT:
        return a.xor(m);
      case SHL:
        return a.shiftLeft(param).and(m);
      case SHRU:
        return a.shiftRight(param);
      case SHRS:
        return signed(a, widths[0]).shiftRight(param).and(m);
      case DSHL:
        return tooFar(args[1], width) ? BigInteger.ZERO : a.shiftLeft(args[1].intValue()).and(m);
      case DSHRU:
        return tooFar(args[1], width) ? BigInteger.ZERO : a.shiftRight(args[1].intValue());
      case DSHRS:
        return signed(a, widths[0]).shiftRight(tooFar(args[1], width) ? width : args[1].intValue()).and(m);
      case EQ:
        return bit(a.equals(args[1]));
      case NE:
        return bit(!a.equals(args[1]));
      case LTU:
        return bit(a.compareTo(args[1]) < 0);
      case LEU:
        return bit(a.compareTo(args[1]) <= 0);
      case LTS:
        return bit(signed(a, widths[0]).compareTo(signed(args[1], widths[1])) < 0);
      case LES:
        return bit(signed(a, widths[0]).compareTo(signed(args[1], widths[1])) <= 0);
      case MUX:
        return a.signum() != 0 ? args[1] : args[2];
      case CAT: {
        BigInteger r = BigInteger.ZERO;
        for (int i = 0; i < args.length; i++) {
          r = r.shiftLeft(widths[i]).or(args[i]);
        }
        return r;
      }
      case SLICE:
        return a.shiftRight(param).and(m);
      case ZEXT:
        return a;
      case SEXT:
        return signed(a, widths[0]).and(m);
      case ANDR:
        return bit(a.equals(mask(widths[0])));
      case ORR:
        return bit(a.signum() != 0);
      case XORR:
        return bit(a.bitCount() % 2 == 1);
      default:
        throw new IllegalStateException("no meaning for operator " + op);
    }
  }

  private static boolean tooFar(BigInteger amount, int width) {
    return amount.compareTo(BigInteger.valueOf(width)) >= 0;
  }

  private static BigInteger bit(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }
}
