package veneer.shell.dma.bench;

import java.util.List;

/**
 * What {@link ShellBench} measures: DMA throughput per size and direction, the MMIO read round
 * trip and the interrupt latency, in cycles of the 250 MHz user clock.
 *
 * @param mmioReadCycles from queuing a one-DW read of a PF1 register to its completion arriving
 * @param interruptCycles from a Role interrupt line rising to its MSI-X message in the host's log
 * @param doorbellToInterruptCycles from a user_irq MMIO write entering the host queue to the message in the log
 * @param imageBytes bytes of the partial bitstream whose load was timed
 * @param imageLoadCycles from the configuration port's start to the PR controller's OK, read through PF0
 */
public record ShellBenchReport(List<DmaThroughput> h2c, List<DmaThroughput> c2h, long mmioReadCycles,
    long interruptCycles, long doorbellToInterruptCycles, long imageBytes, long imageLoadCycles,
    String configuration) {
  public ShellBenchReport {
    h2c = List.copyOf(h2c);
    c2h = List.copyOf(c2h);
  }

  /** Cycles per byte of partial bitstream loaded through PF0. */
  public double imageLoadCyclesPerByte() {
    return (double) imageLoadCycles / imageBytes;
  }

  /** A plain-text table. */
  public String toText() {
    StringBuilder sb = new StringBuilder(configuration).append('\n');
    for (DmaThroughput t : h2c) {
      sb.append(t).append('\n');
    }
    for (DmaThroughput t : c2h) {
      sb.append(t).append('\n');
    }
    sb.append("MMIO read round trip: ").append(mmioReadCycles).append(" cycles\n");
    sb.append(String.format("partial bitstream through PF0: %d bytes in %d cycles = %.2f cycles/byte%n", imageBytes,
        imageLoadCycles, imageLoadCyclesPerByte()));
    sb.append("interrupt latency (Role line rising -> MSI-X message in the host log): ").append(interruptCycles)
        .append(" cycles\n");
    sb.append("user_irq MMIO write -> MSI-X message in the host log: ").append(doorbellToInterruptCycles)
        .append(" cycles\n");
    return sb.toString();
  }
}
