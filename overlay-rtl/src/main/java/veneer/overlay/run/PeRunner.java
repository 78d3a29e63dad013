package veneer.overlay.run;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfSegment;
import veneer.isa.pe.PeMemoryMap;
import veneer.overlay.pe.Pe;
import veneer.overlay.pe.PeConfig;
import veneer.overlay.pe.PerfCounters;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.progress.Progress;

/**
 * Runs a bare-metal RV32IM ELF on one simulated PE: loads its segments into instruction memory,
 * scratchpad and global memory (an AXI4 slave model with configurable latency), starts every
 * thread at the entry point, and runs until a non-zero word is stored to {@code tohost} (1 =
 * pass, {@code v} = failure code {@code v >> 1}), every thread has stopped, or the cycle budget
 * is spent. Collects the console, can print a trace line per retired instruction, and can check
 * every instruction against the reference model in lockstep. Backs {@code ./veneer pe run}.
 *
 * <pre>{@code
 * PeRunResult r = new PeRunner(PeRunOptions.defaults().withThreads(8)).run(Path.of("hello.elf"), System.out);
 * System.out.println(r.summary());
 * }</pre>
 */
public final class PeRunner {
  /** Cycles between progress reports (a power of two). */
  private static final long PROGRESS_CYCLES = 1 << 16;

  private final PeRunOptions options;
  private final Function<Design, Simulator> opener;

  /** A runner on the options' back end. */
  public PeRunner(PeRunOptions options) {
    this(options, d -> Simulators.open(d, options.backend()));
  }

  /** A runner on a simulator made by {@code opener} (tests, other back ends). */
  public PeRunner(PeRunOptions options, Function<Design, Simulator> opener) {
    this.options = options;
    this.opener = opener;
  }

  /** Runs the ELF at {@code elfPath}; trace lines and console text go to {@code out}. */
  public PeRunResult run(Path elfPath, PrintStream out) {
    return run(ElfFile.read(elfPath), out);
  }

