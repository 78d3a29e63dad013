package veneer.compiler;

import veneer.compiler.frontend.FrontEnd;
import veneer.compiler.ir.IrVerifier;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.pass.Pass;
import veneer.compiler.pass.Passes;
import veneer.compiler.backend.BackEnd;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.List;

/**
 * Entry point of the kernel compiler's machine-independent part: bytecode to verified SSA IR, and
 * the pass pipeline over it.
 *
 * <pre>{@code
 * KernelIr ir = KernelCompiler.frontEnd(VectorAdd.class, "add");
 * KernelCompiler.optimize(ir, Passes.standard());
 * System.out.println(IrPrinter.print(ir));
 * }</pre>
 */
public final class KernelCompiler {
  private KernelCompiler() {
  }

  /**
   * Reads the {@code @Kernel} method {@code method} of {@code owner} and every static method it
   * calls into SSA IR. Throws {@link KernelCompileException} for constructs the overlay cannot run.
   */
  public static KernelIr frontEnd(Class<?> owner, String method) {
    KernelIr ir = new FrontEnd(owner.getClassLoader()).compileKernel(owner.getName().replace('.', '/'), method);
    IrVerifier.verify(ir);
    return ir;
  }

  /** Runs {@code passes} in order over {@code ir}; verifies the IR after each when {@code verify}. */
  public static void optimize(KernelIr ir, List<Pass> passes, boolean verify) {
    for (Pass p : passes) {
      p.run(ir);
      if (verify) {
        try {
          IrVerifier.verify(ir);
        } catch (IllegalStateException e) {
          throw new IllegalStateException("after pass " + p.name() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Compiles the {@code @Kernel} method {@code method} of {@code owner} to an RV32IM executable
   * for a PE: front end, {@link Passes#standard()}, then the back end.
   *
   * <pre>{@code
   * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
   * Optional<KernelFailure> f = KernelLauncher.run(k, WorkRange.of(n), 4, a, b, c);
   * }</pre>
   */
  public static CompiledKernel compile(Class<?> owner, String method, CompileOptions options) {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    KernelIr ir = frontEnd(owner, method);
    if (!options.boundsChecks()) {
      dropBoundsChecks(ir);
    }
    long t1 = System.nanoTime();
    optimize(ir, Passes.standard(), options.verify());
    long t2 = System.nanoTime();
    timings.put("frontend", t1 - t0);
    timings.put("passes", t2 - t1);
    return BackEnd.compile(ir, options, timings);
  }

  /** Removes every {@code boundscheck} (they have no result), for measuring what the checks cost. */
  private static void dropBoundsChecks(KernelIr ir) {
    for (veneer.compiler.ir.Function f : ir.functions()) {
      for (veneer.compiler.ir.Instr i : List.copyOf(f.instructions())) {
        if (i.op() == veneer.compiler.ir.Op.BOUNDSCHECK) {
          i.block().remove(i);
        }
      }
    }
  }

  /** Runs {@code passes} and verifies after each. */
  public static void optimize(KernelIr ir, List<Pass> passes) {
    optimize(ir, passes, true);
  }
}
