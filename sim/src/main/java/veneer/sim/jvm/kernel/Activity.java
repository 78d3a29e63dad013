package veneer.sim.jvm.kernel;

import java.util.Arrays;

/**
 * Which eval chunks of a compiled design must run at the next settle (internal to the JVM back
 * end; public only because the generated code calls it). A chunk is <em>dirty</em> when a value
 * it reads may have changed since it last ran: an input poked to a new value, a register or
 * synchronous read port that took a new value at the last edge, a memory written that it reads
 * asynchronously, or a net computed by an earlier chunk whose value changed when that chunk ran.
 * Chunks whose inputs are all unchanged keep their stored values, which are still right: this is
 * what makes idle parts of a design (PEs with no work, a quiet DMA engine) cost almost nothing.
 *
 * <pre>{@code
 * Activity a = new Activity(readersOfEachChunk);   // every chunk starts dirty
 * a.mark(readersOfInputNet);                       // after a poke that changed the input
 * kernel.eval();                                   // runs only the dirty chunks, in order
 * }</pre>
 */
public final class Activity {
  private final boolean[] dirty;
  private final int[][] readers;
  private long runs;
  private long settles;

  /**
   * @param readers for each chunk, the later chunks that read a net it computes (to run again
   *     when one of its values changed)
   */
  public Activity(int[][] readers) {
    this.readers = readers;
    this.dirty = new boolean[readers.length];
    markAll();
  }

  /** Whether chunk {@code c} must run; clears its flag (the generated {@code run} then runs it). */
  public boolean take(int c) {
    if (dirty[c]) {
      dirty[c] = false;
      runs++;
      return true;
    }
    return false;
  }

  /** Chunk {@code c} ran and changed a value some later chunk reads: those chunks must run. */
  public void changed(int c) {
    for (int r : readers[c]) {
      dirty[r] = true;
    }
  }

  /** Marks {@code chunks} dirty; {@code null} (nothing reads the value) marks none. */
  public void mark(int[] chunks) {
    if (chunks != null) {
      for (int c : chunks) {
        dirty[c] = true;
      }
    }
  }

  /** Marks every chunk dirty (the first settle computes everything). */
  public void markAll() {
    Arrays.fill(dirty, true);
  }

  /** Counts one settle, for {@link #runs()} per settle. */
  public void settled() {
    settles++;
  }

  /** Number of eval chunks of the design. */
  public int chunks() {
    return dirty.length;
  }

  /** Chunk runs since the model was built. */
  public long runs() {
    return runs;
  }

  /** Settles since the model was built. */
  public long settles() {
    return settles;
  }
}
