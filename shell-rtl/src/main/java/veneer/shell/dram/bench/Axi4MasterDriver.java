package veneer.shell.dram.bench;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * A Java-side AXI4 manager driving the subordinate port {@code <bundle>_*} of a design: it
 * issues submitted bursts in order on AR and AW (write data in AW order, offered as early as
 * with its address), keeps up to a limit of reads and writes outstanding, matches R and B
 * responses by ID, and records handshake cycles. VALID gaps and READY back-pressure are seeded
 * random, or always on with probability 1. Attach it to a {@code CheckedSimulator}.
 *
 * <pre>{@code
 * Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "m0", Axi4MasterDriver.Config.fullSpeed()));
 * AxiTransaction rd = m.submit(AxiTransaction.read(0, 0x0, 255, 6));
 * sim.runUntil(m::idle, 10_000);
 * }</pre>
 */
public final class Axi4MasterDriver implements CycleHook {
  /**
   * @param validProbability chance per cycle of offering a new address or data beat
   * @param readyProbability chance per cycle that RREADY and BREADY are high
   * @param maxOutstandingReads read bursts in flight before AR waits
   * @param maxOutstandingWrites write bursts in flight before AW waits
   * @param seed of the random choices
   */
  public record Config(double validProbability, double readyProbability, int maxOutstandingReads,
      int maxOutstandingWrites, long seed) {
    /** Always valid, always ready, 256 outstanding each way. */
    public static Config fullSpeed() {
      return new Config(1.0, 1.0, 256, 256, 1);
    }

    /** Random gaps and back-pressure. */
    public static Config random(long seed) {
      return new Config(0.7, 0.7, 8, 8, seed);
    }
  }

  private final String p;
  private final Config config;
  private final SplittableRandom rng;
  private final Deque<AxiTransaction> arQueue = new ArrayDeque<>();
  private final Deque<AxiTransaction> awQueue = new ArrayDeque<>();
  private final Deque<AxiTransaction> wQueue = new ArrayDeque<>();
  private final Map<Long, Deque<AxiTransaction>> reads = new HashMap<>();
  private final Map<Long, Deque<AxiTransaction>> writes = new HashMap<>();
  private final List<AxiTransaction> completed = new ArrayList<>();
  private int outstandingReads;
  private int outstandingWrites;
  private boolean arOffered;
  private boolean awOffered;
  private boolean wOffered;
  private int wBeat;
  private boolean rReady;
  private boolean bReady;

  public Axi4MasterDriver(Simulator sim, String bundle, Config config) {
    this.p = bundle + "_";
    this.config = config;
    this.rng = new SplittableRandom(config.seed());
    if (sim.design().top().port(p + "ar_valid").isEmpty()) {
      throw new IllegalArgumentException("the design " + sim.design().top().name() + " has no AXI4 port '"
          + bundle + "' (expected " + p + "ar_valid and the rest of the bundle)");
    }
  }

  /** Queues a burst; it is issued after every burst submitted before it in its direction. */
  public AxiTransaction submit(AxiTransaction tx) {
    if (tx.write) {
      awQueue.add(tx);
      wQueue.add(tx);
    } else {
      arQueue.add(tx);
    }
    return tx;
  }

  /** True when every submitted burst has completed. */
  public boolean idle() {
    return arQueue.isEmpty() && awQueue.isEmpty() && wQueue.isEmpty() && outstandingReads == 0
        && outstandingWrites == 0;
  }

  /** Completed bursts in completion order. */
  public List<AxiTransaction> completed() {
    return completed;
  }

