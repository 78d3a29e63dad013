package veneer.compiler;

import veneer.compiler.frontend.FrontEnd;
import veneer.compiler.ir.IrVerifier;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.pass.Pass;

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

    /** Runs {@code passes} and verifies after each. */
    public static void optimize(KernelIr ir, List<Pass> passes) {
        optimize(ir, passes, true);
    }
}
