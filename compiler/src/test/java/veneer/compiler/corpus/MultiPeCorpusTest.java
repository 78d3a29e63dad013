package veneer.compiler.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.PeOracle;
import veneer.compiler.launch.DeviceLaunch;
import veneer.compiler.launch.KernelLauncher;
import veneer.isa.pe.PeConfig;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus kernel on P = 1, 2 and 4 PE models (PE ids 0..P-1, one shared global memory, run one
 * after the other) as the PE array runs it: every PE runs the whole program and takes its share of the
 * work-items; arrays and failure (read from the failure table) must equal the JVM's.
 */
class MultiPeCorpusTest {
  private static final int[] PES = {1, 2, 4};

  @TestFactory
  Stream<DynamicTest> everyCorpusKernelOnSeveralPes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CorpusTest.Case c : CorpusTest.cases()) {
      for (int pes : PES) {
        long seed = 10 + pes;
        tests.add(DynamicTest.dynamicTest(c.name() + " on " + pes + " PEs", () -> {
          Object[] args = c.args().apply(new Random(seed));
          try {
            PeOracle.check(c.owner(), c.kernel(), c.range(), pes, 4, CompileOptions.defaults(), args);
          } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(c.name() + " failed on " + pes + " PEs with seed " + seed + ": " + e.getMessage(), e);
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void failuresMatchTheJvmOnSeveralPes() {
    for (int pes : new int[] {2, 3, 4}) {
      PeOracle.check(VectorAdd.class, "add", WorkRange.of(20), pes, 4, CompileOptions.defaults(), new int[16], new int[16], new int[16]);
      PeOracle.check(LinearAlgebra.class, "stencil", WorkRange.of(12), pes, 2, CompileOptions.defaults(), new int[12], new int[11]);
      int[] b = {5, 4, 3, 0, 2, 0, 1, 1};
      PeOracle.check(Bits.class, "divide", WorkRange.of(8), pes, 2, CompileOptions.defaults(), new int[] {1, 2, 3, 4, 5, 6, 7, 8}, b, new int[8]);
      PeOracle.check(LinearAlgebra.class, "sumAll", WorkRange.of(3), pes, 1, CompileOptions.defaults(), null, new int[3]);
    }
  }

  @Test
  void everyWorkItemOfANarrowOrWide2dRangeRunsOnceWhateverTheStride() {
    // S = P*T below, equal to and above the row length, and above the whole range
    int[][] shapes = {{3, 7}, {16, 2}, {5, 5}, {40, 3}, {1, 9}};
    for (int[] wh : shapes) {
      int n = wh[0] * wh[1];
      for (int pes : new int[] {1, 2, 3, 4}) {
        for (int threads : new int[] {1, 4}) {
          int[] a = new int[n];
          for (int i = 0; i < n; i++) {
            a[i] = i * 7;
          }
          PeOracle.check(Grid.class, "visit", WorkRange.of2d(wh[0], wh[1], 1, 1), pes, threads, CompileOptions.defaults(),
              a, new int[n]);
          // a shorter input array: the lowest failing linear id is its length
          PeOracle.check(Grid.class, "visit", WorkRange.of2d(wh[0], wh[1], 1, 1), pes, threads, CompileOptions.defaults(),
              new int[n - 1], new int[n]);
        }
      }
    }
  }

  @Test
  void everyThreadOfEveryPeWritesItsRecordSoTheHostNeedNotClearTheTable() {
    CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
    // 2 PEs x 4 threads, 20 items over arrays of 16: items 16..19 fail, on PE 0 threads 0..3 (g = 16..19 = 0..3 + 2*8)
    KernelLauncher.Result r = KernelLauncher.launchOnPes(k, PeConfig.defaults().withThreads(4), WorkRange.of(20),
        KernelLauncher.DEFAULT_BUDGET, 2, new int[16], new int[16], new int[16]);
    assertEquals(Optional.of(new KernelFailure(KernelFailure.Kind.BOUNDS, "VectorAdd.java", 15, 16)), r.failure());
    // the decoder takes the lowest work-item whatever the order of the records
    DeviceLaunch plan = DeviceLaunch.of(k, WorkRange.of(20), 2, 4, 16 * 1024);
    int[] table = new int[16];
    table[2 * 5] = 1;
    table[2 * 5 + 1] = 9;
    table[2 * 1] = 1;
    table[2 * 1 + 1] = 3;
    assertEquals(3, plan.failure(table).orElseThrow().workItem());
    assertTrue(plan.failure(new int[16]).isEmpty());
    plan.throwIfFailed(new int[16]);
    veneer.compiler.launch.KernelTrapException e = assertThrows(veneer.compiler.launch.KernelTrapException.class,
        () -> plan.throwIfFailed(table));
    assertTrue(e.getMessage().contains("VectorAdd.add") && e.getMessage().contains("VectorAdd.java:15")
        && e.getMessage().contains("work-item 3"), e.getMessage());
    table[0] = 99;
    assertThrows(IllegalStateException.class, () -> plan.failure(table));
  }

  @Test
  void argumentWordsFollowTheLayout() {
    CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
    DeviceLaunch plan = DeviceLaunch.of(k, WorkRange.of(16), 3, 8, 16 * 1024);
    int[] a = new int[16];
    assertEquals(68, plan.imageBytes(0, a));
    byte[] image = plan.image(0, new int[] {7, -1});
    assertArrayEquals(new byte[] {2, 0, 0, 0, 7, 0, 0, 0, -1, -1, -1, -1}, image);
    int[] w = plan.argumentWords(0x8000_1000L, new Object[] {a, a, a}, new long[] {0x8000_0000L, 0x8000_0100L, 0x8000_0200L});
    assertEquals(64, w.length);
    assertEquals(16, w[0]);
    assertEquals(3, w[15], "P");
    assertEquals(0x8000_1000, w[16], "failure table");
    assertEquals(0x8000_0004, w[17], "element 0 of the first array");
    assertEquals(16, w[18], "its length");
    assertEquals(0x8000_0104, w[19]);
    assertEquals(3 * 8 * 8, plan.failureTableBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan.argumentWords(0, new Object[] {a, a, a}, new long[] {0x100, 0, 0}));
    assertTrue(e.getMessage().contains("global memory"), e.getMessage());
    assertEquals(0x8000_0040L, DeviceLaunch.peAddress(0x40));
  }

  @Test
  void theImemImageIsTheCodeAndTrapTableFromZero() {
    CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
    int[] image = k.imemImage();
    assertEquals(0, k.entryPc());
    assertEquals(k.codeBytes() / 4 + 2 * k.trapSites().size(), image.length);
    int s = k.codeBytes() / 4;
    assertEquals(k.trapSites().get(0).line(), image[s + 1], "trap table: kind, line");
  }
}
