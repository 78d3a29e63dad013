package veneer.compiler;

import org.junit.jupiter.api.Test;
import veneer.compiler.corpus.VectorAdd;
import veneer.compiler.ir.IrPrinter;
import veneer.kernel.WorkRange;

class SmokeTest {
    @Test
    void vectorAdd() {
        System.out.println(IrPrinter.print(KernelCompiler.frontEnd(VectorAdd.class, "add")));
        Oracle.check(VectorAdd.class, "add", WorkRange.of(4), new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 8}, new int[4]);
        Oracle.check(VectorAdd.class, "add", WorkRange.of(5), new int[] {1, 2, 3, 4}, new int[] {5, 6, 7, 8}, new int[4]);
        Oracle.check(VectorAdd.class, "add", WorkRange.of(4), null, new int[] {5, 6, 7, 8}, new int[4]);
    }
}
