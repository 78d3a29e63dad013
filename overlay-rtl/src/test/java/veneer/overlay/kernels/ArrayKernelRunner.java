package veneer.overlay.kernels;

import java.util.Optional;
import veneer.compiler.CompiledKernel;
import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.ArrayRegisters;
import veneer.overlay.array.PeArray;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteMaster;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * Runs a compiled kernel on the RTL {@link PeArray} the way a device host does: arguments and the
 * failure table placed in global memory with {@link DeviceLaunch} (an out-of-order AXI4 memory model
 * on {@code mem}), the IMEM image and the 64 argument words written through the control port, start,
 * wait for {@code irq}, then the arrays and the failure table read back.
 */
final class ArrayKernelRunner {
  /** Device DRAM address where the arguments start (PE address 0x8000_0000 + this). */
  private static final long FIRST_BUFFER = 0x100;

  /** What a launch gave: the failure (from the failure table), the cycles from start to irq, instructions per PE. */
  record Outcome(Optional<KernelFailure> failure, long cycles, long[] retired) {}

  private ArrayKernelRunner() {}

  static Outcome run(ArrayConfig config, CompiledKernel k, WorkRange range, long maxCycles, Object... args) {
    return run(Backend.JVM, config, k, range, maxCycles, args);
  }

  static Outcome run(Backend backend, ArrayConfig config, CompiledKernel k, WorkRange range, long maxCycles, Object... args) {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new PeArray(config), backend))) {
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()
          .withLatency(12).withOutOfOrder(true).withProbabilities(0.9, 0.9)));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
      AxiLiteMaster host = new AxiLiteMaster(sim, "ctrl");
      sim.reset(2);
      SparseMemory memory = dram.memory();

      DeviceLaunch plan = DeviceLaunch.of(k, range, config.pes(), config.threadsPerPe(), 4 * config.spmWords());
      long[] at = new long[args.length];
      long next = FIRST_BUFFER;
      for (int i = 0; i < args.length; i++) {
        at[i] = DeviceLaunch.peAddress(next);
        memory.write(at[i], plan.image(i, args[i]));
        next += (plan.imageBytes(i, args[i]) + 63) & ~63L;
      }
      long table = DeviceLaunch.peAddress(next);
      // garbage in the table: the kernel's threads must overwrite every record
      for (int i = 0; i < plan.failureTableBytes(); i += 4) {
        memory.writeLong(table + i, 4, 0xDEAD_BEEFL);
      }
      int[] words = plan.argumentWords(table, args, at);

      int[] imem = k.imemImage();
      for (int i = 0; i < imem.length; i++) {
        host.write(ArrayRegisters.IMEM_WINDOW + 4L * i, imem[i] & 0xFFFF_FFFFL);
      }
      for (int i = 0; i < words.length; i++) {
        host.write(ArrayRegisters.ARGS_WINDOW + 4L * i, words[i] & 0xFFFF_FFFFL);
      }
      host.write(ArrayRegisters.offsetOf("entry_pc"), k.entryPc());
      host.write(ArrayRegisters.offsetOf("global_size"), 0);
      host.write(ArrayRegisters.offsetOf("local_size"), 1);
      long before = sim.cycle();
      host.write(ArrayRegisters.offsetOf("control"), 1);
      sim.runUntil(() -> sim.peek("irq") == 1, maxCycles);
      if (sim.peek("irq") != 1) {
        throw new AssertionError(k.name() + " did not finish in " + maxCycles + " cycles");
      }
      long cycles = sim.cycle() - before;
      long status = host.read(ArrayRegisters.offsetOf("status"));
      if (status != 0b010) {
        throw new AssertionError(k.name() + ": status 0b" + Long.toBinaryString(status) + ", first error at PE/thread 0x"
            + Long.toHexString(host.read(ArrayRegisters.offsetOf("error_where"))) + " cause 0x"
            + Long.toHexString(host.read(ArrayRegisters.offsetOf("error_cause"))) + " pc 0x"
            + Long.toHexString(host.read(ArrayRegisters.offsetOf("error_pc")))
            + ": a compiled kernel must end every thread by its exit");
      }
      for (int pe = 0; pe < config.pes(); pe++) {
        for (int t = 0; t < config.threadsPerPe(); t++) {
          host.write(ArrayRegisters.offsetOf("thread_select"), ((long) pe << 8) | t);
          long state = host.read(ArrayRegisters.offsetOf("thread_state"));
          long value = host.read(ArrayRegisters.offsetOf("thread_value"));
          if (state != ThreadState.EXITED.ordinal() || value != 0) {
            throw new AssertionError(k.name() + ": PE " + pe + " thread " + t + " ended in state " + state + " value " + value);
          }
        }
      }
      int[] records = new int[plan.failureTableBytes() / 4];
      for (int i = 0; i < records.length; i++) {
        records[i] = (int) memory.readLong(table + 4L * i, 4);
      }
      for (int i = 0; i < args.length; i++) {
        plan.readBack(i, memory.read(at[i], plan.imageBytes(i, args[i])), args[i]);
      }
      long[] retired = new long[config.pes()];
      for (int pe = 0; pe < config.pes(); pe++) {
        host.write(ArrayRegisters.offsetOf("perf_select"), pe);
        retired[pe] = host.read(ArrayRegisters.offsetOf("pe_retired_lo"));
      }
      return new Outcome(plan.failure(records), cycles, retired);
    }
  }
}
