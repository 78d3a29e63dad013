package veneer.sim.jvm.kernel;

/**
 * Operations on nets of up to 64 bits that the generated code calls rather than inlines
 * (small enough that HotSpot inlines them). Values are unsigned bit patterns in a long.
 */
public final class NarrowOps {
  private NarrowOps() {}

  /** {@code a << b} within {@code w} bits; b is unsigned. */
  public static long dshl(long a, long b, int w) {
    if (b < 0 || b >= w) {
      return 0;
    }
    long r = a << b;
    return w == 64 ? r : r & ((1L << w) - 1);
  }

  /** Logical {@code a >> b}. */
  public static long dshru(long a, long b, int w) {
    return b < 0 || b >= w ? 0 : a >>> b;
  }

  /** Arithmetic {@code a >> b} of a {@code w}-bit value. */
  public static long dshrs(long a, long b, int w) {
    long sa = a << (64 - w) >> (64 - w);
    long r = sa >> (b < 0 || b >= 64 ? 63 : b);
    return w == 64 ? r : r & ((1L << w) - 1);
  }

  public static long ltu64(long a, long b) {
    return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  public static long lts64(long a, long b) {
    return a < b ? 1 : 0;
  }

  /** An asynchronous read: the word, or zero beyond the end. */
  public static long read(long[] mem, long addr) {
    return addr >= 0 && addr < mem.length ? mem[(int) addr] : 0;
  }

  /** A synchronous read port's next value: the word when enabled, else {@code old}. */
  public static long readSync(long[] mem, long addr, long enable, long old) {
    return enable == 0 ? old : read(mem, addr);
  }

  /** A whole-word write, ignored beyond the end. */
  public static void write(long[] mem, long addr, long data, long enable) {
    if (enable != 0 && addr >= 0 && addr < mem.length) {
      mem[(int) addr] = data;
    }
  }

  /** A write of the granules whose mask bit is set. */
  public static void writeMasked(long[] mem, long addr, long data, long enable, long mask, int granule) {
    if (enable != 0 && addr >= 0 && addr < mem.length) {
      long bits = expandMask(mask, granule);
      int a = (int) addr;
      mem[a] = mem[a] & ~bits | data & bits;
    }
  }

  /** One mask bit per granule, spread to every bit of its granule. */
  public static long expandMask(long mask, int granule) {
    long g = granule == 64 ? -1L : (1L << granule) - 1;
    long bits = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      bits |= g << (Long.numberOfTrailingZeros(m) * granule);
    }
    return bits;
  }
}
