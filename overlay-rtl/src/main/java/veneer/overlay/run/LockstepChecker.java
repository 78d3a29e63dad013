package veneer.overlay.run;

import veneer.isa.Format;
import veneer.isa.Instruction;
import veneer.isa.elf.ElfFile;
import veneer.isa.pe.ArrayGlobalMemory;
import veneer.isa.pe.Fault;
import veneer.isa.pe.PeConfig;
import veneer.isa.pe.PeCsr;
import veneer.isa.pe.PeMemoryMap;
import veneer.isa.pe.PeModel;
import veneer.isa.pe.Retired;
import veneer.isa.pe.ThreadStatus;
import veneer.overlay.pe.ThreadState;

/**
 * Runs the reference model {@link PeModel} beside the PE: every instruction the PE retires is
 * stepped on the model's same thread and compared (pc, instruction word, destination register,
 * value); a thread the PE stops with a fault must fault the same way in the model. A global load
 * retires when it is sent ({@link RetireEvent#late()}): the model's value is kept and compared
 * with the PE's write-back when the data arrives ({@link #wroteBack}), so every register write
 * is still compared, in each thread's program order of retirement. The first difference throws
 * {@link LockstepDivergence} with both states.
 *
 * <pre>{@code
 * LockstepChecker check = new LockstepChecker(elf, 4, 0, 4096, 4096);
 * check.retired(event);   // for every retire-port event
 * }</pre>
 */
public final class LockstepChecker {
  private final PeModel model;
  private long compared;
  /** The model's value of every global load retired but not yet written back, by thread and rd. */
  private final java.util.Map<Long, Integer> expectedLoads = new java.util.HashMap<>();

  public LockstepChecker(ElfFile elf, int threads, int peId, int imemWords, int spmWords) {
    model = new PeModel(new PeConfig(peId, threads, imemWords * 4, spmWords * 4),
        new ArrayGlobalMemory(PeMemoryMap.GLOBAL_DEFAULT_BYTES));
    model.load(elf);
  }

  /** Instructions compared so far. */
  public long compared() {
    return compared;
  }

  /** Steps the model's thread for one PE retire event and compares. */
  public void retired(RetireEvent e) {
    Retired r = step(e.thread(), "retired " + e.traceLine());
    compared++;
    if (r.fault() != null) {
      throw diverge(e.cycle(), "the PE retired " + e.traceLine() + " but the model faulted: " + r.fault(), r);
    }
    int modelRd = r.rd() > 0 ? r.rd() : 0;
    if (e.late()) {
      if (r.pc() != e.pc() || r.word() != e.insn() || e.we() || modelRd != e.rd()) {
        throw diverge(e.cycle(), "the PE retired  " + e.traceLine(), r);
      }
      if (modelRd != 0 && expectedLoads.put(key(e.thread(), modelRd), r.rdValue()) != null) {
        throw diverge(e.cycle(), "the PE retired " + e.traceLine() + " while an earlier load to x" + modelRd
            + " had not been written back", r);
      }
      return;
    }
    int peRd = e.we() ? e.rd() : 0;
    boolean timing = isTimingCsr(r.word());
    if (r.pc() != e.pc() || r.word() != e.insn() || modelRd != peRd
        || (peRd != 0 && !timing && r.rdValue() != e.value())) {
      throw diverge(e.cycle(), "the PE retired  " + e.traceLine(), r);
    }
    if (peRd != 0 && expectedLoads.containsKey(key(e.thread(), peRd))) {
      throw diverge(e.cycle(), "the PE retired " + e.traceLine() + " before the load to x" + peRd
          + " it overwrites was written back", r);
    }
  }

  /** The PE wrote the data of a global load, retired earlier, into its register. */
  public void wroteBack(RetireEvent.WriteBack w) {
    if (w.rd() == 0) {
      return;
    }
    Integer expected = expectedLoads.remove(key(w.thread(), w.rd()));
    if (expected == null) {
      throw new LockstepDivergence("cycle " + w.cycle() + ": " + w.traceLine()
          + ", but no load to that register of that thread is waiting for its data");
    }
    if (expected != w.value()) {
      throw new LockstepDivergence(String.format("cycle %d: lockstep divergence on thread %d: the PE wrote"
          + " x%d=%08x as a load's data, the model loaded %08x", w.cycle(), w.thread(), w.rd(), w.value(),
          expected));
    }
    compared++;
  }

  /** Loads retired whose data the PE has not written back yet (0 once the PE is done). */
  public int loadsInFlight() {
    return expectedLoads.size();
  }

  private static long key(int thread, int rd) {
    return ((long) thread << 5) | rd;
  }

  /** The PE stopped {@code thread} with a fault: the model must fault identically. */
  public void faulted(long cycle, int thread, int cause, int pc, int tval) {
    String pe = String.format("fault mcause %d at pc %08x, tval %08x", cause, pc, tval);
    Retired r = step(thread, pe);
    Fault f = r.fault();
    if (f == null || f.cause().code() != cause || f.pc() != pc || f.tval() != tval) {
      throw diverge(cycle, "thread " + thread + ": the PE stopped with " + pe, r);
    }
  }

  /** The PE's final state of {@code thread} after it stopped without a fault. */
  public void stopped(long cycle, int thread, ThreadState state, int value) {
    ThreadStatus s = model.status(thread);
    boolean same = state == ThreadState.EXITED ? s == ThreadStatus.EXITED && model.exitCode(thread) == value
        : state == ThreadState.BREAK && s == ThreadStatus.BREAK;
    if (!same) {
      throw new LockstepDivergence("cycle " + cycle + ": thread " + thread + " stopped as " + state
          + " (value " + value + ") in the PE, but the model's thread is " + s + " with exit code "
          + model.exitCode(thread));
    }
  }

  private Retired step(int thread, String what) {
    if (model.status(thread) != ThreadStatus.RUNNING) {
      throw new LockstepDivergence("thread " + thread + ": the PE " + what + " but the model's thread is "
          + model.status(thread) + (model.fault(thread) != null ? " (" + model.fault(thread) + ")" : ""));
    }
    return model.step(thread);
  }

  private static boolean isTimingCsr(int word) {
    Instruction i = veneer.isa.Decoder.decode(word);
    Format f = i.opcode().format();
    return (f == Format.CSR || f == Format.CSR_IMM) && PeCsr.isTimingDependent(i.csr());
  }

  private LockstepDivergence diverge(long cycle, String pe, Retired r) {
    StringBuilder regs = new StringBuilder();
    for (int i = 1; i < 32; i++) {
      regs.append(String.format(" x%d=%08x", i, model.register(r.thread(), i)));
    }
    return new LockstepDivergence(String.format("cycle %d: lockstep divergence on thread %d%n  PE:    %s%n"
        + "  model: t%d %08x %08x rd=x%d value=%08x status=%s fault=%s%n  model registers after:%s",
        cycle, r.thread(), pe, r.thread(), r.pc(), r.word(), Math.max(r.rd(), 0), r.rdValue(), r.status(),
        r.fault(), regs));
  }
}
