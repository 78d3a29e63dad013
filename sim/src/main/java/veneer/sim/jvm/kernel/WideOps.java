package veneer.sim.jvm.kernel;

import java.math.BigInteger;

/**
 * Operations on nets wider than 64 bits (or mixing such nets with narrow ones), called by the
 * generated code. Operands are named by their offset in the state array and their width; the
 * result is written at offset {@code d}. Every operator works word by word on the state array,
 * without allocating ({@link BigInteger} is used only to convert values for peeks and pokes).
 */
public final class WideOps {
  private WideOps() {}

  static int words(int width) {
    return (width + 63) >>> 6;
  }

  static long topMask(int width) {
    int r = width & 63;
    return r == 0 ? -1L : (1L << r) - 1;
  }

  private static long word(long[] s, int off, int n, int i) {
    return i < n ? s[off + i] : 0;
  }

  /** The 64 bits of a value starting at bit {@code pos} (which may be negative); zero outside. */
  private static long bitsAt(long[] s, int off, int n, long pos) {
    if (pos <= -64) {
      return 0;
    }
    if (pos < 0) {
      return word(s, off, n, 0) << -pos;
    }
    long wi = pos >>> 6;
    int bi = (int) (pos & 63);
    if (wi >= n) {
      return 0;
    }
    long lo = s[off + (int) wi];
    if (bi == 0) {
      return lo;
    }
    return lo >>> bi | word(s, off, n, (int) wi + 1) << (64 - bi);
  }

  private static void maskTop(long[] s, int d, int dw) {
    s[d + words(dw) - 1] &= topMask(dw);
  }

  public static void add(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int n = words(dw);
    int an = words(aw);
    int bn = words(bw);
    long carry = 0;
    for (int i = 0; i < n; i++) {
      long x = word(s, a, an, i);
      long t = x + word(s, b, bn, i);
      long c1 = Long.compareUnsigned(t, x) < 0 ? 1 : 0;
      long sum = t + carry;
      long c2 = Long.compareUnsigned(sum, t) < 0 ? 1 : 0;
      s[d + i] = sum;
      carry = c1 | c2;
    }
    maskTop(s, d, dw);
  }

  public static void sub(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int n = words(dw);
    int an = words(aw);
    int bn = words(bw);
    long borrow = 0;
    for (int i = 0; i < n; i++) {
      long x = word(s, a, an, i);
      long y = word(s, b, bn, i);
      s[d + i] = x - y - borrow;
      borrow = Long.compareUnsigned(x, y) < 0 || borrow != 0 && x == y ? 1 : 0;
    }
    maskTop(s, d, dw);
  }

