package veneer.compiler.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import veneer.compiler.Oracle;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every corpus kernel, on several seeded inputs: the JVM result and the IR interpreter's result
 * (after the front end and after every standard pass) must be identical, failures included.
 */
class CorpusTest {
  private static final long[] SEEDS = {1, 2, 3};

  record Case(String name, Class<?> owner, String kernel, WorkRange range, Function<Random, Object[]> args) {
  }

  private static int[] ints(Random r, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(2001) - 1000;
    }
    return a;
  }

  private static long[] longs(Random r, int n) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextBoolean() ? r.nextLong() : r.nextInt(100000) - 50000;
    }
    return a;
  }

  private static byte[] bytes(Random r, int n) {
    byte[] a = new byte[n];
    r.nextBytes(a);
    return a;
  }

  private static short[] shorts(Random r, int n) {
    short[] a = new short[n];
    for (int i = 0; i < n; i++) {
      a[i] = (short) r.nextInt();
    }
    return a;
  }

  private static char[] chars(Random r, int n, int alphabet) {
    char[] a = new char[n];
    for (int i = 0; i < n; i++) {
      a[i] = (char) ('a' + r.nextInt(alphabet));
    }
    return a;
  }

  private static boolean[] bools(Random r, int n) {
    boolean[] a = new boolean[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextBoolean();
    }
    return a;
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("vector add", VectorAdd.class, "add", WorkRange.of(16), r -> new Object[] {ints(r, 16), ints(r, 16), new int[16]}));
    c.add(new Case("saxpy", LinearAlgebra.class, "saxpy", WorkRange.of(20), r -> new Object[] {r.nextInt(1 << 18), ints(r, 16), ints(r, 16)}));
    c.add(new Case("dot", LinearAlgebra.class, "dot", WorkRange.of(4), r -> new Object[] {ints(r, 37), ints(r, 37), new long[4]}));
    c.add(new Case("reduce", LinearAlgebra.class, "reduce", WorkRange.of(32, 8), r -> new Object[] {ints(r, 30), new int[4], new int[8]}));
    c.add(new Case("prefix sum", LinearAlgebra.class, "prefixSum", WorkRange.of(4), r -> new Object[] {ints(r, 40), 10}));
    c.add(new Case("matmul", LinearAlgebra.class, "matmul", WorkRange.of2d(6, 6, 1, 1), r -> new Object[] {ints(r, 36), ints(r, 36), new int[36], 6}));
    c.add(new Case("transpose", LinearAlgebra.class, "transpose", WorkRange.of2d(8, 4, 2, 2), r -> new Object[] {shorts(r, 35), new short[35], 7, 5}));
    c.add(new Case("convolve", LinearAlgebra.class, "convolve", WorkRange.of2d(6, 5, 1, 1), r -> new Object[] {ints(r, 30), ints(r, 9), new int[30], 6, 5}));
    c.add(new Case("stencil", LinearAlgebra.class, "stencil", WorkRange.of(12), r -> new Object[] {ints(r, 12), new int[12]}));
    c.add(new Case("sum all", LinearAlgebra.class, "sumAll", WorkRange.of(3), r -> new Object[] {ints(r, 21), new int[3]}));
    c.add(new Case("popcount", Bits.class, "popcount", WorkRange.of(16), r -> new Object[] {ints(r, 16), new int[16]}));
    c.add(new Case("gcd", Bits.class, "gcdKernel", WorkRange.of(16), r -> new Object[] {ints(r, 16), ints(r, 16), new int[16]}));
    c.add(new Case("collatz", Bits.class, "collatz", WorkRange.of(16), r -> new Object[] {ints(r, 16), new int[16]}));
    c.add(new Case("long mix", Bits.class, "longMix", WorkRange.of(16), r -> new Object[] {longs(r, 16), new long[16], r.nextInt(70)}));
    c.add(new Case("int helpers", Bits.class, "intHelpers", WorkRange.of(16), r -> new Object[] {ints(r, 16), new int[16]}));
    c.add(new Case("div by constants", Bits.class, "divByConstants", WorkRange.of(64), r -> new Object[] {edgeInts(r, 64), new int[64]}));
    c.add(new Case("long div by constants", Bits.class, "longDivByConstants", WorkRange.of(32), r -> new Object[] {longs(r, 32), new long[32]}));
    c.add(new Case("divide", Bits.class, "divide", WorkRange.of(16), r -> new Object[] {ints(r, 16), nonZero(r, 16), new int[16]}));
    c.add(new Case("byte/short/char mix", Bits.class, "narrowMix", WorkRange.of(16),
        r -> new Object[] {bytes(r, 16), shorts(r, 16), chars(r, 16, 60000), bools(r, 16), new int[16]}));
    c.add(new Case("mod helper", Bits.class, "modHelper", WorkRange.of(16), r -> new Object[] {ints(r, 16), nonZero(r, 16), new int[16]}));
    c.add(new Case("shifts", Bits.class, "shifts", WorkRange.of(16), r -> new Object[] {ints(r, 16), new long[16]}));
    c.add(new Case("histogram", Algorithms.class, "histogram", WorkRange.of(4), r -> new Object[] {bytes(r, 50), new int[64], 13}));
    c.add(new Case("bitonic step", Algorithms.class, "bitonicStep", WorkRange.of(16), r -> new Object[] {ints(r, 16), 1 << r.nextInt(3), 2 << r.nextInt(3)}));
    c.add(new Case("string search", Algorithms.class, "search", WorkRange.of(30), r -> new Object[] {chars(r, 30, 2), chars(r, 3, 2), new boolean[30]}));
    c.add(new Case("run-length", Algorithms.class, "runLength", WorkRange.of(3), r -> new Object[] {runs(r, 48), new byte[96], new int[3], 16}));
    c.add(new Case("bfs step", Algorithms.class, "bfsStep", WorkRange.of(8), r -> graph(r)));
    c.add(new Case("switch-heavy", Algorithms.class, "switches", WorkRange.of(32), r -> new Object[] {edgeInts(r, 32), new int[32]}));
    c.add(new Case("moving average", Algorithms.class, "movingAverage", WorkRange.of(12), r -> new Object[] {ints(r, 12), new int[12], 3}));
    c.add(new Case("recursion", Algorithms.class, "recursive", WorkRange.of(6), r -> new Object[] {ints(r, 6), new int[6]}));
    c.add(new Case("loop forms", Algorithms.class, "loops", WorkRange.of(16), r -> new Object[] {ints(r, 16), new int[16]}));
    c.add(new Case("strided scale", Algorithms.class, "scale", WorkRange.of(4), r -> new Object[] {ints(r, 19), r.nextInt(9) - 4}));
    c.add(new Case("crc-32", Crypto.class, "crc32", WorkRange.of(4), r -> new Object[] {bytes(r, 64), new int[4], 16}));
    c.add(new Case("sha-256", Crypto.class, "sha256", WorkRange.of(2),
        r -> new Object[] {ints(r, 32), ints(r, 64), ints(r, 16), new int[128]}));
    c.add(new Case("mandelbrot", Crypto.class, "mandelbrot", WorkRange.of2d(12, 8, 4, 2), r -> new Object[] {new int[96], 12, 8, 20 + r.nextInt(20)}));
    c.add(new Case("xorshift", Crypto.class, "xorshift", WorkRange.of(8), r -> new Object[] {longs(r, 8), new long[8], 5 + r.nextInt(5)}));
    c.add(new Case("adler-32", Crypto.class, "adler32", WorkRange.of(4), r -> new Object[] {bytes(r, 64), new int[4], 16}));
    return c;
  }

  private static int[] edgeInts(Random r, int n) {
    int[] a = ints(r, n);
    int[] edges = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 7, -7, 1000, -1000, 123456, -500};
    for (int i = 0; i < edges.length && i < n; i++) {
      a[i] = edges[i];
    }
    return a;
  }

  private static int[] nonZero(Random r, int n) {
    int[] a = ints(r, n);
    for (int i = 0; i < n; i++) {
      a[i] = a[i] == 0 ? 3 : a[i];
    }
    return a;
  }

  private static byte[] runs(Random r, int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (i > 0 && r.nextInt(3) > 0 ? a[i - 1] : r.nextInt(4));
    }
    return a;
  }

  private static Object[] graph(Random r) {
    int v = 8;
    int[] rowStart = new int[v + 1];
    List<Integer> edges = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      rowStart[i] = edges.size();
      int d = r.nextInt(4);
      for (int k = 0; k < d; k++) {
        edges.add(r.nextInt(v));
      }
    }
    rowStart[v] = edges.size();
    int[] level = new int[v];
    for (int i = 0; i < v; i++) {
      level[i] = r.nextInt(3) == 0 ? 0 : -1;
    }
    return new Object[] {rowStart, edges.stream().mapToInt(Integer::intValue).toArray(), level, 0};
  }

  @TestFactory
  Stream<DynamicTest> jvmAndIrAgreeOnEveryKernel() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      for (long seed : SEEDS) {
        tests.add(DynamicTest.dynamicTest(c.name() + " seed " + seed, () -> {
          try {
            Oracle.check(c.owner(), c.kernel(), c.range(), c.args().apply(new Random(seed)));
          } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(c.name() + " failed with seed " + seed + ": " + e.getMessage(), e);
          }
        }));
      }
    }
    assertTrue(cases().size() >= 30, "the corpus must hold at least 30 kernels");
    return tests.stream();
  }

  private static KernelFailure failureOf(Class<?> owner, String kernel, WorkRange range, Object... args) {
    return Oracle.check(owner, kernel, range, args).failure().orElseThrow(() -> new AssertionError("expected a failure"));
  }

  @Test
  void outOfBoundsFailsTheSameWay() {
    // 20 work-items over 16 elements: item 16 is the first to fail, at the line of the access
    KernelFailure f = failureOf(VectorAdd.class, "add", WorkRange.of(20), new int[16], new int[16], new int[16]);
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "VectorAdd.java", 15, 16), f);
    KernelFailure s = failureOf(LinearAlgebra.class, "stencil", WorkRange.of(12), new int[12], new int[11]);
    assertEquals(KernelFailure.Kind.BOUNDS, s.kind());
    assertEquals(11, s.workItem());
    KernelFailure m = failureOf(Algorithms.class, "movingAverage", WorkRange.of(12), new int[10], new int[12], 2);
    assertEquals("Algorithms.java", m.file());
    assertEquals(10, m.workItem());
  }

  @Test
  void divisionByZeroFailsTheSameWay() {
    int[] b = {5, 4, 3, 0, 2, 0, 1, 1};
    KernelFailure f = failureOf(Bits.class, "divide", WorkRange.of(8), new int[] {1, 2, 3, 4, 5, 6, 7, 8}, b, new int[8]);
    assertEquals(KernelFailure.Kind.DIV_ZERO, f.kind());
    assertEquals(3, f.workItem());
    KernelFailure g = failureOf(Bits.class, "modHelper", WorkRange.of(3), new int[] {4, 5, 6}, new int[] {6, 0, 0}, new int[3]);
    assertEquals(KernelFailure.Kind.DIV_ZERO, g.kind());
    assertEquals(1, g.workItem());
    assertEquals(bitsLine("return a % b;"), g.line(), "the failure names the inlined helper's line");
  }

  private static int bitsLine(String text) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/java/veneer/compiler/corpus/Bits.java"));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("cannot read Bits.java from the module directory", e);
    }
    throw new AssertionError("no line with " + text);
  }

  @Test
  void nullArrayFailsTheSameWay() {
    KernelFailure f = failureOf(LinearAlgebra.class, "sumAll", WorkRange.of(3), null, new int[3]);
    assertEquals(KernelFailure.Kind.NULL, f.kind());
    assertEquals(0, f.workItem());
  }
}