  /** Runs a parsed ELF; trace lines go to {@code out}. */
  public PeRunResult run(ElfFile elf, PrintStream out) {
    PeConfig config = PeConfig.of(options.threads(), 0, options.imemWords(), options.spmWords());
    Design design = Elaborator.elaborate(new Pe(config));
    LockstepChecker lockstep = options.lockstep()
        ? new LockstepChecker(elf, config.threads(), config.peId(), config.imemWords(), config.spmWords())
        : null;
    long tohostAddr = elf.symbol(PeMemoryMap.TOHOST_SYMBOL).map(s -> s.value()).orElse(-1L);
    try (CheckedSimulator sim = CheckedSimulator.wrap(opener.apply(design))) {
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()
          .withLatency(options.memoryLatency()).withOutOfOrder(options.outOfOrder())
          .withProbabilities(1.0, 1.0)));
      load(elf, config, sim, dram);
      sim.reset(2);
      while (sim.peek("start_ready") == 0) { // the scoreboard sweep after reset; not part of the program's run
        sim.step();
      }
      sim.poke("entry_pc", elf.entry());
      sim.poke("start", 1);
      sim.step();
      sim.poke("start", 0);
      long started = sim.cycle();
      StringBuilder console = new StringBuilder();
      int tohost = 0;
      PeRunResult.Reason reason;
      try (Progress.Task progress = Progress.begin("running on the PE")) {
        while (true) {
          long ran = sim.cycle() - started;
          if ((ran & PROGRESS_CYCLES - 1) == 0) {
            progress.fraction(String.format(Locale.ROOT, "%,d of at most %,d cycles", ran, options.maxCycles()),
                (double) ran / options.maxCycles());
          }
          if (sim.peek("done") == 1) {
            reason = PeRunResult.Reason.ALL_STOPPED;
            break;
          }
          if (sim.cycle() - started >= options.maxCycles()) {
            reason = PeRunResult.Reason.TIMEOUT;
            break;
          }
          if (sim.peek("retire_valid") == 1) {
            RetireEvent e = new RetireEvent(sim.cycle(), (int) sim.peek("retire_thread"), (int) sim.peek("retire_pc"),
                (int) sim.peek("retire_insn"), (int) sim.peek("retire_rd"), (int) sim.peek("retire_value"),
                sim.peek("retire_we") == 1, sim.peek("retire_late") == 1);
            if (options.trace()) {
              out.println(e.traceLine());
            }
            if (lockstep != null) {
              lockstep.retired(e);
            }
          }
          if (sim.peek("wb_valid") == 1) {
            RetireEvent.WriteBack w = new RetireEvent.WriteBack(sim.cycle(), (int) sim.peek("wb_thread"),
                (int) sim.peek("wb_rd"), (int) sim.peek("wb_value"));
            if (options.trace() && w.rd() != 0) {
              out.println(w.traceLine());
            }
            if (lockstep != null) {
              lockstep.wroteBack(w);
            }
          }
          if (sim.peek("stop_valid") == 1 && lockstep != null) {
            ThreadState st = ThreadState.of((int) sim.peek("stop_state"));
            int thread = (int) sim.peek("stop_thread");
            if (st == ThreadState.FAULT) {
              lockstep.faulted(sim.cycle(), thread, (int) sim.peek("stop_cause"), (int) sim.peek("stop_pc"),
                  (int) sim.peek("stop_value"));
            } else {
              lockstep.stopped(sim.cycle(), thread, st, (int) sim.peek("stop_value"));
            }
          }
          if (sim.peek("console_valid") == 1) {
            char ch = (char) sim.peek("console_data");
            console.append(ch);
          }
          boolean tohostStore = sim.peek("store_valid") == 1 && sim.peek("store_addr") == tohostAddr
              && sim.peek("store_size") == 2 && sim.peek("store_data") != 0;
          int stored = (int) sim.peek("store_data");
          sim.step();
          if (tohostStore) {
            tohost = stored;
            reason = PeRunResult.Reason.TOHOST;
            break;
          }
        }
      }
      List<PeRunResult.ThreadResult> threads = new ArrayList<>();
      for (int t = 0; t < config.threads(); t++) {
        sim.poke("status_thread", t);
        threads.add(new PeRunResult.ThreadResult(ThreadState.of((int) sim.peek("status_state")),
            (int) sim.peek("status_cause"), (int) sim.peek("status_pc"), (int) sim.peek("status_value")));
      }
      Map<String, Long> perf = new LinkedHashMap<>();
      for (String name : PerfCounters.EVENTS) {
        perf.put(name, sim.peek("perf_" + name));
      }
      return new PeRunResult(reason, tohost, sim.cycle() - started, console.toString(), threads, perf);
    }
  }

  private static void load(ElfFile elf, PeConfig config, Simulator sim, Axi4SlaveMemory dram) {
    for (ElfSegment s : elf.loadSegments()) {
      byte[] image = Arrays.copyOf(s.data(), (int) s.memSize());
      long va = s.vaddr();
      if (within(va, image.length, PeMemoryMap.IMEM_BASE, 4L * config.imemWords())) {
        sim.writeMemory("imem", (int) ((va - PeMemoryMap.IMEM_BASE) / 4), words(va, image));
      } else if (within(va, image.length, PeMemoryMap.SCRATCHPAD_BASE, 4L * config.spmWords())) {
        sim.writeMemory("spm", (int) ((va - PeMemoryMap.SCRATCHPAD_BASE) / 4), words(va, image));
      } else if (va >= Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE)) {
        dram.memory().write(va, image);
      } else {
        throw new IllegalArgumentException(String.format("ELF segment at 0x%08x (%d bytes) fits neither"
            + " IMEM [0x%08x, +%d), the scratchpad [0x%08x, +%d) nor global memory (from 0x%08x)", va,
            image.length, PeMemoryMap.IMEM_BASE, 4L * config.imemWords(), PeMemoryMap.SCRATCHPAD_BASE,
            4L * config.spmWords(), PeMemoryMap.GLOBAL_BASE));
      }
    }
  }

  private static boolean within(long va, int length, long base, long size) {
    return va >= base && va + length <= base + size;
  }

  private static BigInteger[] words(long va, byte[] image) {
    if (va % 4 != 0) {
      throw new IllegalArgumentException(String.format("ELF segment at 0x%08x is not word-aligned", va));
    }
    BigInteger[] w = new BigInteger[(image.length + 3) / 4];
    for (int i = 0; i < w.length; i++) {
      long v = 0;
      for (int b = 0; b < 4 && 4 * i + b < image.length; b++) {
        v |= (image[4 * i + b] & 0xFFL) << (8 * b);
      }
      w[i] = BigInteger.valueOf(v);
    }
    return w;
  }
}
