package veneer.sim.bus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import veneer.sim.Simulator;

/**
 * Watches an AXI4 interface ({@code <bundle>_aw_valid}, {@code <bundle>_aw_len} ...) every
 * cycle and fails with a {@link ProtocolViolation} naming the rule and the cycle. The rules,
 * named as in the AMBA AXI specification (ARM IHI 0022):
 * <ul>
 *   <li>"Handshake process": on every channel VALID stays high until READY, and the payload is
 *       stable while it waits;</li>
 *   <li>"Burst type", "Burst length", "Burst size": no reserved burst type, no size wider
 *       than the bus, FIXED at most 16 beats, WRAP 2/4/8/16 beats from an aligned address;</li>
 *   <li>"a burst must not cross a 4KB address boundary";</li>
 *   <li>"Write data ... WLAST": the last write beat of each burst, and only it, has WLAST
 *       (write bursts take their data in address order, since AXI4 has no WID);</li>
 *   <li>"Dependencies between channel handshake signals": BVALID only after the write's
 *       address and its last data beat; RVALID only after the read's address;</li>
 *   <li>"Transaction identifiers": every BID and RID names an outstanding request, and
 *       responses for one ID come in request order; RLAST on the last beat of each read burst.</li>
 * </ul>
 *
 * <pre>{@code
 * sim.attach(new Axi4ProtocolChecker(sim, "m"));
 * }</pre>
 */
public final class Axi4ProtocolChecker implements CycleHook {
  private static final String PROTOCOL = "AXI4";
  private final String p;
  private final int busBytes;
  private final ChannelWatch aw;
  private final ChannelWatch w;
  private final ChannelWatch b;
  private final ChannelWatch ar;
  private final ChannelWatch r;
  /** A write burst from its address until its response. */
  private static final class WriteTx {
    final Axi4Burst burst;
    boolean dataDone;

    WriteTx(Axi4Burst burst) {
      this.burst = burst;
    }
  }

  /** Writes whose address has been transferred but not all their data, in address order. */
  private final Deque<WriteTx> awaitingData = new ArrayDeque<>();
  /** Writes not yet answered, in address order. */
  private final List<WriteTx> awaitingResponse = new ArrayList<>();
  /** Beat counts of write bursts whose data finished before their address arrived. */
  private final Deque<Integer> earlyWriteData = new ArrayDeque<>();
  private int wBeats;
  private final List<Axi4Burst> reads = new ArrayList<>();
  private final Map<Long, Integer> readBeats = new HashMap<>();
  private long completedWrites;
  private long completedReads;

  public Axi4ProtocolChecker(Simulator sim, String bundle) {
    this.p = bundle + "_";
    busBytes = Ports.width(sim, p + "w_data") / 8;
    aw = addrWatch(sim, "aw");
    ar = addrWatch(sim, "ar");
    w = new ChannelWatch(sim, PROTOCOL, p + "w", p + "w_valid", p + "w_ready",
        withUser(sim, "w", List.of(p + "w_data", p + "w_strb", p + "w_last")));
    b = new ChannelWatch(sim, PROTOCOL, p + "b", p + "b_valid", p + "b_ready",
        withUser(sim, "b", List.of(p + "b_id", p + "b_resp")));
    r = new ChannelWatch(sim, PROTOCOL, p + "r", p + "r_valid", p + "r_ready",
        withUser(sim, "r", List.of(p + "r_id", p + "r_data", p + "r_resp", p + "r_last")));
  }

  private ChannelWatch addrWatch(Simulator sim, String ch) {
    List<String> fields = new ArrayList<>();
    for (String f : List.of("id", "addr", "len", "size", "burst", "lock", "cache", "prot", "qos")) {
      fields.add(p + ch + "_" + f);
    }
    return new ChannelWatch(sim, PROTOCOL, p + ch, p + ch + "_valid", p + ch + "_ready", withUser(sim, ch, fields));
  }

