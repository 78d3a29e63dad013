package veneer.overlay.run;

import veneer.sim.Backend;

/**
 * How {@link PeRunner} runs a program.
 *
 * <pre>{@code
 * PeRunOptions o = PeRunOptions.defaults().withThreads(8).withLockstep(true);
 * }</pre>
 *
 * @param threads hardware threads of the PE (1 to 16)
 * @param backend simulator back end
 * @param trace print a line per retired instruction
 * @param maxCycles stop with a timeout after this many cycles
 * @param lockstep check every retired instruction against the reference model {@code PeModel}
 * @param memoryLatency cycles from a global-memory request to its response (AXI slave model)
 * @param outOfOrder whether the global-memory model answers different threads out of order
 * @param imemWords instruction memory words
 * @param spmWords scratchpad words
 */
public record PeRunOptions(int threads, Backend backend, boolean trace, long maxCycles, boolean lockstep,
    int memoryLatency, boolean outOfOrder, int imemWords, int spmWords) {
  public PeRunOptions {
    if (maxCycles < 1) {
      throw new IllegalArgumentException("--max-cycles must be at least 1, found " + maxCycles);
    }
    if (memoryLatency < 0) {
      throw new IllegalArgumentException("the memory latency must be >= 0 cycles, found " + memoryLatency);
    }
  }

  /** 4 threads, JVM back end, no trace, 10 million cycles, 16 KiB IMEM and scratchpad. */
  public static PeRunOptions defaults() {
    return new PeRunOptions(4, Backend.JVM, false, 10_000_000L, false, 10, true, 4096, 4096);
  }

  public PeRunOptions withThreads(int t) {
    return new PeRunOptions(t, backend, trace, maxCycles, lockstep, memoryLatency, outOfOrder, imemWords, spmWords);
  }

  public PeRunOptions withBackend(Backend b) {
    return new PeRunOptions(threads, b, trace, maxCycles, lockstep, memoryLatency, outOfOrder, imemWords, spmWords);
  }

  public PeRunOptions withTrace(boolean t) {
    return new PeRunOptions(threads, backend, t, maxCycles, lockstep, memoryLatency, outOfOrder, imemWords, spmWords);
  }

  public PeRunOptions withMaxCycles(long n) {
    return new PeRunOptions(threads, backend, trace, n, lockstep, memoryLatency, outOfOrder, imemWords, spmWords);
  }

  public PeRunOptions withLockstep(boolean l) {
    return new PeRunOptions(threads, backend, trace, maxCycles, l, memoryLatency, outOfOrder, imemWords, spmWords);
  }

  public PeRunOptions withMemoryLatency(int cycles) {
    return new PeRunOptions(threads, backend, trace, maxCycles, lockstep, cycles, outOfOrder, imemWords, spmWords);
  }
}
