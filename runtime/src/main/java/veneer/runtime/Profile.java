package veneer.runtime;

import java.util.Locale;

/**
 * What one launch cost, from the overlay's counters (docs/overlay-array.md): {@code cycles} the
 * array was busy, and summed over all PEs the instructions retired and the stall cycles by cause;
 * {@code lineReads}/{@code lineWrites} are the 64-byte DRAM lines the array moved.
 * {@code waitCycles} is what the host waited for the completion interrupt (device cycles).
 *
 * <pre>{@code
 * Profile p = kernel.launch(WorkRange.of(n), a, b, c).profile();
 * System.out.printf("%d cycles, %.2f IPC%n", p.cycles(), p.instructionsPerCycle());
 * }</pre>
 */
public record Profile(long cycles, long waitCycles, long retired, long stallMemory, long stallDivide,
    long stallPipeline, long stallWriteback, long lineReads, long lineWrites) {

  /** Instructions retired per busy cycle, all PEs together. */
  public double instructionsPerCycle() {
    return cycles == 0 ? 0 : (double) retired / cycles;
  }

  /** Stall cycles of every cause, summed over the PEs. */
  public long stallCycles() {
    return stallMemory + stallDivide + stallPipeline + stallWriteback;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%d cycles, %d instructions (%.2f per cycle), stalls: memory %d, divide %d, pipeline %d, writeback %d;"
            + " DRAM lines read %d, written %d",
        cycles, retired, instructionsPerCycle(), stallMemory, stallDivide, stallPipeline, stallWriteback,
        lineReads, lineWrites);
  }
}
