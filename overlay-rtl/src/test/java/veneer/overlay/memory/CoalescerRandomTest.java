package veneer.overlay.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * Seeded random loads and stores from several PE ports through the coalescers and the arbiter
 * to an out-of-order AXI4 memory, checked against a reference byte array: every load's bytes
 * when it returns, the whole memory at the end. Threads share lines (word-interleaved
 * ownership, so stores of different threads are merged with byte strobes) and all read one
 * shared read-only table (read combining). Protocol checkers on every port.
 *
 * <p>Kept lines (a coalescer serves later loads from a line it has read): the traffic runs in
 * phases, and each phase hands every owned granule to another thread, mostly on another PE;
 * between phases every PE fences (seal), so a line kept from an earlier phase with another
 * PE's old bytes must not be served. During a phase random FENCEs seal, stores of a PE hit
 * lines its coalescer keeps, and few read slots for the 16-line table make lines be evicted
 * and read again; the test checks that loads were served from kept lines.
 * Seed: -Dveneer.random.seed=N.
 */
class CoalescerRandomTest {
  private static final long SHARED = 0x8000_0000L;
  private static final int SHARED_BYTES = 1024;
  private static final long OWNED = 0x8001_0000L;
  private static final int OWNED_BYTES = 384;

  @Test
  void randomTrafficMatchesReferenceOnThreeConfigurations() {
    long seed = Long.getLong("veneer.random.seed", 20261129L);
    run(seed, 3, new CoalescerConfig(4, 4, 4, 2), 0.8, 0.7, 4);
    run(seed + 1, 2, new CoalescerConfig(8, 2, 1, 1), 1.0, 1.0, 1);
    run(seed + 2, 4, new CoalescerConfig(3, 8, 16, 4), 0.5, 0.5, 2);
    run(seed + 3, 3, new CoalescerConfig(4, 2, 4, 2, 8), 0.9, 0.8, 4);
  }

  /** {@code granule}: bytes of the owned region that belong to one thread in turn (1, 2 or 4). */
  private void run(long seed, int pes, CoalescerConfig c, double ready, double valid, int granule) {
    String where = "seed " + seed + ", " + pes + " PEs, " + c + ", granule " + granule;
    try {
      runChecked(seed, pes, c, ready, valid, granule);
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(where + ": " + e.getMessage(), e);
    }
  }