  /** Reads and writes submitted but not completed. */
  public int inFlight() {
    return arQueue.size() + awQueue.size() + outstandingReads + outstandingWrites;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (sim.peek("reset") != 0) {
      return;
    }
    long cycle = sim.cycle();
    if (arOffered && sim.peek(p + "ar_ready") != 0) {
      AxiTransaction tx = arQueue.removeFirst();
      tx.addrCycle = cycle;
      reads.computeIfAbsent(tx.burst.id(), k -> new ArrayDeque<>()).add(tx);
      outstandingReads++;
      arOffered = false;
    }
    if (awOffered && sim.peek(p + "aw_ready") != 0) {
      AxiTransaction tx = awQueue.removeFirst();
      tx.addrCycle = cycle;
      writes.computeIfAbsent(tx.burst.id(), k -> new ArrayDeque<>()).add(tx);
      outstandingWrites++;
      awOffered = false;
    }
    if (wOffered && sim.peek(p + "w_ready") != 0) {
      wOffered = false;
      if (++wBeat == wQueue.peekFirst().burst.beats()) {
        wQueue.removeFirst();
        wBeat = 0;
      }
    }
    if (rReady && sim.peek(p + "r_valid") != 0) {
      long id = sim.peek(p + "r_id");
      AxiTransaction tx = head(reads, id, "R");
      if (tx.beatsReceived == 0) {
        tx.firstDataCycle = cycle;
      }
      tx.rdata[tx.beatsReceived] = sim.peekWide(p + "r_data");
      tx.resp[tx.beatsReceived] = (int) sim.peek(p + "r_resp");
      tx.beatsReceived++;
      if (tx.beatsReceived == tx.burst.beats()) {
        reads.get(id).removeFirst();
        outstandingReads--;
        finish(tx, cycle);
      }
    }
    if (bReady && sim.peek(p + "b_valid") != 0) {
      long id = sim.peek(p + "b_id");
      AxiTransaction tx = head(writes, id, "B");
      tx.resp[0] = (int) sim.peek(p + "b_resp");
      writes.get(id).removeFirst();
      outstandingWrites--;
      finish(tx, cycle);
    }
  }

  private AxiTransaction head(Map<Long, Deque<AxiTransaction>> byId, long id, String channel) {
    Deque<AxiTransaction> q = byId.get(id);
    if (q == null || q.isEmpty()) {
      throw new IllegalStateException(p + channel + " response with ID " + id + " matches no outstanding burst");
    }
    return q.peekFirst();
  }

  private void finish(AxiTransaction tx, long cycle) {
    tx.doneCycle = cycle;
    completed.add(tx);
  }

  @Override
  public void afterEdge(Simulator sim) {
    if (sim.peek("reset") != 0) {
      arOffered = awOffered = wOffered = rReady = bReady = false;
      for (String f : new String[] {"ar_valid", "aw_valid", "w_valid", "r_ready", "b_ready"}) {
        sim.poke(p + f, 0);
      }
      return;
    }
    if (!arOffered && !arQueue.isEmpty() && outstandingReads < config.maxOutstandingReads() && coin(config.validProbability())) {
      offerAddress(sim, "ar_", arQueue.peekFirst());
      arOffered = true;
    }
    sim.poke(p + "ar_valid", arOffered ? 1 : 0);
    if (!awOffered && !awQueue.isEmpty() && outstandingWrites < config.maxOutstandingWrites()
        && coin(config.validProbability())) {
      offerAddress(sim, "aw_", awQueue.peekFirst());
      awOffered = true;
    }
    sim.poke(p + "aw_valid", awOffered ? 1 : 0);
    if (!wOffered && !wQueue.isEmpty() && coin(config.validProbability())) {
      AxiTransaction tx = wQueue.peekFirst();
      sim.poke(p + "w_data", tx.wdata[wBeat]);
      sim.poke(p + "w_strb", tx.wstrb[wBeat]);
      sim.poke(p + "w_last", wBeat == tx.burst.len() ? 1 : 0);
      wOffered = true;
    }
    sim.poke(p + "w_valid", wOffered ? 1 : 0);
    rReady = coin(config.readyProbability());
    bReady = coin(config.readyProbability());
    sim.poke(p + "r_ready", rReady ? 1 : 0);
    sim.poke(p + "b_ready", bReady ? 1 : 0);
  }

  private void offerAddress(Simulator sim, String ch, AxiTransaction tx) {
    sim.poke(p + ch + "id", tx.burst.id());
    sim.poke(p + ch + "addr", BigInteger.valueOf(tx.burst.addr()));
    sim.poke(p + ch + "len", tx.burst.len());
    sim.poke(p + ch + "size", tx.burst.size());
    sim.poke(p + ch + "burst", tx.burst.burst());
    sim.poke(p + ch + "lock", 0);
    sim.poke(p + ch + "cache", 0);
    sim.poke(p + ch + "prot", 0);
    sim.poke(p + ch + "qos", 0);
  }

  private boolean coin(double probability) {
    return probability >= 1.0 || rng.nextDouble() < probability;
  }
}
