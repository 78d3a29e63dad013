package veneer.compiler.backend;

import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrPrinter;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.isa.elf.Elf;
import veneer.isa.elf.ElfWriter;
import veneer.isa.pe.PeMemoryMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RV32IM back end: prepares the optimised IR, selects instructions into the launch loop and
 * the callees, allocates registers, schedules loads, links and writes the ELF executable.
 *
 * <pre>{@code
 * CompiledKernel k = BackEnd.compile(ir, CompileOptions.defaults(), timings);
 * }</pre>
 */
public final class BackEnd {
  /** Symbol of the trap-site table in .rodata. */
  public static final String TRAP_TABLE = "__veneer_trap_sites";

  private BackEnd() {
  }

  /** Compiles optimised IR; {@code timings} gets the back-end stages added (nanoseconds). */
  public static CompiledKernel compile(KernelIr ir, CompileOptions options, Map<String, Long> timings) {
    long t0 = System.nanoTime();
    BackEndPrep.run(ir);
    String irText = IrPrinter.print(ir);
    long t1 = System.nanoTime();
    timings.put("prep", t1 - t0);
    Coarsening.Plan plan = Coarsening.plan(ir.kernel(), options.coarsening());
    Coarsening.Plan off = plan.factor() > 1 ? Coarsening.Plan.refused("") : plan;
    boolean specialise = options.specialise();
    Attempt plain = emit(ir, irText, options, specialise, off, timings);
    if (plain == null && specialise) {
      specialise = false;
      plain = emit(ir, irText, options, false, off, timings);
    }
    CompiledKernel k = plain == null ? null : plain.kernel();
    // the largest factor (halving from the option) whose code fits IMEM and needs no larger frame than one
    // work-item per step: the stacks are sized per thread at launch, a bigger frame could overrun them
    int budget = budgetFactor(ir.kernel());
    String why = budget < 2
        ? "the body has " + ir.kernel().instructions().size() + " IR instructions; two copies exceed the budget of "
            + COARSENED_IR_BUDGET
        : "its copies cannot be interleaved (the body branches, or checks more than globalId(0) against array lengths),"
            + " need a larger stack frame, or do not fit " + options.imemBytes() + " bytes of IMEM";
    int f = plan.factor() <= budget ? plan.factor() : Integer.highestOneBit(budget);
    for (; f >= 2 && plain != null; f /= 2) {
      Attempt a = emit(ir, irText, options, specialise, plan.withFactor(f), timings);
      if (a != null && a.frameBytes() <= plain.frameBytes()) {
        return a.kernel();
      }
    }
    if (k != null && plan.factor() > 1) {
      k = emit(ir, irText, options, specialise, Coarsening.Plan.refused(why), timings).kernel();
    }
    if (k == null) {
      throw new KernelCompileException(ir.kernel().file(), -1, "kernel " + ir.kernel().displayName()
          + " needs more than the " + options.imemBytes() + " bytes of instruction memory");
    }
    return k;
  }

  /** IR instructions the copies of a coarsened body may have together (code size and compile time). */
  static final int COARSENED_IR_BUDGET = 1024;

  private static int budgetFactor(Function kernel) {
    return Math.max(1, COARSENED_IR_BUDGET / Math.max(1, kernel.instructions().size()));
  }

  private record Attempt(CompiledKernel kernel, int frameBytes) {
  }

  /** One code generation; null when the code does not fit IMEM (or a coarsened frame outgrows 12-bit offsets). */
  private static Attempt emit(KernelIr ir, String irText, CompileOptions options, boolean specialise,
                     Coarsening.Plan plan, Map<String, Long> timings) {
    try {
      return emitOrThrow(ir, irText, options, specialise, plan, timings);
    } catch (veneer.isa.EncodingException e) {
      if (plan.factor() > 1) {
        return null;
      }
      throw e;
    }
  }

