package veneer.compiler.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.PeOracle;
import veneer.compiler.launch.KernelLauncher;
import veneer.compiler.launch.KernelTrapException;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus kernel compiled to RV32IM and run on the PE model with several thread counts:
 * arrays and failure must equal the JVM's.
 */
class PeCorpusTest {
  private static final long[] SEEDS = {1, 2, 3};
  private static final int[] THREADS = {1, 4, 16};

  static void check(Class<?> owner, String kernel, WorkRange range, int threads, CompileOptions options, Object... args) {
    PeOracle.check(owner, kernel, range, threads, options, args);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusKernelOnThePeModel() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CorpusTest.Case c : CorpusTest.cases()) {
      for (long seed : SEEDS) {
        int threads = THREADS[(int) (seed - 1)];
        tests.add(DynamicTest.dynamicTest(c.name() + " seed " + seed + " threads " + threads, () -> {
          Object[] args = c.args().apply(new Random(seed));
          try {
            check(c.owner(), c.kernel(), c.range(), threads, CompileOptions.defaults(), args);
          } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(c.name() + " failed with seed " + seed + ": " + e.getMessage(), e);
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void failuresMatchTheJvm() {
    check(VectorAdd.class, "add", WorkRange.of(20), 4, CompileOptions.defaults(), new int[16], new int[16], new int[16]);
    check(LinearAlgebra.class, "stencil", WorkRange.of(12), 3, CompileOptions.defaults(), new int[12], new int[11]);
    check(Algorithms.class, "movingAverage", WorkRange.of(12), 4, CompileOptions.defaults(), new int[10], new int[12], 2);
    int[] b = {5, 4, 3, 0, 2, 0, 1, 1};
    check(Bits.class, "divide", WorkRange.of(8), 2, CompileOptions.defaults(), new int[] {1, 2, 3, 4, 5, 6, 7, 8}, b, new int[8]);
    check(Bits.class, "modHelper", WorkRange.of(3), 4, CompileOptions.defaults(), new int[] {4, 5, 6}, new int[] {6, 0, 0}, new int[3]);
    check(LinearAlgebra.class, "sumAll", WorkRange.of(3), 2, CompileOptions.defaults(), null, new int[3]);
    check(LinearAlgebra.class, "sumAll", WorkRange.of(3), 2, CompileOptions.defaults().withSpecialise(false), null, new int[3]);
  }

  @Test
  void aTrapBecomesAJavaExceptionNamingKernelLineAndItem() {
    CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
    KernelTrapException e = assertThrows(KernelTrapException.class,
        () -> KernelLauncher.runOrThrow(k, WorkRange.of(20), 4, new int[16], new int[16], new int[16]));
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "VectorAdd.java", 15, 16), e.failure());
    assertTrue(e.getMessage().contains("VectorAdd.add") && e.getMessage().contains("VectorAdd.java:15")
        && e.getMessage().contains("work-item 16"), e.getMessage());
  }
}
