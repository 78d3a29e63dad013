package veneer.overlay.array;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.Param;
import veneer.hdl.Top;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.overlay.memory.ArrayMemory;
import veneer.overlay.pe.Pe;
import veneer.overlay.pe.PerfCounters;
import veneer.overlay.pe.ThreadState;

/**
 * The overlay's PE array: {@code pes} multithreaded RV32IM PEs that run one program on the
 * work-items of a launch. The host loads the program into every PE's IMEM at once and writes
 * the kernel arguments into every PE's argument block through the AXI4-Lite control port
 * {@code ctrl} ({@link ArrayRegisters}); a start runs every thread at {@code entry_pc}; each
 * thread claims work-items from the {@link Dispatcher} through CSR 0xFC3 until it reads -1 and
 * exits. {@code irq} (= status.done) rises when every thread has stopped; the status register
 * and the error summary say whether one faulted. Global memory is one 512-bit AXI4 manager
 * port {@code mem} behind per-PE line coalescers ({@link ArrayMemory}). See
 * docs/overlay-array.md.
 *
 * <pre>{@code
 * try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new PeArray(ArrayConfig.of(4, 8)), Backend.JVM))) {
 *   AxiLiteMaster host = new AxiLiteMaster(sim, "ctrl");
 *   host.write(ArrayRegisters.IMEM_WINDOW + 4 * i, word);          // for every program word
 *   host.write(ArrayRegisters.offsetOf("global_size"), 1024);
 *   host.write(ArrayRegisters.offsetOf("control"), 1);
 * }
 * }</pre>
 */
@Top(description = "array of multithreaded RV32IM PEs with a work-item dispatcher and a coalescing memory port",
    testParams = {"pes=2", "imemWords=64", "spmWords=64"})
public final class PeArray extends Module {
  /** Work-items the dispatcher queues per PE. */
  public static final int DISPATCH_DEPTH = 16;
  public final ArrayConfig config;
  /** Global memory: 512-bit data, ID = {PE, coalescer slot}. */
  public final Axi4 mem;
  /** status.done: every thread of the launch has stopped (a level until the next start). */
  public final Bool irq;
  /** Control registers and the argument/IMEM windows. */
  public final AxiLite ctrl;

  public PeArray(@Param(name = "pes", defaultValue = "4") int pes,
      @Param(name = "threadsPerPe", defaultValue = "8") int threadsPerPe,
      @Param(name = "imemWords", defaultValue = "4096") int imemWords,
      @Param(name = "spmWords", defaultValue = "4096") int spmWords) {
    this(new ArrayConfig(pes, threadsPerPe, imemWords, spmWords,
        veneer.overlay.memory.CoalescerConfig.forThreads(threadsPerPe)));
  }

