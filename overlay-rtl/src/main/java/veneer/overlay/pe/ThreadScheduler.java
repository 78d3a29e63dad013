package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Round-robin choice among the ready threads: the first ready thread after the one issued last,
 * wrapping around, so that every ready thread issues within {@code threads} cycles.
 *
 * <pre>{@code
 * ThreadScheduler sched = instance("sched", new ThreadScheduler(8));
 * sched.ready.assign(readyMask); sched.issue.assign(allowed);   // sched.valid, sched.tid
 * }</pre>
 */
public final class ThreadScheduler extends Module {
  /** Bit i: thread i may issue. */
  public final UInt ready;
  /** The choice is taken this cycle (moves the round-robin pointer). */
  public final Bool issue = input("issue", Bool());
  public final Bool valid = output("valid", Bool());
  public final UInt tid;

  public ThreadScheduler(int threads) {
    int bits = log2Up(threads);
    ready = input("ready", UInt(threads));
    tid = output("tid", UInt(bits));
    UInt last = reg("last", UInt(bits), threads - 1);
    UInt after = lit(0, UInt(threads));
    for (int i = 0; i < threads; i++) {
      after = after.or(last.lt(i).mux(lit(1L << i, UInt(threads)), 0));
    }
    UInt later = ready.and(after);
    UInt chosen = later.orR().mux(lowest(later, threads, bits), lowest(ready, threads, bits));
    valid.assign(ready.orR());
    tid.assign(chosen);
    when(issue.and(ready.orR()), () -> last.assign(chosen));
  }

  private UInt lowest(UInt mask, int threads, int bits) {
    UInt out = lit(0, UInt(bits));
    for (int i = threads - 1; i >= 0; i--) {
      out = mask.bit(i).mux(lit(i, UInt(bits)), out);
    }
    return out;
  }
}