  private void runChecked(long seed, int pes, CoalescerConfig c, double ready, double valid, int granule) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nt = c.threads();
    int total = pes * nt;
    SparseMemory ref = new SparseMemory();
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new ArrayMemory(pes, c), Backend.JVM))) {
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()
          .withLatency(6).withOutOfOrder(true).withProbabilities(ready, valid).withSeed(seed)));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      for (long a = 0; a < SHARED_BYTES; a++) {
        int b = rng.nextInt(256);
        ref.writeByte(SHARED + a, b);
        dram.memory().writeByte(SHARED + a, b);
      }
      for (long a = 0; a < OWNED_BYTES; a++) {
        int b = rng.nextInt(256);
        ref.writeByte(OWNED + a, b);
        dram.memory().writeByte(OWNED + a, b);
      }
      PeTrafficPort.Reference view = PeTrafficPort.Reference.of(ref);
      for (int pe = 0; pe < pes; pe++) {
        sim.attach(new Axi4ProtocolChecker(sim, "pe" + pe));
      }
      Fences fences = sim.attach(new Fences(pes, new SplittableRandom(seed * 17 + 5)));
      sim.reset(2);
      for (int phase = 0; phase < PHASES; phase++) {
        // Each phase moves every granule to the thread nt + 1 further on, which is on another PE.
        int owner = phase * (nt + 1) % total;
        List<PeTrafficPort> ports = new ArrayList<>();
        for (int pe = 0; pe < pes; pe++) {
          List<List<PeTrafficPort.Access>> threads = new ArrayList<>();
          for (int t = 0; t < nt; t++) {
            threads.add(accesses(rng, (pe * nt + t + owner) % total, total, PER_PHASE, granule));
          }
          ports.add(sim.attach(new PeTrafficPort("pe" + pe, threads, view, seed * 31 + pe + 7 * phase, 3)));
        }
        long cycles = sim.runUntil(() -> ports.stream().allMatch(PeTrafficPort::done), 200_000);
        assertTrue(ports.stream().allMatch(PeTrafficPort::done),
            "phase " + phase + ": traffic did not finish in " + cycles + " cycles");
        ports.forEach(sim::detach);
        // Stores are posted: the FENCEs end when every coalescer has written its lines.
        fences.fenceAll();
        sim.runUntil(fences::idle, 10_000);
        assertTrue(fences.idle(), "phase " + phase + ": the FENCEs did not end");
        sim.step(2);
      }
      for (long a = 0; a < OWNED_BYTES; a++) {
        assertEquals(ref.readByte(OWNED + a), dram.memory().readByte(OWNED + a),
            String.format("memory byte 0x%x after the run", OWNED + a));
      }
      long lines = sim.peek("line_reads") + sim.peek("line_writes");
      long requests = sim.peek("pe_reads") + sim.peek("pe_writes");
      assertEquals((long) PHASES * pes * nt * PER_PHASE, requests, "requests counted");
      assertTrue(lines < requests, "some requests were combined: " + requests + " requests in " + lines + " lines");
      assertTrue(sim.peek("kept_hits") > 0, "some loads were served from kept lines");
      assertTrue(fences.random > 0, "FENCEs during the traffic");
    }
  }

  private static final int PHASES = 8;
  private static final int PER_PHASE = 16;

  /**
   * Drives {@code seal} like FENCEs in the PEs: a FENCE on each PE now and then (probability
   * 1/300 a cycle), or on all; a FENCE seals again every cycle until its coalescer is quiet
   * (every posted store written), as a FENCE replays in the PE.
   */
  private static final class Fences implements veneer.sim.bus.CycleHook {
    private final int pes;
    private final SplittableRandom rng;
    private boolean all;
    private long waiting;
    long random;

    Fences(int pes, SplittableRandom rng) {
      this.pes = pes;
      this.rng = rng;
    }

    void fenceAll() {
      all = true;
    }

    /** No FENCE is waiting for its stores. */
    boolean idle() {
      return waiting == 0 && !all;
    }

    @Override
    public void beforeEdge(veneer.sim.Simulator sim) {}

    @Override
    public void afterEdge(veneer.sim.Simulator sim) {
      long bits = waiting;
      for (int pe = 0; pe < pes; pe++) {
        if (all || rng.nextInt(300) == 0) {
          bits |= 1L << pe;
        }
      }
      random += all ? 0 : Long.bitCount(bits & ~waiting);
      all = false;
      sim.poke("seal", bits);
      // A FENCE that seals while its coalescer is quiet is over.
      waiting = bits & ~sim.peek("quiet");
    }
  }

  /**
   * A thread's accesses: loads of the shared table, loads and stores of the granules it owns
   * (granule i belongs to thread i mod total, so several threads store into one word).
   */
  private static List<PeTrafficPort.Access> accesses(SplittableRandom rng, int g, int total, int count,
      int granule) {
    List<PeTrafficPort.Access> out = new ArrayList<>();
    int ownedGranules = OWNED_BYTES / granule / total;
    int maxSize = Integer.numberOfTrailingZeros(granule);
    for (int i = 0; i < count; i++) {
      int kind = rng.nextInt(3);
      if (kind == 0) {
        int size = rng.nextInt(3);
        long addr = SHARED + (rng.nextInt(SHARED_BYTES) & ~((1 << size) - 1));
        out.add(new PeTrafficPort.Access(false, addr, size, 0));
      } else {
        int size = rng.nextInt(maxSize + 1);
        long index = (long) rng.nextInt(ownedGranules) * total + g;
        long addr = OWNED + granule * index + (rng.nextInt(granule) & ~((1 << size) - 1));
        out.add(new PeTrafficPort.Access(kind == 2, addr, size, rng.nextLong() & 0xFFFF_FFFFL));
      }
    }
    return out;
  }
}
