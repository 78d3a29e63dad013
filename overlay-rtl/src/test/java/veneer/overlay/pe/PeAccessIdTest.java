package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.compiler.asm.Assembler;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * A thread takes its eight access ids (AXI IDs thread * 8 + slot) in turn, whether its earlier
 * accesses came back long ago (a short latency: a lowest-free choice would take slot 0 again)
 * or are all still in flight (a long latency: the ninth store waits, replaying, until slot 0 is
 * free again), and the stores all complete.
 */
class PeAccessIdTest {
  private static final int THREADS = 2;
  private static final int STORES = 10;
  // Each thread stores STORES words at 0x8000_0000 + 256 * tid, then exits.
  private static final String PROGRAM = """
      _start:
        csrr a0, 0xFC0
        slli a1, a0, 8
        lui t0, 0x80000
        add t0, t0, a1
        li s0, 10
      loop:
        sw s0, 0(t0)
        addi t0, t0, 4
        addi s0, s0, -1
        bnez s0, loop
        ecall
      """;

  @ParameterizedTest(name = "latency {0}")
  @ValueSource(ints = {2, 100})
  void eachThreadTakesItsIdsInTurn(int latency) {
    int[] text = Assembler.assemble(PROGRAM, "access_ids.s").textWords();
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, 64, 64), Backend.JVM)) {
      sim.reset(2);
      PeHost.loadAndStart(sim, text);
      List<List<Long>> slots = runAnsweringStores(sim, latency);
      List<Long> expected = new ArrayList<>();
      for (int k = 0; k < STORES; k++) {
        expected.add((long) (k % PeConfig.ACCESSES_PER_THREAD));
      }
      for (int t = 0; t < THREADS; t++) {
        assertEquals(expected, slots.get(t), "slots of thread " + t + "'s stores, in order");
      }
    }
  }

  /** Answers every store after {@code latency} cycles until done; each thread's AXI ID slots. */
  private static List<List<Long>> runAnsweringStores(Simulator sim, int latency) {
    List<List<Long>> slots = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      slots.add(new ArrayList<>());
    }
    Deque<long[]> responses = new ArrayDeque<>(); // {id, due cycle}
    sim.poke("mem_aw_ready", 1);
    sim.poke("mem_w_ready", 1);
    sim.poke("mem_ar_ready", 1);
    for (int cycle = 0; cycle < 5_000 && sim.peek("done") == 0; cycle++) {
      long now = sim.cycle();
      long[] b = responses.isEmpty() || responses.peekFirst()[1] > now ? null : responses.peekFirst();
      sim.poke("mem_b_valid", b != null ? 1 : 0);
      sim.poke("mem_b_id", b != null ? b[0] : 0);
      sim.poke("mem_b_resp", 0);
      if (b != null && sim.peek("mem_b_ready") == 1) {
        responses.removeFirst();
      }
      if (sim.peek("mem_aw_valid") == 1) {
        long id = sim.peek("mem_aw_id");
        slots.get((int) (id / PeConfig.ACCESSES_PER_THREAD)).add(id % PeConfig.ACCESSES_PER_THREAD);
        responses.addLast(new long[] {id, now + latency});
      }
      sim.step();
    }
    assertEquals(1, sim.peek("done"), "the PE finishes");
    return slots;
  }
}
