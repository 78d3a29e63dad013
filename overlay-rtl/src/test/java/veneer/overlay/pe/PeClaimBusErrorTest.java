package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import veneer.compiler.asm.Assembler;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * WORK_NEXT reads around a bus error that stops their own thread: a work-item the dispatcher
 * grants must reach the thread that asked, so a read claims in S1 only if it executes in S2
 * (docs/pe-area-csr.md). Thread 0 posts a store that gets SLVERR and then claims work-items in a
 * loop; the store's response latency is swept so that the error stops the thread in every phase
 * of the loop. Every id granted must come back on the retire port as a WORK_NEXT read's value,
 * except one granted in the cycle before the stop: that read was in S2 when the error stopped
 * its thread, and S3 drops the instructions of a stopped thread (the one window that the PE
 * leaves, docs/pe-area-csr.md).
 */
class PeClaimBusErrorTest {
  private static final long SLVERR = 2;
  private static final long ERROR_STORE = 0x8000_0000L;
  private static final int ITEMS = 40;
  // Thread t stores to 0x8000_0000 + 256 * t (thread 0's store fails), then claims until -1.
  private static final String PROGRAM = """
      _start:
        csrr a0, 0xFC0
        slli a1, a0, 8
        lui t0, 0x80000
        add t0, t0, a1
        sw a0, 0(t0)
      claim:
        csrr a2, 0xFC3
        bltz a2, done
        j claim
      done:
        ecall
      """;

  @ParameterizedTest(name = "{0} threads")
  @CsvSource({"1", "2"})
  void everyGrantedWorkItemIsReadByTheThreadThatClaimedIt(int threads) {
    Assembler.Result program = Assembler.assemble(PROGRAM, "claim_bus_error.s");
    int[] text = program.textWords();
    long claimPc = program.symbols().get("claim");
    for (int latency = 1; latency <= 16; latency++) {
      try (Simulator sim = Simulators.open(new Pe(threads, 0, 64, 64), Backend.JVM)) {
        sim.reset(2);
        PeHost.loadAndStart(sim, text);
        String where = threads + " threads, store latency " + latency;
        Result r = run(sim, latency, claimPc);
        assertEquals(List.of(0L), r.faulted, "threads stopped by the bus error, " + where);
        List<Long> lost = new ArrayList<>(r.granted.keySet());
        lost.removeAll(r.read);
        for (long id : lost) {
          assertEquals(r.faultCycle - 1, r.granted.get(id),
              "the cycle of the grant of id " + id + ", which no read returned (the bus error stopped its"
              + " thread in cycle " + r.faultCycle + "), " + where);
        }
        assertEquals(r.granted.size() - lost.size(), r.read.size(), "ids read twice, " + where);
      }
    }
  }

  /** Ids granted (with the cycle), ids read by a retired WORK_NEXT, stopped threads, stop cycle. */
  private record Result(Map<Long, Long> granted, List<Long> read, List<Long> faulted, long faultCycle) {}

  /** Runs until done and a little longer, granting every request and answering stores after {@code latency} cycles. */
  private static Result run(Simulator sim, int latency, long claimPc) {
    Map<Long, Long> granted = new LinkedHashMap<>();
    long faultCycle = -1;
    List<Long> read = new ArrayList<>();
    List<Long> faulted = new ArrayList<>();
    Deque<long[]> responses = new ArrayDeque<>(); // {id, error, due cycle}
    Deque<long[]> addresses = new ArrayDeque<>();
    int beats = 0;
    long next = 0;
    sim.poke("mem_aw_ready", 1);
    sim.poke("mem_w_ready", 1);
    sim.poke("mem_ar_ready", 1);
    sim.poke("wi_grant", 1);
    sim.poke("wi_global_size", ITEMS);
    sim.poke("wi_local_size", 4);
    // (A few cycles past done: a stopped thread's last read may still ask for a work-item.)
    int afterDone = 0;
    for (int cycle = 0; cycle < 5_000 && afterDone < 4; cycle++) {
      afterDone += sim.peek("done") == 1 ? 1 : 0;
      long now = sim.cycle();
      long[] b = responses.isEmpty() || responses.peekFirst()[2] > now ? null : responses.peekFirst();
      sim.poke("mem_b_valid", b != null ? 1 : 0);
      sim.poke("mem_b_id", b != null ? b[0] : 0);
      sim.poke("mem_b_resp", b != null ? b[1] : 0);
      long id = next < ITEMS ? next : 0xFFFF_FFFFL;
      sim.poke("wi_global_id", id);
      sim.poke("wi_local_id", next < ITEMS ? next % 4 : 0xFFFF_FFFFL);
      sim.poke("wi_group_id", next < ITEMS ? next / 4 : 0xFFFF_FFFFL);
      if (sim.peek("wi_req") == 1 && next < ITEMS) {
        granted.put(next++, now);
      }
      if (sim.peek("retire_valid") == 1 && sim.peek("retire_pc") == claimPc
          && sim.peek("retire_value") < ITEMS) {
        read.add(sim.peek("retire_value"));
      }
      if (sim.peek("stop_valid") == 1 && sim.peek("stop_state") == ThreadState.FAULT.ordinal()) {
        faulted.add(sim.peek("stop_thread"));
        faultCycle = now;
      }
      if (b != null && sim.peek("mem_b_ready") == 1) {
        responses.removeFirst();
      }
      if (sim.peek("mem_aw_valid") == 1) {
        addresses.addLast(new long[] {sim.peek("mem_aw_id"), sim.peek("mem_aw_addr")});
      }
      if (sim.peek("mem_w_valid") == 1) {
        beats++;
      }
      while (beats > 0 && !addresses.isEmpty()) {
        long[] aw = addresses.removeFirst();
        beats--;
        responses.addLast(new long[] {aw[0], aw[1] == ERROR_STORE ? SLVERR : 0, now + latency});
      }
      sim.step();
    }
    assertEquals(1, sim.peek("done"), "the PE finishes");
    return new Result(granted, read, faulted, faultCycle);
  }
}
