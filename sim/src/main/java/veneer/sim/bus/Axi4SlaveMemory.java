package veneer.sim.bus;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import veneer.sim.Simulator;

/**
 * A memory on the Java side that answers the AXI4 manager port {@code <bundle>_*} of the design:
 * FIXED, INCR and WRAP bursts, byte strobes, narrow transfers, many outstanding transactions,
 * a configurable latency, seeded random READY/VALID gaps and, optionally, responses to
 * different IDs out of order (responses to one ID always stay in order, as AXI requires).
 * Attach it to a {@link CheckedSimulator}.
 *
 * <pre>{@code
 * Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "mem",
 *     Axi4SlaveMemory.Config.defaults().withLatency(20).withOutOfOrder(true)));
 * dram.memory().writeLong(0x1000, 8, 42);
 * }</pre>
 */
public final class Axi4SlaveMemory implements CycleHook {
  /**
   * @param readLatency cycles from a read address to its first data beat
   * @param writeLatency cycles from a write's last data beat to its response
   * @param readyProbability chance per cycle that AWREADY/WREADY/ARREADY are high
   * @param validProbability chance per cycle that a pending R beat or B response is offered
   * @param outOfOrder whether responses to different IDs may overtake each other
   * @param maxOutstanding reads (and writes) accepted but not answered before ARREADY/AWREADY stay low
   * @param seed for the random choices
   */
  public record Config(int readLatency, int writeLatency, double readyProbability, double validProbability,
      boolean outOfOrder, int maxOutstanding, long seed) {
    public static Config defaults() {
      return new Config(4, 2, 0.8, 0.8, false, 8, 1);
    }

    public Config withLatency(int cycles) {
      return new Config(cycles, cycles, readyProbability, validProbability, outOfOrder, maxOutstanding, seed);
    }

    public Config withOutOfOrder(boolean ooo) {
      return new Config(readLatency, writeLatency, readyProbability, validProbability, ooo, maxOutstanding, seed);
    }

    public Config withSeed(long s) {
      return new Config(readLatency, writeLatency, readyProbability, validProbability, outOfOrder, maxOutstanding, s);
    }

    public Config withProbabilities(double ready, double valid) {
      return new Config(readLatency, writeLatency, ready, valid, outOfOrder, maxOutstanding, seed);
    }
  }

  private static final class Pending {
    final Axi4Burst burst;
    final long readyAt;
    int beat;

    Pending(Axi4Burst burst, long readyAt) {
      this.burst = burst;
      this.readyAt = readyAt;
    }
  }

  private final String p;
  private final Config config;
  private final SplittableRandom rng;
  private final SparseMemory memory = new SparseMemory();
  private final int busBytes;
  private final Deque<Pending> writesAwaitingData = new ArrayDeque<>();
  private final List<Pending> writeResponses = new ArrayList<>();
  private final List<Pending> reads = new ArrayList<>();
  private boolean awReady;
  private boolean wReady;
  private boolean arReady;
  private Pending offeredB;
  private Pending offeredR;
  private Pending currentRead;

  public Axi4SlaveMemory(Simulator sim, String bundle, Config config) {
    this.p = bundle + "_";
    this.config = config;
    this.rng = new SplittableRandom(config.seed());
    String what = "an Axi4 bundle '" + bundle + "'";
    for (String f : new String[] {"aw_valid", "aw_ready", "aw_id", "aw_addr", "aw_len", "aw_size", "aw_burst",
        "w_valid", "w_ready", "w_data", "w_strb", "w_last", "b_valid", "b_ready", "b_id", "b_resp",
        "ar_valid", "ar_ready", "ar_id", "ar_addr", "ar_len", "ar_size", "ar_burst",
        "r_valid", "r_ready", "r_id", "r_data", "r_resp", "r_last"}) {
      Ports.require(sim, p + f, what);
    }
    busBytes = Ports.width(sim, p + "r_data") / 8;
  }

  /** The memory's contents, readable and writable from the test at any time. */
  public SparseMemory memory() {
    return memory;
  }

