package veneer.compiler.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.Oracle;
import veneer.compiler.QemuHarness;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every item-mode corpus kernel compiled for qemu-riscv32 (thread id, PE id and T from memory instead of
 * the PE's CSRs) and run there in the harness as 2 PEs x 3 threads, one thread after the other: arrays
 * and failure (from the failure table) must equal the JVM's. Team-mode kernels (barriers) need their
 * threads to run at once, which the harness does not do.
 */
class QemuCorpusTest {
  private static final long SEED = 7;

  private static void check(Class<?> owner, String kernel, WorkRange range, Object... args) {
    Oracle.Run expected = Oracle.jvm(owner, kernel, range, args);
    CompiledKernel k = KernelCompiler.compile(owner, kernel, CompileOptions.defaults().withQemuUser(true).withVerify(true));
    Object[] copy = Oracle.deepCopy(args);
    Optional<KernelFailure> f = QemuHarness.run(k, range, 2, 3, copy);
    assertEquals(expected.failure(), f, kernel + ": failure");
    for (int i = 0; i < args.length; i++) {
      assertTrue(Arrays.deepEquals(new Object[] {expected.memory()[i]}, new Object[] {copy[i]}),
          kernel + ": argument " + i + " differs\n JVM  " + Arrays.deepToString(new Object[] {expected.memory()[i]})
              + "\n qemu " + Arrays.deepToString(new Object[] {copy[i]}));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyItemModeCorpusKernelUnderQemu() {
    List<DynamicTest> tests = new ArrayList<>();
    int count = 0;
    for (CorpusTest.Case c : CorpusTest.cases()) {
      if (KernelCompiler.compile(c.owner(), c.kernel(), CompileOptions.defaults()).teamMode()) {
        continue;
      }
      count++;
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        Object[] args = c.args().apply(new Random(SEED));
        try {
          check(c.owner(), c.kernel(), c.range(), args);
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(c.name() + " failed under qemu with seed " + SEED + ": " + e.getMessage(), e);
        }
      }));
    }
    assertTrue(count >= 10, "at least 10 corpus kernels run under qemu, found " + count);
    return tests.stream();
  }

  @Test
  void failuresUnderQemuMatchTheJvm() {
    check(VectorAdd.class, "add", WorkRange.of(20), new int[16], new int[16], new int[16]);
    int[] b = {5, 4, 3, 0, 2, 0, 1, 1};
    check(Bits.class, "divide", WorkRange.of(8), new int[] {1, 2, 3, 4, 5, 6, 7, 8}, b, new int[8]);
    check(LinearAlgebra.class, "sumAll", WorkRange.of(3), null, new int[3]);
  }
}
