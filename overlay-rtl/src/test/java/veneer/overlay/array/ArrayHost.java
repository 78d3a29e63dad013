package veneer.overlay.array;

import veneer.sim.Simulator;
import veneer.sim.bus.AxiLiteMaster;

/** The host's view of a simulated PE array: register reads and writes through {@code ctrl}. */
final class ArrayHost {
  final Simulator sim;
  final AxiLiteMaster bus;

  ArrayHost(Simulator sim) {
    this.sim = sim;
    this.bus = new AxiLiteMaster(sim, "ctrl");
  }

  long read(String reg) {
    return bus.read(ArrayRegisters.offsetOf(reg));
  }

  void write(String reg, long value) {
    bus.write(ArrayRegisters.offsetOf(reg), value);
  }

  /** A 48/64-bit counter from its _lo/_hi pair. */
  long counter(String name) {
    return read(name + "_lo") | (read(name + "_hi") << 32);
  }

  void load(ArrayProgram p) {
    for (int i = 0; i < p.words().length; i++) {
      bus.write(ArrayRegisters.IMEM_WINDOW + 4L * i, p.words()[i] & 0xFFFF_FFFFL);
    }
  }

  void args(long... values) {
    for (int i = 0; i < values.length; i++) {
      bus.write(ArrayRegisters.ARGS_WINDOW + 4L * i, values[i]);
    }
  }

  /** Starts a launch and runs until irq; returns the cycles from the start write to irq. */
  /** Bit 3 of {@code status}: some PE is still sweeping its scoreboard after reset (a start would wait). */
  static final long STATUS_SWEEPING = 0b1000;

  /** Polls {@code status} until no PE sweeps its scoreboard any more (after reset); returns the reads it took. */
  int awaitReady(int maxPolls) {
    for (int i = 1; i <= maxPolls; i++) {
      if ((read("status") & STATUS_SWEEPING) == 0) {
        return i;
      }
    }
    throw new AssertionError("status.sweeping stayed 1 for " + maxPolls + " register reads");
  }

  long launch(ArrayProgram p, long globalSize, long localSize, long maxCycles) {
    write("entry_pc", p.entry());
    write("global_size", globalSize);
    write("local_size", localSize);
    long before = sim.cycle();
    write("control", 1);
    sim.runUntil(() -> sim.peek("irq") == 1, maxCycles);
    if (sim.peek("irq") != 1) {
      throw new AssertionError("the launch did not finish in " + maxCycles + " cycles; dispatched "
          + read("dispatched") + " of " + globalSize);
    }
    return sim.cycle() - before;
  }

  /** State, cause, pc and value of thread {@code t} of PE {@code pe}. */
  long[] thread(int pe, int t) {
    write("thread_select", ((long) pe << 8) | t);
    return new long[] {read("thread_state"), read("thread_cause"), read("thread_pc"), read("thread_value")};
  }
}