  public PeArray(ArrayConfig c) {
    super("PeArray");
    this.config = c;
    final int n = c.pes();
    ctrl = slave("ctrl", () -> new AxiLite(ArrayRegisters.ADDR_WIDTH, 32));
    mem = master("mem", () -> new Axi4(ArrayMemory.memParams(n, c.coalescer())));
    irq = output("irq", Bool());

    ControlFrontEnd front = instance("front", new ControlFrontEnd());
    Bundle.connect(ctrl, front.s);
    AxiLiteRegisterFile regs = instance("regs", new AxiLiteRegisterFile("PeArrayRegs",
        ArrayRegisters.REGISTER_ADDR_WIDTH, 32, ArrayRegisters.decls()));
    Bundle.connect(front.regs, regs.s);
    ArrayMemory memory = instance("memory", new ArrayMemory(n, c.coalescer()));
    Bundle.connect(memory.m, mem);
    Dispatcher dispatch = instance("dispatch", new Dispatcher(n, DISPATCH_DEPTH));

    List<Pe> pes = new ArrayList<>();
    Bool busy = lit(0, Bool());
    Bool startReady = lit(1, Bool());
    UInt seals = lit(0, UInt(n));
    for (int i = 0; i < n; i++) {
      Pe pe = instance("pe" + i, new Pe(c.pe(i)));
      pes.add(pe);
      Bundle.connect(pe.mem, memory.pe(i));
      Bool peBusy = pe.port("busy");
      busy = busy.or(peBusy);
      startReady = startReady.and(pe.<Bool>port("start_ready"));
      // A FENCE seals; so does an idle PE, whose last write lines then go at once (the launch
      // ends when they are written).
      seals = pe.<Bool>port("fence").or(peBusy.not()).mux(seals.or(1L << i), seals);
      pe.<Bool>port("mem_writes_pending").assign(memory.quiet.bit(i).not());
    }
    memory.seal.assign(seals);
    // Stores are posted: the launch is over when every thread stopped and every write line is
    // in memory, so the host never reads DRAM before the last stores land.
    Bool running = busy.or(memory.quiet.andR().not()).named("busy");
    Bool hasRun = reg("has_run", Bool(), 0);
    Bool start = regs.port("control").bit(0).and(running.not()).named("start");
    when(start, () -> hasRun.assign(1));
    Bool done = hasRun.and(running.not());
    front.busy.assign(running);
    dispatch.start.assign(start);
    dispatch.globalSize.assign(regs.port("global_size"));
    dispatch.localSize.assign(regs.port("local_size"));
    memory.clear.assign(start);

    UInt select = regs.port("thread_select");
    UInt selPe = select.bits(15, 8);
    UInt requests = lit(0, UInt(n));
    for (int i = 0; i < n; i++) {
      Pe pe = pes.get(i);
      pe.<Bool>port("imem_we").assign(front.imemWe);
      pe.<UInt>port("imem_addr").assign(front.imemAddr.resize(addrBits(c.imemWords())));
      pe.<UInt>port("imem_data").assign(front.wdata);
      pe.<Bool>port("arg_we").assign(front.argWe);
      pe.<UInt>port("arg_addr").assign(front.argAddr);
      pe.<UInt>port("arg_data").assign(front.wdata);
      pe.<Bool>port("spm_en").assign(lit(0, Bool()));
      pe.<Bool>port("spm_we").assign(lit(0, Bool()));
      pe.<UInt>port("spm_addr").assign(0);
      pe.<UInt>port("spm_wdata").assign(0);
      pe.<Bool>port("start").assign(start);
      pe.<UInt>port("entry_pc").assign(regs.port("entry_pc"));
      pe.<UInt>port("status_thread").assign(select.bits(7, 0).resize(c.pe(i).tidBits()));
      pe.<Bool>port("wi_grant").assign(dispatch.grant.bit(i));
      pe.<UInt>port("wi_global_id").assign(dispatch.globalId(i));
      pe.<UInt>port("wi_local_id").assign(dispatch.localId(i));
      pe.<UInt>port("wi_group_id").assign(dispatch.groupId(i));
      pe.<UInt>port("wi_global_size").assign(regs.port("global_size"));
      pe.<UInt>port("wi_local_size").assign(regs.port("local_size"));
      requests = pe.<Bool>port("wi_req").mux(requests.or(1L << i), requests);
    }
    dispatch.request.assign(requests);

    // Error summary: the first thread to stop by a fault or EBREAK (lowest PE wins a tie).
    Bool errValid = reg("err_valid", Bool(), 0);
    UInt errWhere = reg("err_where", UInt(16), 0);
    UInt errCause = reg("err_cause", UInt(16), 0);
    UInt errPc = reg("err_pc", UInt(32), 0);
    UInt errValue = reg("err_value", UInt(32), 0);
    UInt errCount = reg("err_count", UInt(16), 0);
    UInt newErrors = lit(0, UInt(16));
    Bool found = lit(0, Bool());
    UInt fWhere = lit(0, UInt(16));
    UInt fCause = lit(0, UInt(16));
    UInt fPc = lit(0, UInt(32));
    UInt fValue = lit(0, UInt(32));
    for (int i = n - 1; i >= 0; i--) {
      Pe pe = pes.get(i);
      UInt state = pe.port("stop_state");
      Bool bad = pe.<Bool>port("stop_valid").and(state.eq(ThreadState.FAULT.ordinal())
          .or(state.eq(ThreadState.BREAK.ordinal())));
      newErrors = newErrors.add(bad.asUInt());
      found = found.or(bad);
      // (the loop runs from the last PE down, so the lowest PE's values end up on top)
      fWhere = bad.mux(lit((long) i << 8, UInt(16)).or(pe.<UInt>port("stop_thread").resize(16)), fWhere);
      fCause = bad.mux(state.resize(16).shl(8).or(pe.<UInt>port("stop_cause").resize(16)), fCause);
      fPc = bad.mux(pe.<UInt>port("stop_pc"), fPc);
      fValue = bad.mux(pe.<UInt>port("stop_value"), fValue);
    }
    UInt fw = fWhere;
    UInt fc = fCause;
    UInt fp = fPc;
    UInt fv = fValue;
    UInt added = newErrors;
    Bool anyError = found;
    when(start, () -> {
      errValid.assign(0);
      errCount.assign(0);
    }).otherwise(() -> {
      errCount.assign(errCount.add(added));
      when(anyError.and(errValid.not()), () -> {
        errValid.assign(1);
        errWhere.assign(fw);
        errCause.assign(fc);
        errPc.assign(fp);
        errValue.assign(fv);
      });
    });
    regs.port("id").assign(ArrayRegisters.MAGIC);
    regs.port("shape").assign((long) n | ((long) c.threadsPerPe() << 8) | ((long) (c.imemWords() / 16) << 16));
    regs.port("status").assign(memory.writeError.cat(startReady.not(), errValid, done, running));
    regs.port("dispatched").assign(dispatch.dispatched);
    regs.port("error_count").assign(errCount);
    regs.port("error_where").assign(errValid.cat(lit(0, UInt(15)), errWhere));
    regs.port("error_cause").assign(errCause);
    regs.port("error_pc").assign(errPc);
    regs.port("error_value").assign(errValue);
    regs.port("thread_state").assign(pick(pes, selPe, "status_state"));
    regs.port("thread_cause").assign(pick(pes, selPe, "status_cause"));
    regs.port("thread_pc").assign(pick(pes, selPe, "status_pc"));
    regs.port("thread_value").assign(pick(pes, selPe, "status_value"));
    irq.assign(done);

    // Counters.
    UInt cycles = reg("busy_cycles", UInt(48), 0);
    when(start, () -> cycles.assign(0)).elsewhen(running, () -> cycles.assign(cycles.add(1)));
    regs.port("cycles_lo").assign(cycles.bits(31, 0));
    regs.port("cycles_hi").assign(cycles.bits(47, 32));
    UInt perfSel = regs.port("perf_select");
    for (String e : PerfCounters.EVENTS) {
      UInt sum = lit(0, UInt(PerfCounters.WIDTH));
      for (Pe pe : pes) {
        sum = sum.add(pe.<UInt>port("perf_" + e));
      }
      split(regs, "sum_" + e, sum);
      split(regs, "pe_" + e, pick(pes, perfSel, "perf_" + e));
    }
    split(regs, "mem_pe_reads", memory.peReads);
    split(regs, "mem_pe_writes", memory.peWrites);
    split(regs, "mem_line_reads", memory.lineReads);
    split(regs, "mem_line_writes", memory.lineWrites);
  }

  private static void split(AxiLiteRegisterFile regs, String name, UInt value) {
    regs.port(name + "_lo").assign(value.bits(31, 0));
    regs.port(name + "_hi").assign(value.bits(value.width() - 1, 32));
  }

  private static UInt pick(List<Pe> pes, UInt index, String port) {
    UInt out = pes.get(0).port(port);
    for (int i = 1; i < pes.size(); i++) {
      out = index.eq(i).mux(pes.get(i).<UInt>port(port), out);
    }
    return out;
  }

  private static int addrBits(int words) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(words - 1));
  }
}
