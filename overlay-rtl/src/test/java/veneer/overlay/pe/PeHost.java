package veneer.overlay.pe;

import veneer.sim.Simulator;

/**
 * The host's side of a stand-alone {@link Pe} in tests: writing IMEM through the host port and
 * starting the threads (docs/pe.md, "Host ports").
 *
 * <pre>{@code
 * sim.reset(2);
 * PeHost.loadAndStart(sim, Assembler.assemble(source, "t.s").textWords());
 * }</pre>
 */
final class PeHost {
  private PeHost() {}

  /** Writes {@code words} to IMEM from word 0, one per cycle. */
  static void loadImem(Simulator sim, int[] words) {
    for (int i = 0; i < words.length; i++) {
      sim.poke("imem_we", 1);
      sim.poke("imem_addr", i);
      sim.poke("imem_data", words[i] & 0xFFFF_FFFFL);
      sim.step();
    }
    sim.poke("imem_we", 0);
  }

  /** Waits until the PE takes a start (its reset sweep done, no thread running). */
  static void awaitStartReady(Simulator sim) {
    sim.runUntil(() -> sim.peek("start_ready") == 1, 10_000);
  }

  /** A one-cycle start pulse: every thread starts at {@code entryPc}. */
  static void start(Simulator sim, long entryPc) {
    sim.poke("entry_pc", entryPc);
    sim.poke("start", 1);
    sim.step();
    sim.poke("start", 0);
  }

  /** Loads {@code text} at IMEM word 0 and starts every thread there once the PE is ready. */
  static void loadAndStart(Simulator sim, int[] text) {
    loadImem(sim, text);
    awaitStartReady(sim);
    start(sim, 0);
  }
}