  public static void and(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = s[a + i] & s[b + i];
    }
  }

  public static void or(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = s[a + i] | s[b + i];
    }
  }

  public static void xor(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = s[a + i] ^ s[b + i];
    }
  }

  public static void not(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = ~s[a + i];
    }
    maskTop(s, d, dw);
  }

  public static void shl(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int an = words(aw);
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = bitsAt(s, a, an, (long) i * 64 - p);
    }
    maskTop(s, d, dw);
  }

  public static void shru(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    slice(s, d, dw, a, aw, b, bw, p);
  }

  public static void slice(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int an = words(aw);
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = bitsAt(s, a, an, (long) i * 64 + p);
    }
    maskTop(s, d, dw);
  }

  public static void zext(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int an = words(aw);
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = word(s, a, an, i);
    }
  }

  public static void eq(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = equal(s, a, b, words(aw)) ? 1 : 0;
  }

  public static void ne(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = equal(s, a, b, words(aw)) ? 0 : 1;
  }

  private static boolean equal(long[] s, int a, int b, int n) {
    for (int i = 0; i < n; i++) {
      if (s[a + i] != s[b + i]) {
        return false;
      }
    }
    return true;
  }

  public static void orr(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    long any = 0;
    for (int i = 0, n = words(aw); i < n; i++) {
      any |= s[a + i];
    }
    s[d] = any != 0 ? 1 : 0;
  }

  public static void xorr(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    long x = 0;
    for (int i = 0, n = words(aw); i < n; i++) {
      x ^= s[a + i];
    }
    s[d] = Long.bitCount(x) & 1;
  }

  public static void andr(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int n = words(aw);
    long all = -1L;
    for (int i = 0; i < n - 1; i++) {
      all &= s[a + i];
    }
    s[d] = all == -1L && s[a + n - 1] == topMask(aw) ? 1 : 0;
  }

  /** The low {@code dw} bits of {@code a * b}, schoolbook on 64-bit words. */
  public static void mul(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    int n = words(dw);
    int an = words(aw);
    int bn = words(bw);
    clear(s, d, dw);
    for (int i = 0; i < Math.min(an, n); i++) {
      long x = s[a + i];
      long carry = 0;
      int j = 0;
      for (; j < bn && i + j < n; j++) {
        long y = s[b + j];
        long lo = x * y;
        long hi = unsignedMultiplyHigh(x, y);
        long t = s[d + i + j] + lo;
        long c1 = Long.compareUnsigned(t, lo) < 0 ? 1 : 0;
        long t2 = t + carry;
        long c2 = Long.compareUnsigned(t2, t) < 0 ? 1 : 0;
        s[d + i + j] = t2;
        carry = hi + c1 + c2; // hi <= 2^64 - 2, so this cannot overflow
      }
      if (i + j < n) {
        s[d + i + j] = carry; // no earlier row reached this word
      }
    }
    maskTop(s, d, dw);
  }

  /** The high 64 bits of the unsigned 128-bit product (Java 18 has it built in). */
  static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  /** Word {@code i} of the {@code w}-bit value at {@code off} sign-extended to any length. */
  private static long signedWord(long[] s, int off, int w, long i) {
    int n = words(w);
    boolean negative = (s[off + n - 1] >>> ((w - 1) & 63) & 1) != 0;
    if (i >= n) {
      return negative ? -1L : 0;
    }
    long v = s[off + (int) i];
    return i == n - 1 && negative ? v | ~topMask(w) : v;
  }

  /** The 64 bits from bit {@code pos >= 0} of the {@code w}-bit value at {@code off}, sign-extended. */
  private static long signedBitsAt(long[] s, int off, int w, long pos) {
    long wi = pos >>> 6;
    int bi = (int) (pos & 63);
    long lo = signedWord(s, off, w, wi);
    return bi == 0 ? lo : lo >>> bi | signedWord(s, off, w, wi + 1) << (64 - bi);
  }

  /** Arithmetic shift right of the {@code aw}-bit value at {@code a} by {@code by >= 0} bits. */
  private static void shiftRightSigned(long[] s, int d, int dw, int a, int aw, long by) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = signedBitsAt(s, a, aw, (long) i * 64 + by);
    }
    maskTop(s, d, dw);
  }

  /**
   * A shift amount (unsigned, {@code bw} bits at {@code b}), or {@code limit} when it is at least
   * {@code limit}.
   */
  private static long amount(long[] s, int b, int bw, int limit) {
    for (int i = 1, n = words(bw); i < n; i++) {
      if (s[b + i] != 0) {
        return limit;
      }
    }
    long v = s[b];
    return Long.compareUnsigned(v, limit) >= 0 ? limit : v;
  }

  public static void shrs(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    shiftRightSigned(s, d, dw, a, aw, p);
  }

  public static void dshl(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    shiftLogical(s, d, dw, a, aw, -amount(s, b, bw, dw));
  }

  public static void dshru(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    shiftLogical(s, d, dw, a, aw, amount(s, b, bw, dw));
  }

  /** d = a shifted right by {@code by} bits (left when negative), zeros shifted in; |by| >= dw clears d. */
  private static void shiftLogical(long[] s, int d, int dw, int a, int aw, long by) {
    if (Math.abs(by) >= dw) {
      clear(s, d, dw);
      return;
    }
    int an = words(aw);
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = bitsAt(s, a, an, (long) i * 64 + by);
    }
    maskTop(s, d, dw);
  }

  public static void dshrs(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    shiftRightSigned(s, d, dw, a, aw, amount(s, b, bw, dw));
  }

  /** Unsigned comparison: negative, zero or positive as {@code a} is below, equal to or above {@code b}. */
  private static int compareUnsigned(long[] s, int a, int aw, int b, int bw) {
    int an = words(aw);
    int bn = words(bw);
    for (int i = Math.max(an, bn) - 1; i >= 0; i--) {
      int c = Long.compareUnsigned(word(s, a, an, i), word(s, b, bn, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Two's-complement comparison of the {@code aw}-bit value at {@code a} and the {@code bw}-bit one at {@code b}. */
  private static int compareSigned(long[] s, int a, int aw, int b, int bw) {
    int top = Math.max(words(aw), words(bw)) - 1;
    int c = Long.compare(signedWord(s, a, aw, top), signedWord(s, b, bw, top));
    for (int i = top - 1; c == 0 && i >= 0; i--) {
      c = Long.compareUnsigned(signedWord(s, a, aw, i), signedWord(s, b, bw, i));
    }
    return c;
  }

  public static void ltu(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = compareUnsigned(s, a, aw, b, bw) < 0 ? 1 : 0;
  }

  public static void leu(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = compareUnsigned(s, a, aw, b, bw) <= 0 ? 1 : 0;
  }

  public static void lts(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = compareSigned(s, a, aw, b, bw) < 0 ? 1 : 0;
  }

  public static void les(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    s[d] = compareSigned(s, a, aw, b, bw) <= 0 ? 1 : 0;
  }

  public static void sext(long[] s, int d, int dw, int a, int aw, int b, int bw, int p) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = signedWord(s, a, aw, i);
    }
    maskTop(s, d, dw);
  }

  /** {@code sel ? a : b}, all of width {@code dw}. */
  public static void mux(long[] s, int d, int dw, long sel, int a, int b) {
    System.arraycopy(s, sel != 0 ? a : b, s, d, words(dw));
  }

  /** Clears the destination of a concatenation. */
  public static void clear(long[] s, int d, int dw) {
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] = 0;
    }
  }

  /** ORs the {@code sw}-bit value at {@code src} into the destination at bit {@code at}. */
  public static void deposit(long[] s, int d, int dw, int src, int sw, int at) {
    int sn = words(sw);
    for (int i = 0, n = words(dw); i < n; i++) {
      s[d + i] |= bitsAt(s, src, sn, (long) i * 64 - at);
    }
  }

  /** An asynchronous read of a wide memory: the word, or zero beyond the end. */
  public static void read(long[] s, int d, int dw, long[] mem, long addr) {
    int n = words(dw);
    if (addr >= 0 && addr < mem.length / n) {
      System.arraycopy(mem, (int) addr * n, s, d, n);
    } else {
      clear(s, d, dw);
    }
  }

  /** A synchronous read of a wide memory into {@code d} when {@code enable} is set. */
  public static void readSync(long[] s, int d, int dw, long[] mem, long addr, long enable, int old) {
    if (enable != 0) {
      read(s, d, dw, mem, addr);
    } else {
      System.arraycopy(s, old, s, d, words(dw));
    }
  }

  /**
   * A write of a wide word, whole ({@code mask < 0}) or by granules whose bit is set in the
   * {@code mw}-bit mask at offset {@code mask}.
   */
  public static void write(long[] s, long[] mem, int dw, long addr, long enable, int data, int mask,
      int mw, int granule) {
    int n = words(dw);
    if (enable == 0 || addr < 0 || addr >= mem.length / n) {
      return;
    }
    int base = (int) addr * n;
    if (mask < 0) {
      System.arraycopy(s, data, mem, base, n);
      return;
    }
    for (int g = 0; g < mw; g++) {
      if ((s[mask + (g >>> 6)] >>> (g & 63) & 1) == 0) {
        continue;
      }
      for (int bit = g * granule, end = bit + granule; bit < end; ) {
        int wi = bit >>> 6;
        int lo = bit & 63;
        int len = Math.min(64 - lo, end - bit);
        long m = (len == 64 ? -1L : (1L << len) - 1) << lo;
        mem[base + wi] = mem[base + wi] & ~m | s[data + wi] & m;
        bit += len;
      }
    }
  }

  /** Copies {@code dw} bits from {@code src} to {@code d}. */
  public static void copy(long[] s, int d, int dw, int src) {
    System.arraycopy(s, src, s, d, words(dw));
  }

  /** The value at {@code off} as an unsigned number. */
  public static BigInteger load(long[] s, int off, int width) {
    int n = words(width);
    byte[] bytes = new byte[n * 8 + 1];
    for (int i = 0; i < n; i++) {
      long w = s[off + i];
      for (int k = 0; k < 8; k++) {
        bytes[bytes.length - 1 - (i * 8 + k)] = (byte) (w >>> (8 * k));
      }
    }
    return new BigInteger(bytes);
  }

  /** Stores an unsigned number below {@code 2^width} at {@code off}. */
  public static void store(long[] s, int off, int width, BigInteger v) {
    for (int i = 0, n = words(width); i < n; i++) {
      s[off + i] = v.shiftRight(64 * i).longValue();
    }
  }
}
