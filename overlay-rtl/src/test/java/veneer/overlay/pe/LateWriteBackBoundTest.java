package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import veneer.overlay.run.PeRunResult;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.CycleHook;

/**
 * No starvation of a global load's data: on a loop where S3 almost always writes a register
 * (9 loads among 24 register-writing ALU instructions), every read response offered on the AXI
 * R channel is written into the register file (the PE's {@code wb_*} port) at most
 * {@link Pe#LATE_PATIENCE} + 4 cycles after R's valid rose: it waits on the channel up to
 * LATE_PATIENCE cycles for a free slot, then S0 holds back an issue and the empty slot reaches
 * S2 at most 2 cycles later. The PE takes a response only when the write port is free in the
 * next cycle, so each write-back comes exactly one cycle after its R handshake. The loop has no
 * stores, so every R handshake is a load's data and they drain in order.
 */
class LateWriteBackBoundTest {
  /** Pairs each R handshake with the next write-back and keeps the longest wait. */
  static final class WriteBackWaits implements CycleHook {
    private final Deque<Long> taken = new ArrayDeque<>();
    private final Deque<Long> offered = new ArrayDeque<>();
    private long validSince = -1;
    long longest;
    long longestAfterTake;
    long writeBacks;

    @Override
    public void beforeEdge(Simulator sim) {
      long cycle = sim.cycle();
      if (sim.peek("wb_valid") == 1) {
        Long at = taken.pollFirst();
        if (at == null) {
          throw new AssertionError("cycle " + cycle + ": a write-back without a response taken before it");
        }
        longestAfterTake = Math.max(longestAfterTake, cycle - at);
        longest = Math.max(longest, cycle - offered.pollFirst());
        writeBacks++;
      }
      boolean valid = sim.peek("mem_r_valid") == 1;
      if (valid && validSince < 0) {
        validSince = cycle;
      }
      if (valid && sim.peek("mem_r_ready") == 1) {
        taken.addLast(cycle);
        offered.addLast(validSince);
        validSince = -1;
      }
    }
  }

  @ParameterizedTest(name = "{0} threads, DRAM latency {1}")
  @CsvSource({"8,10", "8,20", "16,10"})
  void everyLoadIsWrittenBackWithinTheBound(int threads, int latency) {
    WriteBackWaits waits = new WriteBackWaits();
    PeRunResult r = LoadHeavyIpcTest.run(LoadHeavyPrograms.writeHeavy(32), threads, latency, d -> {
      CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(d, Backend.JVM));
      sim.attach(waits);
      return sim;
    });
    System.out.printf("write heavy, %d threads, DRAM latency %d: %d cycles, IPC %.3f, longest wait %d, %s%n",
        threads, latency, r.perf().get("cycles"), LoadHeavyIpcTest.ipc(r), waits.longest, r.perf());
    assertEquals(9L * 32 * threads, waits.writeBacks, "one write-back per load");
    assertTrue(r.perf().get("stall_writeback") > 0, "the loop makes S0 hold back: " + r.perf());
    assertTrue(waits.longest <= Pe.LATE_PATIENCE + 4, "longest wait " + waits.longest);
    assertEquals(1, waits.longestAfterTake, "a taken response drains in the next cycle");
  }
}
