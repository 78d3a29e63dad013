package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * State that a start resets without writing it (instret reads 0 until a thread's first retire,
 * the PCs start at entry_pc), over several launches of one PE: the count read by the first
 * instruction of a launch must not depend on the launch before.
 */
class PeRelaunchTest {
  private static final int THREADS = 4;
  // addi a1, a1, 1; addi a1, a1, 1; csrrs a0, instret, x0; ecall   (exit code 2)
  // csrrs a0, instret, x0; ecall                                     (exit code 0)
  private static final int[] PROGRAM = {
      0x00158593, 0x00158593, 0xC0202573, 0x00000073,
      0xC0202573, 0x00000073};

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void instretStartsAtZeroInEveryLaunch(Backend backend) {
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, 64, 64), backend)) {
      sim.reset(2);
      PeHost.loadImem(sim, PROGRAM);
      PeHost.awaitStartReady(sim);
      int[][] launches = {{0, 2}, {16, 0}, {0, 2}, {0, 2}, {16, 0}};
      for (int[] launch : launches) {
        PeHost.start(sim, launch[0]);
        sim.runUntil(() -> sim.peek("done") == 1, 1_000);
        for (int t = 0; t < THREADS; t++) {
          sim.poke("status_thread", t);
          sim.step();
          assertEquals(ThreadState.EXITED.ordinal(), sim.peek("status_state"), "thread " + t);
          assertEquals(launch[1], sim.peek("status_value"),
              "thread " + t + "'s instret at entry " + launch[0]);
        }
      }
    }
  }
}
