package veneer.shell.dma;

/**
 * The requester path's sizes in the {@link veneer.shell.Shell}: how many DMA reads may be
 * outstanding, how large one read request may be, and when an unanswered read is given up.
 *
 * <pre>{@code
 * DmaConfig d = DmaConfig.defaults().withTimeout(3000);   // a short completion timeout for a test
 * }</pre>
 *
 * @param tags outstanding DMA reads (tags of the requester), 2 to 32
 * @param maxReadBytes largest read request in bytes (also capped by PF1's Max_Read_Request_Size)
 * @param timeoutCycles cycles after which the oldest unanswered read is a completion timeout
 * @param c2hSlots 16-beat DRAM bursts the card-to-host engine keeps in flight (1 KiB each)
 */
public record DmaConfig(int tags, int maxReadBytes, long timeoutCycles, int c2hSlots) {
  /** The sizes with the default C2H buffer ({@link DmaEngine#DEFAULT_C2H_SLOTS}). */
  public DmaConfig(int tags, int maxReadBytes, long timeoutCycles) {
    this(tags, maxReadBytes, timeoutCycles, DmaEngine.DEFAULT_C2H_SLOTS);
  }

  public DmaConfig {
    if (tags < 2 || tags > 256 || Integer.bitCount(tags) != 1) {
      throw new IllegalArgumentException("the requester has 2 to 256 tags, a power of two; found " + tags);
    }
    if (maxReadBytes < 128 || maxReadBytes > 4096 || Integer.bitCount(maxReadBytes) != 1) {
      throw new IllegalArgumentException("a read request is 128 to 4096 bytes, a power of two; found " + maxReadBytes);
    }
    if (timeoutCycles < 16 || timeoutCycles >= (1L << 31)) {
      throw new IllegalArgumentException("the completion timeout is 16 to 2^31 - 1 cycles, found " + timeoutCycles);
    }
    if (c2hSlots < 2 || c2hSlots > 64 || Integer.bitCount(c2hSlots) != 1) {
      throw new IllegalArgumentException("the C2H buffer holds 2 to 64 bursts, a power of two; found " + c2hSlots);
    }
  }

  /** 32 tags, 512-byte reads, 16384 cycles (65.5 us at 250 MHz) of completion timeout, 16 C2H bursts. */
  public static DmaConfig defaults() {
    return new DmaConfig(32, 512, 16384, DmaEngine.DEFAULT_C2H_SLOTS);
  }

  /**
   * The smallest buffers (2 tags, 128-byte reads, 2 C2H bursts): slow, but small enough for a
   * quick gate-level synthesis of the whole platform in the lint test.
   */
  public static DmaConfig smallest() {
    return new DmaConfig(2, 128, 16384, 2);
  }

  public DmaConfig withTimeout(long cycles) {
    return new DmaConfig(tags, maxReadBytes, cycles, c2hSlots);
  }
}
