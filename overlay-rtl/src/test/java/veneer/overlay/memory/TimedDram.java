package veneer.overlay.memory;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;
import veneer.sim.bus.SparseMemory;

/**
 * A DRAM channel on the Java side for single-beat transactions on a wide AXI4 port, with the
 * timing of the shell's DramChannel (docs/shell-dram.md): the first read beat {@code latency}
 * cycles after AR, and one data path shared by reads and writes that moves at most one beat per
 * cycle, so reads plus writes never exceed the bus width per cycle (the roofline). Reads are
 * answered in order. Test code: overlay-rtl does not depend on shell-rtl.
 *
 * <p>{@link #slowWrites} makes the writes to one address range reach memory (and answer B) only
 * after a delay, as a far DRAM channel would, while other writes land at once: so a test sees
 * whether a writer waits for its stores' B before it lets others read them.
 */
public final class TimedDram implements CycleHook {
  private record Read(long id, long addr, long readyAt) {}

  private final String p;
  private final int latency;
  private final int maxOutstanding;
  private final int bytes;
  private final SparseMemory memory = new SparseMemory();
  private final Deque<Read> reads = new ArrayDeque<>();
  private final Deque<long[]> writeAddrs = new ArrayDeque<>();
  private record Write(long id, long base, BigInteger data, BigInteger strb, long doneAt) {}

  private final Deque<Write> bQueue = new ArrayDeque<>();
  private long slowFrom;
  private long slowTo;
  private int slowDelay;
  private boolean offerR;
  private boolean takeW;
  private boolean preferWrite;
  public long beats;

  public TimedDram(String bundle, int latency, int maxOutstanding, int bytes) {
    this.p = bundle + "_";
    this.latency = latency;
    this.maxOutstanding = maxOutstanding;
    this.bytes = bytes;
  }

  public SparseMemory memory() {
    return memory;
  }

  /** Writes to {@code [from, to)} land in memory and answer B {@code delay} cycles after their data beat. */
  public TimedDram slowWrites(long from, long to, int delay) {
    slowFrom = from;
    slowTo = to;
    slowDelay = delay;
    return this;
  }

  private void land(Write w) {
    for (int k = 0; k < bytes; k++) {
      if (w.strb().testBit(k)) {
        memory.writeByte(w.base() + k, w.data().shiftRight(8 * k).intValue() & 0xFF);
      }
    }
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (sim.peek("reset") == 1) {
      return;
    }
    long cycle = sim.cycle();
    if (sim.peek(p + "ar_valid") == 1 && sim.peek(p + "ar_ready") == 1) {
      reads.addLast(new Read(sim.peek(p + "ar_id"), sim.peek(p + "ar_addr"), cycle + latency));
    }
    if (sim.peek(p + "aw_valid") == 1 && sim.peek(p + "aw_ready") == 1) {
      writeAddrs.addLast(new long[] {sim.peek(p + "aw_id"), sim.peek(p + "aw_addr")});
    }
    if (sim.peek(p + "w_valid") == 1 && sim.peek(p + "w_ready") == 1) {
      long[] aw = writeAddrs.removeFirst();
      long base = aw[1] / bytes * bytes;
      boolean slow = base >= slowFrom && base < slowTo;
      Write w = new Write(aw[0], base, sim.peekWide(p + "w_data"), sim.peekWide(p + "w_strb"),
          slow ? cycle + slowDelay : cycle);
      if (!slow) {
        land(w);
      }
      bQueue.addLast(w);
      beats++;
    }
    if (offerR && sim.peek(p + "r_ready") == 1) {
      reads.removeFirst();
      beats++;
    }
    if (sim.peek(p + "b_valid") == 1 && sim.peek(p + "b_ready") == 1) {
      Write w = bQueue.removeFirst();
      if (w.base() >= slowFrom && w.base() < slowTo) {
        land(w);
      }
    }
  }

  @Override
  public void afterEdge(Simulator sim) {
    long cycle = sim.cycle();
    boolean inReset = sim.peek("reset") == 1;
    sim.poke(p + "ar_ready", !inReset && reads.size() < maxOutstanding ? 1 : 0);
    sim.poke(p + "aw_ready", !inReset && writeAddrs.size() < 4 ? 1 : 0);
    boolean readReady = !reads.isEmpty() && reads.peekFirst().readyAt() <= cycle;
    boolean writeReady = !writeAddrs.isEmpty();
    // One beat per cycle on the data path; reads and writes take turns when both wait.
    offerR = readReady && (!writeReady || !preferWrite);
    takeW = writeReady && !offerR;
    if (readReady && writeReady) {
      preferWrite = !preferWrite;
    }
    sim.poke(p + "w_ready", takeW ? 1 : 0);
    sim.poke(p + "r_valid", offerR ? 1 : 0);
    if (offerR) {
      Read r = reads.peekFirst();
      long base = r.addr() / bytes * bytes;
      BigInteger v = BigInteger.ZERO;
      for (int k = bytes - 1; k >= 0; k--) {
        v = v.shiftLeft(8).or(BigInteger.valueOf(memory.readByte(base + k)));
      }
      sim.poke(p + "r_id", r.id());
      sim.poke(p + "r_data", v);
      sim.poke(p + "r_resp", 0);
      sim.poke(p + "r_last", 1);
    }
    boolean offerB = !bQueue.isEmpty() && bQueue.peekFirst().doneAt() <= cycle;
    sim.poke(p + "b_valid", offerB ? 1 : 0);
    if (offerB) {
      sim.poke(p + "b_id", bQueue.peekFirst().id());
      sim.poke(p + "b_resp", 0);
    }
  }
}
