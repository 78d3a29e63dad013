package veneer.shell.dma.bench;

/**
 * One DMA measurement: {@code bytes} moved by one descriptor in one direction.
 *
 * @param endToEndCycles from the doorbell write entering the link to the descriptor's status in
 *     host memory (descriptor fetch, data, status write-back; the host polls every 4 cycles)
 * @param streamCycles from the first to the last data beat on the link (both included)
 * @param linkBytesPerCycle the link's payload-plus-overhead limit (63 for Gen3 x16 at 250 MHz)
 */
public record DmaThroughput(String direction, long bytes, long endToEndCycles, long streamCycles,
    int linkBytesPerCycle) {
  /** Bytes per cycle over the whole transfer. */
  public double bytesPerCycle() {
    return (double) bytes / endToEndCycles;
  }

  /** Bytes per cycle while data streams. */
  public double streamBytesPerCycle() {
    return (double) bytes / streamCycles;
  }

  /** End-to-end bytes per cycle as a percentage of the link's bytes per cycle. */
  public double percentOfLink() {
    return 100.0 * bytesPerCycle() / linkBytesPerCycle;
  }

  /** GB/s (10^9 bytes) at a 250 MHz clock. */
  public double gigabytesPerSecond() {
    return bytesPerCycle() * 0.25;
  }

  @Override
  public String toString() {
    return String.format("%s %8d B: %7d cycles = %6.2f B/cycle (%5.1f%% of %d), %5.2f GB/s at 250 MHz;"
        + " streaming %6.2f B/cycle", direction, bytes, endToEndCycles, bytesPerCycle(), percentOfLink(),
        linkBytesPerCycle, gigabytesPerSecond(), streamBytesPerCycle());
  }
}
