package veneer.overlay.array;

import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.pe.PeConfig;

/**
 * The shape of a PE array: how many PEs, threads per PE, memory sizes per PE, and the
 * coalescer in front of each PE's global-memory port.
 *
 * <pre>{@code
 * ArrayConfig c = ArrayConfig.of(4, 8);   // 4 PEs x 8 threads, 4096-word IMEM and scratchpad
 * }</pre>
 *
 * @param pes processing elements, 1 to 32
 * @param threadsPerPe hardware threads per PE, 1 to 16
 * @param imemWords instruction memory per PE (the same program is broadcast to all)
 * @param spmWords scratchpad per PE
 * @param coalescer the per-PE coalescer
 */
public record ArrayConfig(int pes, int threadsPerPe, int imemWords, int spmWords, CoalescerConfig coalescer) {
  /** The largest IMEM the control port's IMEM window reaches (64 KiB). */
  public static final int MAX_IMEM_WORDS = 1 << 14;

  public ArrayConfig {
    if (pes < 1 || pes > 32) {
      throw new IllegalArgumentException("a PE array has 1 to 32 PEs, found " + pes);
    }
    if (imemWords > MAX_IMEM_WORDS) {
      throw new IllegalArgumentException("the IMEM window holds at most " + MAX_IMEM_WORDS + " words, found "
          + imemWords);
    }
    pe(0, threadsPerPe, imemWords, spmWords);
    if (coalescer.threads() != threadsPerPe) {
      throw new IllegalArgumentException("the coalescer serves " + coalescer.threads()
          + " threads but each PE has " + threadsPerPe);
    }
  }

  public static ArrayConfig of(int pes, int threadsPerPe) {
    return new ArrayConfig(pes, threadsPerPe, 4096, 4096, CoalescerConfig.forThreads(threadsPerPe));
  }

  /**
   * This array with stores checked against {@code bytes} of global memory from the PE global
   * base 0x8000_0000 (the DRAM the Shell has; {@link CoalescerConfig#globalBytes()}).
   */
  public ArrayConfig withGlobalBytes(long bytes) {
    return new ArrayConfig(pes, threadsPerPe, imemWords, spmWords, coalescer.withGlobalBytes(bytes));
  }

  /** PE {@code i}'s configuration. */
  public PeConfig pe(int i) {
    return pe(i, threadsPerPe, imemWords, spmWords);
  }

  private static PeConfig pe(int i, int threads, int imemWords, int spmWords) {
    return PeConfig.of(threads, i, imemWords, spmWords);
  }
}
