package veneer.compiler.corpus;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;

/** Bit manipulation and integer arithmetic kernels. */
public final class Bits {
  private Bits() {
  }

  @Kernel
  public static void popcount(int[] in, int[] out) {
    int i = globalId(0);
    int x = in[i];
    int n = 0;
    while (x != 0) {
      x &= x - 1;
      n++;
    }
    out[i] = n * 100 + Integer.bitCount(in[i]);
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Kernel
  public static void gcdKernel(int[] a, int[] b, int[] out) {
    int i = globalId(0);
    out[i] = gcd(Math.abs(a[i]), Math.abs(b[i]));
  }

  @Kernel
  public static void collatz(int[] start, int[] steps) {
    int i = globalId(0);
    long x = start[i] & 0xFFFF;
    int n = 0;
    while (x > 1 && n < 1000) {
      x = (x & 1) == 0 ? x >> 1 : 3 * x + 1;
      n++;
    }
    steps[i] = n;
  }

  @Kernel
  public static void longMix(long[] a, long[] out, int shift) {
    int i = globalId(0);
    long x = a[i];
    long y = x * 0x9E3779B97F4A7C15L + (x >>> 7) - (x >> 3);
    y ^= y << shift;
    y += Long.rotateLeft(y, 13) / 7 - (y % 1000);
    out[i] = y + Long.numberOfLeadingZeros(x) + Long.bitCount(y) + (x < 0 ? -1L : 1L) + Long.compare(x, y);
  }

  @Kernel
  public static void intHelpers(int[] a, int[] out) {
    int i = globalId(0);
    int x = a[i];
    out[i] = Integer.numberOfLeadingZeros(x) ^ Integer.numberOfTrailingZeros(x) << 8
        ^ Integer.rotateLeft(x, 5) ^ Integer.rotateRight(x, i) ^ Integer.reverse(x) ^ Integer.reverseBytes(x)
        ^ Integer.signum(x) ^ Integer.highestOneBit(x) ^ Integer.lowestOneBit(x)
        ^ Math.floorMod(x, 7) ^ Math.floorDiv(x, -3) ^ Integer.divideUnsigned(x, 10)
        ^ Integer.remainderUnsigned(x, 9) ^ Integer.compareUnsigned(x, 12345) ^ Math.max(x, i) ^ Math.min(x, -i);
  }

  @Kernel
  public static void divByConstants(int[] a, int[] out) {
    int i = globalId(0);
    int x = a[i];
    out[i] = x / 2 + x / 8 * 3 + x % 16 - x / -4 + x % -32 + x / 7 - x % 7 + x / 10 + x % 10 + x / -5 + x % -5
        + x / 3 + x * 9 - x * 7 + x * 16 + x / 641 + x % 1000000 + x / Integer.MIN_VALUE + x % Integer.MIN_VALUE
        + x / 0x7fffffff + x * -1 + x / -1;
  }

  @Kernel
  public static void longDivByConstants(long[] a, long[] out) {
    int i = globalId(0);
    long x = a[i];
    out[i] = x / 2 + x / 1024 - x % 64 + x / -8 + x % -4 + x / 10 + x * 5 + x * 8 + x / Long.MIN_VALUE;
  }

  /** Divides by a runtime divisor: zero divisors must fail the same way. */
  @Kernel
  public static void divide(int[] a, int[] b, int[] out) {
    int i = globalId(0);
    out[i] = a[i] / b[i] + a[i] % (b[i] | 1);
  }

  @Kernel
  public static void narrowMix(byte[] b, short[] s, char[] c, boolean[] flags, int[] out) {
    int i = globalId(0);
    byte x = (byte) (b[i] * 3);
    short y = (short) (s[i] + x * 1000);
    char z = (char) (c[i] - y);
    flags[i] = (x ^ y ^ z) < 0 || flags[i];
    b[i] = (byte) (x + 1);
    s[i] = (short) (y >> 2);
    c[i] = (char) (z >>> 1);
    out[i] = x + y + z + (flags[i] ? 1 : 0) + Byte.toUnsignedInt(x) + Short.toUnsignedInt(y);
  }

  @Kernel
  public static void shifts(int[] a, long[] out) {
    int i = globalId(0);
    int x = a[i];
    out[i] = ((long) (x << i) ^ (x >> (i + 3)) ^ (x >>> (33 - i))) + ((long) x << (40 + i)) + ((long) x >>> (i * 7))
        + ((long) x >> 65);
  }

  static int mod(int a, int b) {
    return a % b;
  }

  /** Division inside a helper: a zero divisor must fail at the helper's line. */
  @Kernel
  public static void modHelper(int[] a, int[] b, int[] out) {
    int i = globalId(0);
    out[i] = mod(a[i], b[i]) + Integer.divideUnsigned(a[i], b[i] | 1);
  }
}
