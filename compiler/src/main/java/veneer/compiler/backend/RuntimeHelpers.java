package veneer.compiler.backend;

/**
 * Java implementations of the JDK intrinsics that have no short RV32IM sequence, and the 64-bit
 * division routine. The back end compiles these methods with its own front end and inlines them
 * at each use (the division routine stays one out-of-line function per kernel). They use only
 * plain int/long arithmetic, so they lower without further help; each must equal the JDK method
 * it stands for (RuntimeHelpersTest checks that on the JVM, the corpus checks the compiled code).
 */
public final class RuntimeHelpers {
  private static final long MIN = Long.MIN_VALUE;

  private RuntimeHelpers() {
  }

  public static int bitCount(int x) {
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    x = (x + (x >>> 4)) & 0x0f0f0f0f;
    return (x * 0x01010101) >>> 24;
  }

  public static int bitCountL(long x) {
    return bitCount((int) x) + bitCount((int) (x >>> 32));
  }

  public static int clz(int x) {
    if (x == 0) {
      return 32;
    }
    int n = 0;
    if ((x >>> 16) == 0) {
      n += 16;
      x <<= 16;
    }
    if ((x >>> 24) == 0) {
      n += 8;
      x <<= 8;
    }
    if ((x >>> 28) == 0) {
      n += 4;
      x <<= 4;
    }
    if ((x >>> 30) == 0) {
      n += 2;
      x <<= 2;
    }
    return n + ((x >>> 31) ^ 1);
  }

  public static int clzL(long x) {
    int hi = (int) (x >>> 32);
    return hi != 0 ? clz(hi) : 32 + clz((int) x);
  }

  public static int ctz(int x) {
    if (x == 0) {
      return 32;
    }
    return 31 - clz(x & -x);
  }

  public static int ctzL(long x) {
    int lo = (int) x;
    return lo != 0 ? ctz(lo) : 32 + ctz((int) (x >>> 32));
  }

  public static long rotlL(long x, int n) {
    return (x << n) | (x >>> -n);
  }

  public static long rotrL(long x, int n) {
    return (x >>> n) | (x << -n);
  }

  public static int reverse(int x) {
    x = (x & 0x55555555) << 1 | (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) << 2 | (x >>> 2) & 0x33333333;
    x = (x & 0x0f0f0f0f) << 4 | (x >>> 4) & 0x0f0f0f0f;
    return reverseBytes(x);
  }

  public static long reverseL(long x) {
    return ((long) reverse((int) x) << 32) | (reverse((int) (x >>> 32)) & 0xffffffffL);
  }

  public static int reverseBytes(int x) {
    return (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }

  public static long reverseBytesL(long x) {
    return ((long) reverseBytes((int) x) << 32) | (reverseBytes((int) (x >>> 32)) & 0xffffffffL);
  }

  public static int signumL(long x) {
    return x > 0 ? 1 : x < 0 ? -1 : 0;
  }

  public static int highestOneBit(int x) {
    return x == 0 ? 0 : (1 << 31) >>> clz(x);
  }

  public static long highestOneBitL(long x) {
    return x == 0 ? 0 : MIN >>> clzL(x);
  }

  public static long lowestOneBitL(long x) {
    return x & -x;
  }

  public static long minL(long a, long b) {
    return a <= b ? a : b;
  }

  public static long maxL(long a, long b) {
    return a >= b ? a : b;
  }

  public static long absL(long a) {
    return a < 0 ? -a : a;
  }

  public static int compareL(long a, long b) {
    return a < b ? -1 : a == b ? 0 : 1;
  }

  public static int compareUnsignedL(long a, long b) {
    return compareL(a ^ MIN, b ^ MIN);
  }

  public static int floorDiv(int a, int b) {
    int q = a / b;
    if ((a ^ b) < 0 && q * b != a) {
      q--;
    }
    return q;
  }

  public static int floorMod(int a, int b) {
    int r = a % b;
    if ((a ^ b) < 0 && r != 0) {
      r += b;
    }
    return r;
  }

  /** Division modes of {@link #divmod64}. */
  public static final int DIV = 0;
  public static final int REM = 1;
  public static final int DIVU = 2;
  public static final int REMU = 3;
  public static final int FLOOR_DIV = 4;
  public static final int FLOOR_MOD = 5;

  /**
   * 64-bit division, the one out-of-line runtime routine: restoring shift-subtract on the
   * magnitudes, then signs (Java truncation; MIN / -1 = MIN) and the floor correction. The
   * divisor is never zero: the caller's div-zero check runs first.
   */
  public static long divmod64(long a, long b, int mode) {
    boolean signed = mode != DIVU && mode != REMU;
    long n = a;
    long d = b;
    boolean negQ = false;
    boolean negR = false;
    if (signed) {
      if (a < 0) {
        n = -a;
        negQ = true;
        negR = true;
      }
      if (b < 0) {
        d = -b;
        negQ = !negQ;
      }
    }
    long q = 0;
    long r = 0;
    for (int i = 0; i < 64; i++) {
      boolean carry = r < 0;
      r = (r << 1) | (n >>> 63);
      n <<= 1;
      q <<= 1;
      if (carry || (r ^ MIN) >= (d ^ MIN)) {
        r -= d;
        q |= 1;
      }
    }
    if (negQ) {
      q = -q;
    }
    if (negR) {
      r = -r;
    }
    if (mode >= FLOOR_DIV && r != 0 && (a ^ b) < 0) {
      q -= 1;
      r += b;
    }
    return mode == DIV || mode == DIVU || mode == FLOOR_DIV ? q : r;
  }
}
