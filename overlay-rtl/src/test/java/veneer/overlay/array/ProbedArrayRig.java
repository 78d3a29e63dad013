package veneer.overlay.array;

import veneer.isa.pe.ArrayGlobalMemory;
import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.run.ArrayProbe;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * The one array configuration every back-end test runs on (2 PEs x 4 threads, 256-word IMEM and
 * scratchpad, probe ports of {@link ArrayProbe}), so Verilator builds its model once; an
 * out-of-order AXI4 memory with random ready/valid (seeded), protocol checkers on both ports,
 * and a model-side copy of global memory for the lockstep checker.
 */
final class ProbedArrayRig implements AutoCloseable {
  static final ArrayConfig CONFIG = new ArrayConfig(2, 4, 256, 256, CoalescerConfig.forThreads(4));
  /** Global memory of the models: offsets from 0x8000_0000. */
  static final int MODEL_MEMORY_BYTES = 1 << 20;

  final CheckedSimulator sim;
  final SparseMemory dram;
  final ArrayHost host;
  final ArrayGlobalMemory modelMemory = new ArrayGlobalMemory(MODEL_MEMORY_BYTES);

  ProbedArrayRig(Backend backend) {
    sim = CheckedSimulator.wrap(Simulators.open(ArrayProbe.design(CONFIG), backend));
    dram = sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()
        .withLatency(12).withOutOfOrder(true).withProbabilities(0.9, 0.9))).memory();
    sim.attach(new Axi4ProtocolChecker(sim, "mem"));
    sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
    host = new ArrayHost(sim);
    sim.reset(2);
  }

  /** Writes a word of global memory at {@code addr} (>= 0x8000_0000) into the DRAM and the models' copy. */
  void poke(long addr, int value) {
    dram.writeLong(addr, 4, value & 0xFFFF_FFFFL);
    modelMemory.store(addr - 0x8000_0000L, 4, value);
  }

  /** The word at {@code addr} in the DRAM. */
  int dramWord(long addr) {
    return (int) dram.readLong(addr, 4);
  }

  /** The word at {@code addr} in the models' copy. */
  int modelWord(long addr) {
    return modelMemory.load(addr - 0x8000_0000L, 4);
  }

  @Override
  public void close() {
    sim.close();
  }
}
