package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import veneer.compiler.asm.Assembler;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * A reset while loads are in flight leaves their scoreboard bits set in the LUT RAMs (a reset
 * does not clear memories): the sweep after reset clears them, so that the next launch's threads,
 * which read those registers, run to their end rather than wait forever. The loads go to
 * registers in different scoreboard words of both threads.
 */
class PeResetSweepTest {
  private static final int THREADS = 2;
  private static final String LOADS = """
      _start:
        lui t0, 0x80000
        lw a1, 0(t0)
        lw a2, 4(t0)
        lw s1, 8(t0)
        lw t6, 12(t0)
        lw ra, 16(t0)
      spin:
        j spin
      """;
  private static final String READS = """
      _start:
        add a0, a1, a2
        add a0, s1, t6
        add a0, a0, ra
        ecall
      """;

  @Test
  void aResetDuringLoadsLeavesNoRegisterPending() {
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, 64, 64), Backend.JVM)) {
      sim.reset(2);
      launch(sim, LOADS);
      sim.poke("mem_ar_ready", 1);
      int requests = 0;
      for (int cycle = 0; cycle < 200; cycle++) {
        requests += (int) sim.peek("mem_ar_valid");
        sim.step();
      }
      assertEquals(5 * THREADS, requests, "every load left the PE (and none came back)");
      sim.poke("mem_ar_ready", 0);
      sim.reset(2);
      launch(sim, READS);
      sim.runUntil(() -> sim.peek("done") == 1, 2_000);
      assertEquals(1, sim.peek("done"), "the threads of the launch after the reset finish");
    }
  }

  private static void launch(Simulator sim, String program) {
    int[] text = Assembler.assemble(program, "reset_sweep.s").textWords();
    PeHost.loadAndStart(sim, text);
  }
}