  private List<String> withUser(Simulator sim, String ch, List<String> fields) {
    List<String> all = new ArrayList<>(fields);
    if (Ports.has(sim, p + ch + "_user")) {
      all.add(p + ch + "_user");
    }
    return all;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (Ports.inReset(sim)) {
      awaitingData.clear();
      awaitingResponse.clear();
      earlyWriteData.clear();
      reads.clear();
      readBeats.clear();
      wBeats = 0;
      for (ChannelWatch c : List.of(aw, w, b, ar, r)) {
        c.observe(sim);
      }
      return;
    }
    long cycle = sim.cycle();
    // Responses first: they must answer requests transferred at earlier edges.
    WriteTx bTx = null;
    if (b.valid(sim)) {
      long id = sim.peek(p + "b_id");
      bTx = oldestWrite(id);
      if (bTx == null) {
        throw violation(cycle, "Transaction identifiers", p + "b_id " + id + " at cycle " + cycle
            + " matches no outstanding write");
      }
      if (!bTx.dataDone) {
        throw violation(cycle, "write response after the last write data", p + "b_valid is high at cycle "
            + cycle + " for ID " + id + " before the write burst's last data beat (WLAST) was transferred");
      }
    }
    Axi4Burst rBurst = null;
    if (r.valid(sim)) {
      long id = sim.peek(p + "r_id");
      rBurst = oldestRead(id);
      if (rBurst == null) {
        throw violation(cycle, "Transaction identifiers", p + "r_id " + id + " at cycle " + cycle
            + " matches no outstanding read");
      }
    }
    if (b.observe(sim)) {
      awaitingResponse.remove(bTx);
      completedWrites++;
    }
    if (r.observe(sim)) {
      int beat = readBeats.merge(rBurst.id(), 1, Integer::sum);
      boolean last = sim.peek(p + "r_last") != 0;
      if (last != (beat == rBurst.beats())) {
        throw violation(cycle, "RLAST on the last read beat", (last ? "RLAST on beat " + beat : "no RLAST on beat " + beat)
            + " of a " + rBurst.beats() + "-beat read burst with ID " + rBurst.id() + " at cycle " + cycle);
      }
      if (last) {
        reads.remove(rBurst);
        readBeats.remove(rBurst.id());
        completedReads++;
      }
    }
    if (aw.observe(sim)) {
      WriteTx tx = new WriteTx(addressBurst(sim, "aw", cycle));
      awaitingResponse.add(tx);
      if (earlyWriteData.isEmpty()) {
        awaitingData.add(tx);
      } else {
        finishWriteData(earlyWriteData.removeFirst(), tx, cycle);
      }
    }
    if (w.observe(sim)) {
      wBeats++;
      boolean last = sim.peek(p + "w_last") != 0;
      WriteTx tx = awaitingData.peekFirst();
      if (tx != null && !last && wBeats >= tx.burst.beats()) {
        throw violation(cycle, "WLAST on the last write beat", "beat " + wBeats + " of a " + tx.burst.beats()
            + "-beat write burst (ID " + tx.burst.id() + ") at cycle " + cycle + " has no WLAST");
      }
      if (last) {
        if (tx != null) {
          awaitingData.removeFirst();
          finishWriteData(wBeats, tx, cycle);
        } else {
          earlyWriteData.add(wBeats);
        }
        wBeats = 0;
      }
    }
    if (ar.observe(sim)) {
      reads.add(addressBurst(sim, "ar", cycle));
    }
  }

  private void finishWriteData(int beats, WriteTx tx, long cycle) {
    if (beats != tx.burst.beats()) {
      throw violation(cycle, "WLAST on the last write beat", "WLAST after " + beats + " beats of a "
          + tx.burst.beats() + "-beat write burst (ID " + tx.burst.id() + "), seen at cycle " + cycle);
    }
    tx.dataDone = true;
  }

  private Axi4Burst addressBurst(Simulator sim, String ch, long cycle) {
    String q = p + ch + "_";
    Axi4Burst burst = new Axi4Burst(sim.peek(q + "id"), sim.peek(q + "addr"), (int) sim.peek(q + "len"),
        (int) sim.peek(q + "size"), (int) sim.peek(q + "burst"));
    String why = burst.illegality(busBytes);
    if (why != null) {
      String rule = why.contains("4 KiB") ? "no burst crosses a 4KB boundary" : "legal burst type, length and size";
      throw violation(cycle, rule, q + "* at cycle " + cycle + ": " + why);
    }
    return burst;
  }

  private WriteTx oldestWrite(long id) {
    for (WriteTx x : awaitingResponse) {
      if (x.burst.id() == id) {
        return x;
      }
    }
    return null;
  }

  private Axi4Burst oldestRead(long id) {
    for (Axi4Burst x : reads) {
      if (x.id() == id) {
        return x;
      }
    }
    return null;
  }

  private ProtocolViolation violation(long cycle, String rule, String detail) {
    return new ProtocolViolation(cycle, PROTOCOL, rule, detail);
  }

  /** Write bursts answered so far. */
  public long completedWrites() {
    return completedWrites;
  }

  /** Read bursts fully returned so far. */
  public long completedReads() {
    return completedReads;
  }
}
