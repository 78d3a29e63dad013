package veneer.overlay.memory;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;
import veneer.sim.bus.SparseMemory;

/**
 * Plays a PE's global-memory port on {@code <bundle>_*} from the Java side the way the PE's
 * GlobalMemoryPort does: each thread runs its own list of single-beat accesses one at a time
 * (the next only after the response), ready requests leave in arrival order, AW and W are
 * offered together. Read data is checked against {@link Reference} as each response arrives.
 */
final class PeTrafficPort implements CycleHook {
  /** One access: a load or a store of 1, 2 or 4 bytes (size 0..2). */
  record Access(boolean write, long addr, int size, long data) {}

  /** The bytes a read must return: what the test has stored so far. */
  interface Reference {
    int readByte(long addr);

    void writeByte(long addr, int value);

    /** The test's own copy of memory as the reference. */
    static Reference of(SparseMemory memory) {
      return new Reference() {
        @Override
        public int readByte(long addr) {
          return memory.readByte(addr);
        }

        @Override
        public void writeByte(long addr, int value) {
          memory.writeByte(addr, value);
        }
      };
    }
  }

  private final String p;
  private final List<Deque<Access>> work = new ArrayList<>();
  private final Access[] inFlight;
  private final long[] readyAt;
  private final Deque<Integer> queue = new ArrayDeque<>();
  private final Reference ref;
  private final SplittableRandom rng;
  private final int maxGap;
  private boolean awSent;
  private boolean wSent;
  private long completed;

  PeTrafficPort(String bundle, List<List<Access>> perThread, Reference ref, long seed, int maxGap) {
    this.p = bundle + "_";
    for (List<Access> l : perThread) {
      work.add(new ArrayDeque<>(l));
    }
    this.inFlight = new Access[perThread.size()];
    this.readyAt = new long[perThread.size()];
    this.ref = ref;
    this.rng = new SplittableRandom(seed);
    this.maxGap = maxGap;
  }

  boolean done() {
    for (int t = 0; t < work.size(); t++) {
      if (!work.get(t).isEmpty() || inFlight[t] != null) {
        return false;
      }
    }
    return true;
  }

  long completed() {
    return completed;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (sim.peek("reset") == 1) {
      return;
    }
    long cycle = sim.cycle();
    if (!queue.isEmpty()) {
      int t = queue.peekFirst();
      Access a = inFlight[t];
      if (!a.write()) {
        if (high(sim, "ar_valid") && high(sim, "ar_ready")) {
          queue.removeFirst();
        }
      } else {
        awSent |= high(sim, "aw_valid") && high(sim, "aw_ready");
        wSent |= high(sim, "w_valid") && high(sim, "w_ready");
        if (awSent && wSent) {
          queue.removeFirst();
          awSent = wSent = false;
          for (int i = 0; i < (1 << a.size()); i++) {
            ref.writeByte(a.addr() + i, (int) (a.data() >>> (8 * i)) & 0xFF);
          }
        }
      }
    }
    if (high(sim, "r_valid") && high(sim, "r_ready")) {
      int t = (int) sim.peek(p + "r_id");
      Access a = finish(t, false, cycle);
      if (sim.peek(p + "r_resp") != 0) {
        throw new AssertionError(p + ": thread " + t + " read 0x" + Long.toHexString(a.addr()) + " got an error response");
      }
      long word = sim.peek(p + "r_data");
      for (int i = 0; i < (1 << a.size()); i++) {
        long addr = a.addr() + i;
        int got = (int) (word >>> (8 * (addr & 3))) & 0xFF;
        int want = ref.readByte(addr);
        if (got != want) {
          throw new AssertionError(String.format("%s: cycle %d thread %d read of 0x%x (size %d): byte 0x%x is 0x%02x,"
              + " expected 0x%02x (R data 0x%08x)", p, cycle, t, a.addr(), 1 << a.size(), addr, got, want, word));
        }
      }
    }
    if (high(sim, "b_valid") && high(sim, "b_ready")) {
      int t = (int) sim.peek(p + "b_id");
      finish(t, true, cycle);
      if (sim.peek(p + "b_resp") != 0) {
        throw new AssertionError(p + ": thread " + t + " got an error write response");
      }
    }
  }

  private Access finish(int t, boolean write, long cycle) {
    Access a = t < inFlight.length ? inFlight[t] : null;
    if (a == null || a.write() != write || queue.contains(t)) {
      throw new AssertionError(p + ": cycle " + cycle + ": " + (write ? "B" : "R") + " for thread " + t
          + " which has no such access in flight (" + a + ")");
    }
    inFlight[t] = null;
    readyAt[t] = cycle + 1 + (maxGap == 0 ? 0 : rng.nextInt(maxGap + 1));
    completed++;
    return a;
  }

  @Override
  public void afterEdge(Simulator sim) {
    long cycle = sim.cycle();
    for (int t = 0; t < work.size(); t++) {
      if (inFlight[t] == null && !work.get(t).isEmpty() && readyAt[t] <= cycle) {
        inFlight[t] = work.get(t).removeFirst();
        queue.addLast(t);
      }
    }
    boolean any = !queue.isEmpty() && sim.peek("reset") == 0;
    Access a = any ? inFlight[queue.peekFirst()] : null;
    int t = any ? queue.peekFirst() : 0;
    sim.poke(p + "ar_valid", a != null && !a.write() ? 1 : 0);
    sim.poke(p + "aw_valid", a != null && a.write() && !awSent ? 1 : 0);
    sim.poke(p + "w_valid", a != null && a.write() && !wSent ? 1 : 0);
    if (a != null) {
      for (String ch : new String[] {"ar", "aw"}) {
        sim.poke(p + ch + "_id", t);
        sim.poke(p + ch + "_addr", a.addr());
        sim.poke(p + ch + "_size", a.size());
        sim.poke(p + ch + "_len", 0);
        sim.poke(p + ch + "_burst", 1);
      }
      int lane = (int) (a.addr() & 3);
      long data = (a.data() << (8 * lane)) & 0xFFFF_FFFFL;
      sim.poke(p + "w_data", BigInteger.valueOf(data));
      sim.poke(p + "w_strb", (((1 << (1 << a.size())) - 1) << lane) & 0xF);
      sim.poke(p + "w_last", 1);
    }
    sim.poke(p + "r_ready", 1);
    sim.poke(p + "b_ready", 1);
  }

  private boolean high(Simulator sim, String field) {
    return sim.peek(p + field) == 1;
  }
}
