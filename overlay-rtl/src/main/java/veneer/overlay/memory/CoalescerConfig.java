package veneer.overlay.memory;

import veneer.overlay.pe.PeConfig;

/**
 * The shape of a {@link LineCoalescer}.
 *
 * <pre>{@code
 * CoalescerConfig c = new CoalescerConfig(8, 8, 8, 4);   // 8 threads, 8 lines in flight, 8-cycle window, 4 open
 * CoalescerConfig r = new CoalescerConfig(16, 16, 16, 8, 32); // and 32 read slots (lines kept for reuse)
 * CoalescerConfig d = r.withGlobalBytes(4L << 20);               // stores beyond 4 MiB of DRAM fault at once
 * }</pre>
 *
 * @param threads threads of the PE (1 to 16); the PE side has {@link #ids()} access ids
 * @param slots write line transactions in flight (2 to 16; a power of two), one AXI ID each
 * @param window cycles an open read line waits for more requests before it is sent (1 to 255;
 *     write lines wait {@link #writeWindow()})
 * @param openLines read lines gathering requests at the same time (1 to slots, at most 8), and
 *     as many write lines
 * @param readSlots read line transactions in flight or kept for reuse (slots to 32; a power of
 *     two), one AXI ID each: a slot keeps its line after handing it out and serves later loads
 *     of it ({@link LineCoalescer})
 * @param globalBytes bytes of global memory the PEs may use, from the PE global base
 *     {@code 0x8000_0000} (4 to 2^31, a multiple of 4; default 2^31: every global address): a
 *     store outside it is answered DECERR at once and never reaches memory
 */
public record CoalescerConfig(int threads, int slots, int window, int openLines, int readSlots, long globalBytes) {
  /** Bytes in a line: one 512-bit beat. */
  public static final int LINE_BYTES = 64;
  /** 32-bit words in a line. */
  public static final int LINE_WORDS = LINE_BYTES / 4;
  /** The PE address of global memory's first byte ({@code PeMemoryMap.GLOBAL_BASE}). */
  public static final long GLOBAL_BASE = 0x8000_0000L;
  /** The whole global window: every address from {@link #GLOBAL_BASE} up. */
  public static final long ALL_GLOBAL_BYTES = 1L << 31;

  public CoalescerConfig {
    if (threads < 1 || threads > 16) {
      throw new IllegalArgumentException("a coalescer serves 1 to 16 threads, found " + threads);
    }
    if (slots < 2 || slots > 16 || Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("a coalescer has 2, 4, 8 or 16 slots, found " + slots);
    }
    if (window < 1 || window > 255) {
      throw new IllegalArgumentException("a coalescing window is 1 to 255 cycles, found " + window);
    }
    if (openLines < 1 || openLines > Math.min(8, slots)) {
      throw new IllegalArgumentException("a coalescer with " + slots + " slots has 1 to " + Math.min(8, slots)
          + " open read lines, found " + openLines);
    }
    if (readSlots < slots || readSlots > 32 || Integer.bitCount(readSlots) != 1) {
      throw new IllegalArgumentException("a coalescer with " + slots + " slots has " + slots
          + " to 32 read slots (a power of two), found " + readSlots);
    }
    if (globalBytes < 4 || globalBytes > ALL_GLOBAL_BYTES || globalBytes % 4 != 0) {
      throw new IllegalArgumentException("the global-memory window is 4 to 2^31 bytes, a multiple of 4, found "
          + globalBytes);
    }
  }

  /** The whole global window ({@link #ALL_GLOBAL_BYTES}). */
  public CoalescerConfig(int threads, int slots, int window, int openLines, int readSlots) {
    this(threads, slots, window, openLines, readSlots, ALL_GLOBAL_BYTES);
  }

  /** This shape with stores checked against {@code bytes} of global memory (the DRAM the Shell has). */
  public CoalescerConfig withGlobalBytes(long bytes) {
    return new CoalescerConfig(threads, slots, window, openLines, readSlots, Math.min(bytes, ALL_GLOBAL_BYTES));
  }

  /** As many read slots as write slots. */
  public CoalescerConfig(int threads, int slots, int window, int openLines) {
    this(threads, slots, window, openLines, slots);
  }

  /**
   * The default for a PE with {@code threads} threads: 16 slots, a 16-cycle window, 8 open lines
   * and 32 read slots: a thread of a coarsened kernel reads its lines of two arrays in two halves,
   * so each thread keeps about two lines for reuse, and with 8 threads x 2 lines in use 16 read
   * slots were too few (compiled vector add on 32 x 8 PEs read 2,484 lines instead of 2,048 and
   * took 9,288 instead of 8,375 cycles; docs/array-throughput.md).
   */
  public static CoalescerConfig forThreads(int threads) {
    return new CoalescerConfig(threads, 16, 16, 8, 32);
  }

  /**
   * Requesters on the PE side: the PE's access ids ({@link PeConfig#accessIds(int)}), each with
   * at most one access in flight; the AXI ID of the PE side.
   */
  public int ids() {
    return PeConfig.accessIds(threads);
  }

  /**
   * The age (cycles) an open write line counts to, 255: it only ranks the lines for eviction. A
   * write line is not closed by its age: it is sent when every word of it is written, when a
   * new line needs its entry (the oldest goes), a load of it waits, or a seal comes (a FENCE,
   * an idle PE). Stores are answered when merged, so waiting costs no access ids; with a
   * 255-cycle window, compiled vector add on 32 x 8 PEs wrote 2,210 lines instead of 1,056
   * (ideal 1,024): a thread's two halves of eight stores to its line come more than 255 cycles
   * apart (docs/array-throughput.md).
   */
  public int writeWindow() {
    return 255;
  }

  /** Bits of an access id (at least 1): the AXI ID width of the PE side. */
  public int idBits() {
    return RoundRobinArbiter.indexBits(ids());
  }

  /** Bits of a slot id: the AXI ID width on the line side (read slots are the more). */
  public int slotBits() {
    return RoundRobinArbiter.indexBits(readSlots);
  }
}