  /** True when no transaction is in flight. */
  public boolean idle() {
    return writesAwaitingData.isEmpty() && writeResponses.isEmpty() && reads.isEmpty();
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (Ports.inReset(sim)) {
      return;
    }
    long cycle = sim.cycle();
    if (offeredB != null && Ports.high(sim, p + "b_ready")) {
      writeResponses.remove(offeredB);
      offeredB = null;
    }
    if (offeredR != null && Ports.high(sim, p + "r_ready")) {
      offeredR.beat++;
      if (offeredR.beat == offeredR.burst.beats()) {
        reads.remove(offeredR);
        currentRead = null;
      }
      offeredR = null;
    }
    if (awReady && Ports.high(sim, p + "aw_valid")) {
      writesAwaitingData.add(new Pending(burst(sim, "aw"), 0));
    }
    if (wReady && Ports.high(sim, p + "w_valid")) {
      Pending w = writesAwaitingData.peekFirst();
      writeBeat(sim, w);
      w.beat++;
      if (w.beat == w.burst.beats()) {
        writesAwaitingData.removeFirst();
        writeResponses.add(new Pending(w.burst, cycle + config.writeLatency()));
      }
    }
    if (arReady && Ports.high(sim, p + "ar_valid")) {
      reads.add(new Pending(burst(sim, "ar"), cycle + config.readLatency()));
    }
  }

  @Override
  public void afterEdge(Simulator sim) {
    if (Ports.inReset(sim)) {
      writesAwaitingData.clear();
      writeResponses.clear();
      reads.clear();
      offeredB = offeredR = currentRead = null;
      awReady = wReady = arReady = false;
      for (String f : new String[] {"aw_ready", "w_ready", "ar_ready", "b_valid", "r_valid"}) {
        sim.poke(p + f, 0);
      }
      return;
    }
    long cycle = sim.cycle();
    int outstandingWrites = writesAwaitingData.size() + writeResponses.size();
    awReady = outstandingWrites < config.maxOutstanding() && coin(config.readyProbability());
    // Data waits for its address: the subordinate may wait for AWVALID before WREADY.
    wReady = !writesAwaitingData.isEmpty() && coin(config.readyProbability());
    arReady = reads.size() < config.maxOutstanding() && coin(config.readyProbability());
    sim.poke(p + "aw_ready", awReady ? 1 : 0);
    sim.poke(p + "w_ready", wReady ? 1 : 0);
    sim.poke(p + "ar_ready", arReady ? 1 : 0);

    if (offeredB == null && coin(config.validProbability())) {
      offeredB = choose(writeResponses, cycle);
    }
    sim.poke(p + "b_valid", offeredB != null ? 1 : 0);
    if (offeredB != null) {
      sim.poke(p + "b_id", offeredB.burst.id());
      sim.poke(p + "b_resp", 0);
    }

    if (offeredR == null && coin(config.validProbability())) {
      if (currentRead == null) {
        currentRead = choose(reads, cycle);
      }
      offeredR = currentRead;
    }
    sim.poke(p + "r_valid", offeredR != null ? 1 : 0);
    if (offeredR != null) {
      Axi4Burst b = offeredR.burst;
      long addr = b.beatAddress(offeredR.beat);
      sim.poke(p + "r_id", b.id());
      sim.poke(p + "r_data", busWord(addr));
      sim.poke(p + "r_resp", 0);
      sim.poke(p + "r_last", offeredR.beat == b.beats() - 1 ? 1 : 0);
    }
  }

  /** The next response to give: the oldest ready one, or with out-of-order, any ready head of its ID. */
  private Pending choose(List<Pending> queue, long cycle) {
    List<Pending> candidates = new ArrayList<>();
    Set<Long> seenIds = new HashSet<>();
    for (Pending x : queue) {
      boolean headOfId = seenIds.add(x.burst.id());
      if (headOfId && x.readyAt <= cycle) {
        candidates.add(x);
      }
      if (!config.outOfOrder()) {
        break;
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    return config.outOfOrder() ? candidates.get(rng.nextInt(candidates.size())) : candidates.get(0);
  }

  private Axi4Burst burst(Simulator sim, String ch) {
    String q = p + ch + "_";
    return new Axi4Burst(sim.peek(q + "id"), sim.peek(q + "addr"), (int) sim.peek(q + "len"),
        (int) sim.peek(q + "size"), (int) sim.peek(q + "burst"));
  }

  private void writeBeat(Simulator sim, Pending w) {
    long base = w.burst.beatAddress(w.beat) / busBytes * busBytes;
    BigInteger data = sim.peekWide(p + "w_data");
    BigInteger strb = sim.peekWide(p + "w_strb");
    for (int k = 0; k < busBytes; k++) {
      if (strb.testBit(k)) {
        memory.writeByte(base + k, data.shiftRight(8 * k).intValue() & 0xFF);
      }
    }
  }

  private BigInteger busWord(long addr) {
    long base = addr / busBytes * busBytes;
    BigInteger v = BigInteger.ZERO;
    for (int k = busBytes - 1; k >= 0; k--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(memory.readByte(base + k)));
    }
    return v;
  }

  private boolean coin(double probability) {
    return rng.nextDouble() < probability;
  }
}
