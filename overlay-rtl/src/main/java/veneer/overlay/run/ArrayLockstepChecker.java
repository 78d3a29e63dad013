package veneer.overlay.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import veneer.isa.Decoder;
import veneer.isa.Disassembler;
import veneer.isa.Format;
import veneer.isa.Instruction;
import veneer.isa.elf.ElfFile;
import veneer.isa.pe.Fault;
import veneer.isa.pe.GlobalMemory;
import veneer.isa.pe.PeConfig;
import veneer.isa.pe.PeCsr;
import veneer.isa.pe.PeModel;
import veneer.isa.pe.Retired;
import veneer.isa.pe.ThreadStatus;
import veneer.isa.pe.WorkItem;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * Runs one reference model ({@link PeModel}) per PE beside a simulated PE array, retired
 * instruction by retired instruction: every instruction PE {@code p} retires on thread
 * {@code t} is stepped on model {@code p}'s thread {@code t} and compared (pc, instruction word,
 * destination register and value; cycle CSR values excepted); a thread the PE stops must stop
 * the same way in the model (fault cause, pc and tval; exit code). A global load retires when it
 * is sent ({@link RetireEvent#late()}); its model value waits, with the load's pc, until the PE
 * writes the data back, and is compared then. The first difference throws
 * {@link LockstepDivergence} naming the PE, thread and pc with both sides' values.
 *
 * <p>Work-items: the models claim exactly the global ids the hardware dispatcher granted to
 * their PE ({@link GrantedWorkItems}); local and group ids are recomputed from the global id and
 * the launch's local size and compared with what the dispatcher sent. The models share one
 * {@link GlobalMemory} that the caller fills like the array's DRAM.
 *
 * <p>The array must be opened from {@link ArrayProbe#design} (the checker reads its probe ports).
 * Attach the checker before the launch's start write and detach it after {@code irq}:
 *
 * <pre>{@code
 * ArrayLockstepChecker check = new ArrayLockstepChecker(config, elf, global, new int[] {a, b, c}, n, 1);
 * sim.attach(check);
 * host.write(ArrayRegisters.offsetOf("control"), 1);
 * sim.runUntil(() -> sim.peek("irq") == 1, 100_000);
 * check.finish();
 * }</pre>
 */
public final class ArrayLockstepChecker implements CycleHook {
  private final ArrayConfig config;
  private final PeModel[] models;
  private final GrantedWorkItems work;
  private final StringBuilder[] rtlConsole;
  /** Per PE: (thread, rd) of a retired global load -> the model's value and the load's pc. */
  private final List<Map<Long, PendingLoad>> pendingLoads = new ArrayList<>();
  private long compared;

  private record PendingLoad(int value, int pc) {}

  /**
   * Models for a launch of {@code globalSize} work-items in groups of {@code localSize}: each
   * loaded with {@code elf} (threads start at its entry, which must be the launch's
   * {@code entry_pc}) and the kernel arguments {@code args}.
   */
  public ArrayLockstepChecker(ArrayConfig config, ElfFile elf, GlobalMemory global, int[] args, int globalSize,
      int localSize) {
    this.config = config;
    this.models = new PeModel[config.pes()];
    this.rtlConsole = new StringBuilder[config.pes()];
    this.work = new GrantedWorkItems(config.pes(), globalSize, localSize);
    for (int p = 0; p < config.pes(); p++) {
      PeModel m = new PeModel(new PeConfig(p, config.threadsPerPe(), 4 * config.imemWords(), 4 * config.spmWords()),
          global);
      m.load(elf);
      for (int i = 0; i < args.length; i++) {
        m.setKernelArg(i, args[i]);
      }
      m.setWorkItemSource(work);
      models[p] = m;
      rtlConsole[p] = new StringBuilder();
      pendingLoads.add(new HashMap<>());
    }
  }

  /** Model of PE {@code pe} (tests may change its state to provoke a divergence). */
  public PeModel model(int pe) {
    return models[pe];
  }

  /** Retired instructions compared so far, all PEs (a load's late data is compared as part of its load). */
  public long compared() {
    return compared;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    long cycle = sim.cycle();
    for (int p = 0; p < models.length; p++) {
      if (sim.peek(ArrayProbe.port(p, "wi_req")) == 1 && sim.peek(ArrayProbe.port(p, "wi_grant")) == 1) {
        granted(cycle, p, (int) sim.peek(ArrayProbe.port(p, "wi_global_id")),
            (int) sim.peek(ArrayProbe.port(p, "wi_local_id")), (int) sim.peek(ArrayProbe.port(p, "wi_group_id")));
      }
    }
    for (int p = 0; p < models.length; p++) {
      if (sim.peek(ArrayProbe.port(p, "retire_valid")) == 1) {
        retired(p, new RetireEvent(cycle, (int) sim.peek(ArrayProbe.port(p, "retire_thread")),
            (int) sim.peek(ArrayProbe.port(p, "retire_pc")), (int) sim.peek(ArrayProbe.port(p, "retire_insn")),
            (int) sim.peek(ArrayProbe.port(p, "retire_rd")), (int) sim.peek(ArrayProbe.port(p, "retire_value")),
            sim.peek(ArrayProbe.port(p, "retire_we")) == 1, sim.peek(ArrayProbe.port(p, "retire_late")) == 1));
      }
      if (sim.peek(ArrayProbe.port(p, "wb_valid")) == 1) {
        wroteBack(p, new RetireEvent.WriteBack(cycle, (int) sim.peek(ArrayProbe.port(p, "wb_thread")),
            (int) sim.peek(ArrayProbe.port(p, "wb_rd")), (int) sim.peek(ArrayProbe.port(p, "wb_value"))));
      }
    }
    for (int p = 0; p < models.length; p++) {
      if (sim.peek(ArrayProbe.port(p, "stop_valid")) == 1) {
        stopped(cycle, p, (int) sim.peek(ArrayProbe.port(p, "stop_thread")),
            ThreadState.of((int) sim.peek(ArrayProbe.port(p, "stop_state"))),
            (int) sim.peek(ArrayProbe.port(p, "stop_cause")), (int) sim.peek(ArrayProbe.port(p, "stop_pc")),
            (int) sim.peek(ArrayProbe.port(p, "stop_value")));
      }
      if (sim.peek(ArrayProbe.port(p, "console_valid")) == 1) {
        rtlConsole[p].append((char) sim.peek(ArrayProbe.port(p, "console_data")));
      }
    }
  }

  /** The dispatcher answered PE {@code pe}: checks the local/group ids and queues the id for its model. */
  void granted(long cycle, int pe, int global, int local, int group) {
    WorkItem want = WorkItem.of(global, work.localSize());
    if (want.localId() != local || want.groupId() != group) {
      throw new LockstepDivergence(String.format("cycle %d: PE %d: the dispatcher granted global id %d with local"
          + " id %d and group id %d, but local size %d gives local id %d and group id %d", cycle, pe, global, local,
          group, work.localSize(), want.localId(), want.groupId()));
    }
    work.granted(pe, global);
  }

  /** PE {@code pe} retired {@code e}: step its model and compare. */
  void retired(int pe, RetireEvent e) {
    Retired r = step(e.cycle(), pe, e.thread(), e.pc(), "retired " + e.traceLine());
    compared++;
    if (r.fault() != null) {
      throw diverge(e.cycle(), pe, r, "the RTL retired the instruction but the model faulted: " + r.fault(),
          e.traceLine());
    }
    int modelRd = Math.max(r.rd(), 0);
    if (e.late()) {
      retiredLoad(pe, e, r, modelRd);
      return;
    }
    int rtlRd = e.we() ? e.rd() : 0;
    StringBuilder diff = new StringBuilder();
    if (r.pc() != e.pc()) {
      diff.append(String.format("pc: RTL %08x, model %08x; ", e.pc(), r.pc()));
    }
    if (r.word() != e.insn()) {
      diff.append(String.format("instruction: RTL %08x, model %08x; ", e.insn(), r.word()));
    }
    if (modelRd != rtlRd) {
      diff.append(String.format("destination: RTL %s, model %s; ", rtlRd == 0 ? "none" : "x" + rtlRd,
          modelRd == 0 ? "none" : "x" + modelRd));
    } else if (rtlRd != 0 && r.rdValue() != e.value() && !readsTimingCsr(r.word())) {
      diff.append(String.format("x%d: RTL %08x, model %08x; ", rtlRd, e.value(), r.rdValue()));
    }
    if (diff.length() > 0) {
      throw diverge(e.cycle(), pe, r, diff.substring(0, diff.length() - 2), e.traceLine());
    }
    if (rtlRd != 0 && pendingLoads.get(pe).containsKey(key(e.thread(), rtlRd))) {
      throw diverge(e.cycle(), pe, r, "the RTL wrote x" + rtlRd + " before the load to it was written back",
          e.traceLine());
    }
  }

  /** A global load left PE {@code pe}: the model's value waits for the RTL's write-back. */
  private void retiredLoad(int pe, RetireEvent e, Retired r, int modelRd) {
    if (r.pc() != e.pc() || r.word() != e.insn() || modelRd != e.rd()) {
      throw diverge(e.cycle(), pe, r, String.format("the RTL sent a load (pc %08x, %08x, x%d), the model retired"
          + " pc %08x, %08x, x%d", e.pc(), e.insn(), e.rd(), r.pc(), r.word(), modelRd), e.traceLine());
    }
    if (modelRd != 0
        && pendingLoads.get(pe).put(key(e.thread(), modelRd), new PendingLoad(r.rdValue(), r.pc())) != null) {
      throw diverge(e.cycle(), pe, r, "the RTL sent a load to x" + modelRd + " while an earlier load to it had"
          + " not been written back", e.traceLine());
    }
  }

  /** PE {@code pe} wrote a global load's data into its register: compare with the model's value. */
  void wroteBack(int pe, RetireEvent.WriteBack w) {
    if (w.rd() == 0) {
      return;
    }
    PendingLoad want = pendingLoads.get(pe).remove(key(w.thread(), w.rd()));
    if (want == null) {
      throw new LockstepDivergence(String.format("cycle %d: PE %d: %s, but no load of that thread to that"
          + " register is waiting for its data", w.cycle(), pe, w.traceLine()));
    }
    if (want.value() != w.value()) {
      throw new LockstepDivergence(String.format("cycle %d: lockstep divergence on PE %d thread %d pc %08x:"
          + " x%d: RTL %08x, model %08x (the load's data, written back)%n  RTL:   %s", w.cycle(), pe, w.thread(),
          want.pc(), w.rd(), w.value(), want.value(), w.traceLine()));
    }
  }

  private static long key(int thread, int rd) {
    return ((long) thread << 5) | rd;
  }

  /** PE {@code pe} stopped {@code thread}: the model's thread must stop the same way. */
  void stopped(long cycle, int pe, int thread, ThreadState state, int cause, int pc, int value) {
    if (state == ThreadState.FAULT) {
      String rtl = String.format("fault mcause %d at pc %08x, tval %08x", cause, pc, value);
      Retired r = step(cycle, pe, thread, pc, "stopped with " + rtl);
      Fault f = r.fault();
      if (f == null || f.cause().code() != cause || f.pc() != pc || f.tval() != value) {
        throw diverge(cycle, pe, r, "RTL " + rtl + ", model " + (f == null ? "no fault" : String.format(
            "fault mcause %d at pc %08x, tval %08x", f.cause().code(), f.pc(), f.tval())), rtl);
      }
      return;
    }
    PeModel m = models[pe];
    ThreadStatus s = m.status(thread);
    boolean same = state == ThreadState.EXITED ? s == ThreadStatus.EXITED && m.exitCode(thread) == value
        : state == ThreadState.BREAK && s == ThreadStatus.BREAK;
    if (!same) {
      throw new LockstepDivergence(String.format("cycle %d: PE %d thread %d pc %08x: the RTL stopped the thread"
          + " as %s (value %08x), the model's thread is %s (pc %08x, exit code %08x)", cycle, pe, thread, pc, state,
          value, s, m.pc(thread), m.exitCode(thread)));
    }
  }

  /**
   * After the launch: every model thread stopped, every granted work-item claimed, every item
   * of the launch granted once, and each PE's console equal to its model's.
   */
  public void finish() {
    for (int p = 0; p < models.length; p++) {
      for (int t = 0; t < config.threadsPerPe(); t++) {
        if (models[p].status(t) == ThreadStatus.RUNNING) {
          throw new LockstepDivergence(String.format("PE %d thread %d: the RTL launch finished but the model's"
              + " thread is still running at pc %08x", p, t, models[p].pc(t)));
        }
      }
      if (!pendingLoads.get(p).isEmpty()) {
        throw new LockstepDivergence("PE " + p + ": the launch finished with " + pendingLoads.get(p).size()
            + " load(s) never written back");
      }
      if (work.unclaimed(p) != 0) {
        throw new LockstepDivergence("PE " + p + ": the dispatcher granted " + work.unclaimed(p)
            + " work-item(s) that no retired WORK_NEXT read claimed");
      }
      if (!rtlConsole[p].toString().equals(models[p].console())) {
        throw new LockstepDivergence("PE " + p + ": console differs: RTL \"" + rtlConsole[p] + "\", model \""
            + models[p].console() + "\"");
      }
    }
    if (work.handedOut() != work.globalSize()) {
      throw new LockstepDivergence("the dispatcher handed out " + work.handedOut() + " of " + work.globalSize()
          + " work-items");
    }
  }

  private Retired step(long cycle, int pe, int thread, int pc, String what) {
    PeModel m = models[pe];
    if (thread >= config.threadsPerPe()) {
      throw new LockstepDivergence("cycle " + cycle + ": PE " + pe + " reports thread " + thread + " but has "
          + config.threadsPerPe());
    }
    if (m.status(thread) != ThreadStatus.RUNNING) {
      throw new LockstepDivergence(String.format("cycle %d: PE %d thread %d pc %08x: the RTL %s but the model's"
          + " thread is %s%s", cycle, pe, thread, pc, what, m.status(thread),
          m.fault(thread) != null ? " (" + m.fault(thread) + ")" : ""));
    }
    int modelPc = m.pc(thread);
    try {
      return m.step(thread);
    } catch (LockstepDivergence d) {
      throw new LockstepDivergence(String.format("cycle %d: PE %d thread %d pc %08x: %s", cycle, pe, thread,
          modelPc, d.getMessage()));
    }
  }

  private static boolean readsTimingCsr(int word) {
    Instruction i = Decoder.decode(word);
    Format f = i.opcode().format();
    return (f == Format.CSR || f == Format.CSR_IMM) && PeCsr.isTimingDependent(i.csr());
  }

  private LockstepDivergence diverge(long cycle, int pe, Retired r, String difference, String rtl) {
    StringBuilder regs = new StringBuilder();
    for (int i = 1; i < 32; i++) {
      regs.append(String.format(" x%d=%08x", i, models[pe].register(r.thread(), i)));
    }
    return new LockstepDivergence(String.format("cycle %d: lockstep divergence on PE %d thread %d pc %08x: %s%n"
        + "  RTL:   %s%n  model: t%d %08x %08x %s  %s (status %s, fault %s)%n  model registers after:%s", cycle, pe,
        r.thread(), r.pc(), difference, rtl, r.thread(), r.pc(), r.word(),
        r.rd() > 0 ? String.format("x%d=%08x", r.rd(), r.rdValue()) : "-", Disassembler.disassemble(r.word(), r.pc()),
        r.status(), r.fault(), regs));
  }
}
