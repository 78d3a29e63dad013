package veneer.compiler;

import org.junit.jupiter.api.Test;
import veneer.compiler.corpus.LinearAlgebra;
import veneer.compiler.ir.IrPrinter;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.pass.Passes;

class DumpTest {
    @Test
    void dump() {
        KernelIr ir = KernelCompiler.frontEnd(LinearAlgebra.class, System.getProperty("k", "sumAll"));
        System.out.println(IrPrinter.print(ir));
        KernelCompiler.optimize(ir, Passes.standard());
        System.out.println(IrPrinter.print(ir));
    }
}