  private static Attempt emitOrThrow(KernelIr ir, String irText, CompileOptions options, boolean specialise,
                     Coarsening.Plan plan, Map<String, Long> timings) {
    long t0 = System.nanoTime();
    Function kernel = ir.kernel();
    ArgumentLayout layout = ArgumentLayout.of(kernel);
    TrapSites sites = new TrapSites();
    List<MFunction> fns = new ArrayList<>();
    MFunction launch = LaunchLoop.build(kernel, layout, sites, specialise, options.qemuUser(), plan);
    if (launch == null) {
      return null;
    }
    fns.add(launch);
    for (Function f : ir.functions()) {
      if (f != kernel) {
        fns.add(Callees.build(f, sites));
      }
    }
    long t1 = System.nanoTime();
    for (MFunction mf : fns) {
      List<MBlock> hot = new ArrayList<>();
      List<MBlock> cold = new ArrayList<>();
      for (MBlock b : mf.blocks) {
        (b.cold ? cold : hot).add(b);
      }
      mf.blocks.clear();
      mf.blocks.addAll(hot);
      mf.blocks.addAll(cold);
      DeadMachineCode.removeDeadDefs(mf);
      Rewriter.rewrite(mf, RegisterAllocator.allocate(mf));
      LaunchLoop.dropUnusedStack(mf);
      DeadMachineCode.threadJumps(mf);
      DeadMachineCode.rotateLoops(mf);
      LoadScheduler.schedule(mf);
      Linker.straighten(mf.blocks);
    }
    long t2 = System.nanoTime();
    List<MBlock> all = new ArrayList<>();
    for (MFunction mf : fns) {
      all.addAll(mf.blocks);
    }
    Linker.Code code = Linker.link(PeMemoryMap.IMEM_BASE, all, Map.of());
    byte[] table = sites.table();
    int text = code.words().length * 4;
    if (text + table.length > options.imemBytes()) {
      return null;
    }
    long t3 = System.nanoTime();
    String name = kernel.displayName();
    Map<String, Integer> symbols = new LinkedHashMap<>();
    symbols.put("_start", PeMemoryMap.IMEM_BASE);
    for (int i = 1; i < fns.size(); i++) {
      symbols.put(fns.get(i).name, code.labels().get(fns.get(i).name));
    }
    ElfWriter w = new ElfWriter().text(PeMemoryMap.IMEM_BASE, code.bytes()).rodata(PeMemoryMap.IMEM_BASE + text, table)
        .entry(PeMemoryMap.IMEM_BASE);
    int kernelEnd = fns.size() > 1 ? symbols.get(fns.get(1).name) : text;
    w.symbol("_start", PeMemoryMap.IMEM_BASE, 0, Elf.STT_NOTYPE, Elf.STB_GLOBAL, ".text");
    w.symbol(name, PeMemoryMap.IMEM_BASE, kernelEnd, Elf.STT_FUNC, Elf.STB_GLOBAL, ".text");
    for (int i = 1; i < fns.size(); i++) {
      int start = symbols.get(fns.get(i).name);
      int end = i + 1 < fns.size() ? symbols.get(fns.get(i + 1).name) : text;
      w.symbol(fns.get(i).name, start, end - start, Elf.STT_FUNC, Elf.STB_LOCAL, ".text");
    }
    w.symbol(TRAP_TABLE, PeMemoryMap.IMEM_BASE + text, table.length, Elf.STT_OBJECT, Elf.STB_GLOBAL, ".rodata");
    byte[] elf = w.toBytes();
    long t4 = System.nanoTime();
    timings.put("select", t1 - t0);
    timings.put("allocate", t2 - t1);
    timings.put("link", t3 - t2);
    timings.put("elf", t4 - t3);
    boolean team = false;
    for (Instr i : kernel.instructions()) {
      team |= i.op() == Op.BARRIER;
    }
    for (veneer.compiler.ir.Param p : kernel.params()) {
      team |= p.isLocal();
    }
    symbols.put(name, PeMemoryMap.IMEM_BASE);
    return new Attempt(new CompiledKernel(name, elf, layout, sites.sites(), team, irText, code.words(), symbols, timings,
        plan.factor(), plan.refusal()), fns.get(0).frameBytes);
  }
}
