package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Fetch faults (a misaligned pc, a pc past IMEM) stop every thread with cause 0 or 1 and the pc
 * as both the stop pc and the value, on the stop port and on the status port. PeFaultTest's
 * programs never fetch from a bad pc (a misaligned pc only comes from the entry pc), so this test
 * starts the PE directly. The word that a faulting fetch reads (IMEM word 0 for both pcs here) is
 * a JAL whose target from the faulting pc is aligned: the stop pc must not follow it.
 */
class PeFetchFaultTest {
  private static final int THREADS = 4;
  private static final int IMEM_WORDS = 64;
  // addi t0, x0, 0x100 (the first address past a 64-word IMEM); jalr x0, 0(t0)
  private static final long ADDI_T0_PAST_IMEM = 0x1000_0293L;
  private static final long JR_T0 = 0x0002_8067L;

  private record Stop(long thread, long state, long cause, long pc, long value) {}

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void aFetchFaultStopsWithThePcAsValue(Backend backend) {
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, IMEM_WORDS, 64), backend)) {
      sim.reset(2);
      sim.runUntil(() -> sim.peek("start_ready") == 1, 10_000);
      // A misaligned entry pc (2): cause 0. IMEM word 0 holds jal x0, 14 (2 + 14 = 16, aligned).
      load(sim, jal(14), ADDI_T0_PAST_IMEM, JR_T0);
      checkLaunch(sim, 2, 0, 2);
      // Entry at word 1, which jumps to 0x100, past IMEM: cause 1. Word 0 is now jal x0, 8
      // (0x100 + 8, aligned).
      load(sim, jal(8), ADDI_T0_PAST_IMEM, JR_T0);
      checkLaunch(sim, 4, 1, 0x100);
    }
  }

  /** jal x0, offset (offset even, below 2^10). */
  private static long jal(int offset) {
    return ((long) (offset >> 1) << 21) | 0x6F;
  }

  private static void load(Simulator sim, long... words) {
    for (int i = 0; i < words.length; i++) {
      sim.poke("imem_we", 1);
      sim.poke("imem_addr", i);
      sim.poke("imem_data", words[i]);
      sim.step();
    }
    sim.poke("imem_we", 0);
  }

  private static void checkLaunch(Simulator sim, long entryPc, long cause, long faultPc) {
    sim.poke("entry_pc", entryPc);
    sim.poke("start", 1);
    sim.step();
    sim.poke("start", 0);
    List<Stop> stops = new ArrayList<>();
    for (int cycle = 0; cycle < 1_000 && sim.peek("done") == 0; cycle++) {
      if (sim.peek("stop_valid") == 1) {
        stops.add(new Stop(sim.peek("stop_thread"), sim.peek("stop_state"), sim.peek("stop_cause"),
            sim.peek("stop_pc"), sim.peek("stop_value")));
      }
      sim.step();
    }
    assertEquals(1, sim.peek("done"), "the PE finishes");
    List<Stop> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      expected.add(new Stop(t, ThreadState.FAULT.ordinal(), cause, faultPc, faultPc));
    }
    stops.sort((x, y) -> Long.compare(x.thread(), y.thread()));
    assertEquals(expected, stops, "stop port events, entry pc " + entryPc);
    for (Stop s : expected) {
      sim.poke("status_thread", s.thread());
      sim.step();
      assertEquals(s, new Stop(s.thread(), sim.peek("status_state"), sim.peek("status_cause"),
          sim.peek("status_pc"), sim.peek("status_value")), "status of thread " + s.thread());
    }
  }
}
