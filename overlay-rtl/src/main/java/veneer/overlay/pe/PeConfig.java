package veneer.overlay.pe;

import veneer.isa.pe.PeMemoryMap;

/**
 * The shape of one PE: how many threads, its id, and the sizes of its memories, with the
 * address map that the PE decodes.
 *
 * <pre>{@code
 * PeConfig c = PeConfig.of(8, 0, 4096, 4096);
 * }</pre>
 *
 * @param threads hardware threads, 1 to 16
 * @param peId this PE's index in the array (CSR 0xFC1, and bits [11:4] of mhartid)
 * @param imemWords 32-bit words of instruction memory
 * @param spmWords 32-bit words of scratchpad
 */
public record PeConfig(int threads, int peId, int imemWords, int spmWords) {
  /** Global-memory accesses each thread may have in flight: access ids t*8 .. t*8+7 are thread t's. */
  public static final int ACCESSES_PER_THREAD = 8;
  /** Bits of an access id below the thread number. */
  public static final int ACCESS_SLOT_BITS = 3;

  public PeConfig {
    if (threads < 1 || threads > 16) {
      throw new IllegalArgumentException("a PE has 1 to 16 threads, found " + threads);
    }
    if (peId < 0 || peId > 255) {
      throw new IllegalArgumentException("a PE id is 0 to 255, found " + peId);
    }
    checkWords("instruction memory", imemWords, (PeMemoryMap.SCRATCHPAD_BASE - PeMemoryMap.IMEM_BASE));
    checkWords("scratchpad", spmWords, (PeMemoryMap.SCRATCHPAD_BASE - PeMemoryMap.IMEM_BASE));
  }

  private static void checkWords(String what, int words, long limitBytes) {
    if (words < 1 || (long) words * 4 > limitBytes) {
      throw new IllegalArgumentException("the " + what + " holds 1 to " + limitBytes / 4
          + " words, found " + words);
    }
  }

  public static PeConfig of(int threads, int peId, int imemWords, int spmWords) {
    return new PeConfig(threads, peId, imemWords, spmWords);
  }

  /** Bits of a thread id (at least 1). */
  public int tidBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(threads - 1));
  }

  /** Global-memory accesses the PE keeps in flight at once (its AXI IDs): see {@link #accessIds(int)}. */
  public int accessIds() {
    return accessIds(threads);
  }

  /** Bits of an access id, the AXI ID width of the PE's global-memory port. */
  public int accessIdBits() {
    return Integer.numberOfTrailingZeros(accessIds());
  }

  /**
   * Access ids of a PE with {@code threads} threads: eight per thread ({@link #ACCESSES_PER_THREAD},
   * thread t owns ids t*8 .. t*8+7), rounded up to a power of two (8 to 128), so that every thread can have the loads and posted
   * stores of an unrolled loop body in flight; by Little's law the array needs about a thousand
   * 4-byte accesses in flight to move 32 B/cycle at ~130 cycles latency (docs/overlay-array.md).
   */
  public static int accessIds(int threads) {
    return Math.max(2, Integer.highestOneBit(ACCESSES_PER_THREAD * threads - 1) << 1);
  }
}
