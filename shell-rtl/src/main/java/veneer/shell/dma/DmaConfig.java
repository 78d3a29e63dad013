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
 */
public record DmaConfig(int tags, int maxReadBytes, long timeoutCycles) {
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
  }

  /** 32 tags, 512-byte reads, 16384 cycles (65.5 us at 250 MHz) of completion timeout. */
  public static DmaConfig defaults() {
    return new DmaConfig(32, 512, 16384);
  }

  public DmaConfig withTimeout(long cycles) {
    return new DmaConfig(tags, maxReadBytes, cycles);
  }
}
