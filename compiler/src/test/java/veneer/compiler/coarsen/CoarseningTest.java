package veneer.compiler.coarsen;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.Oracle;
import veneer.compiler.PeOracle;
import veneer.compiler.corpus.Crypto;
import veneer.compiler.corpus.LinearAlgebra;
import veneer.compiler.launch.KernelLauncher;
import veneer.isa.pe.PeConfig;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work-item coarsening (docs/compiler.md, "Work-item coarsening"): which kernels are coarsened,
 * and that coarsened kernels give the JVM's arrays and failure (kind, line, work-item) for
 * ranges that are not a multiple of K, smaller than K, with arrays too short or null, and with
 * faults inside a block.
 */
class CoarseningTest {
  private static final CompileOptions OPTIONS = CompileOptions.defaults();
  private static final int[][] SHAPES = {{1, 1}, {1, 3}, {2, 4}}; // PEs x threads

  private static CompiledKernel compile(Class<?> owner, String kernel) {
    return KernelCompiler.compile(owner, kernel, OPTIONS.withVerify(true));
  }

  /** Runs on every shape; arrays and failure must equal the JVM's; returns the JVM's run. */
  private static Oracle.Run check(String kernel, WorkRange range, Object... args) {
    Oracle.Run expected = null;
    for (int[] s : SHAPES) {
      expected = PeOracle.check(Coarse.class, kernel, range, s[0], s[1], OPTIONS, args);
    }
    return expected;
  }

  private static int[] ints(long seed, int n) {
    Random r = new Random(seed);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt();
    }
    return a;
  }

  @Test
  void coarsensStraightLineKernelsWhoseLoadGroupsShareKeptLines() {
    // two int loads per work-item: groups of 4 copies, four groups; each array's block is one 64-byte line, which
    // the coalescer keeps for the later groups: K = 16
    assertEquals(16, compile(Coarse.class, "add").coarsening());
    assertEquals(16, compile(Coarse.class, "guarded").coarsening());
    // one load: groups of 8 copies, K = 16; no load at all: 16, the option's value
    assertEquals(16, compile(Coarse.class, "rows").coarsening());
    // long elements: a block of 16 is two lines per array, so at most two groups (of one copy: 4 loads): K = 2
    assertEquals(2, compile(Coarse.class, "mixLongs").coarsening());
    assertEquals(CompileOptions.DEFAULT_COARSENING, compile(Coarse.class, "sizes").coarsening());
    assertEquals("", compile(Coarse.class, "add").coarseningRefusal());
    assertEquals(4, KernelCompiler.compile(Coarse.class, "add", OPTIONS.withCoarsening(4)).coarsening());
    assertEquals(3, KernelCompiler.compile(Coarse.class, "sizes", OPTIONS.withCoarsening(3)).coarsening());
    PeOracle.check(Coarse.class, "sizes", WorkRange.of(31), 1, 2, OPTIONS.withCoarsening(3), (Object) new int[31]);
    assertThrows(IllegalArgumentException.class, () -> OPTIONS.withCoarsening(0));
    assertThrows(IllegalArgumentException.class, () -> OPTIONS.withCoarsening(CompileOptions.MAX_COARSENING + 1));
  }

  @Test
  void kernelsWhoseMeaningWouldChangeOrThatWouldNotGainAreNotCoarsened() {
    assertRefused(Coarse.class, "local", "reads localId");
    assertRefused(Coarse.class, "group", "reads groupId");
    assertRefused(Coarse.class, "recursive", "calls ");
    assertRefused(LinearAlgebra.class, "reduce", "team mode");
    assertRefused(Crypto.class, "sha256", "the body loops");
    assertRefused(Coarse.class, "loops", "the body loops");
    // checks that stay in every copy keep the copies apart
    for (String k : new String[] {"divide", "next", "chain", "grid", "narrow"}) {
      assertRefused(Coarse.class, k, "cannot be interleaved");
    }
    CompiledKernel off = KernelCompiler.compile(Coarse.class, "add", OPTIONS.withCoarsening(1));
    assertEquals(1, off.coarsening());
    assertEquals("coarsening is off", off.coarseningRefusal());
    // and they still run as before
    int[] a = ints(1, 37);
    check("local", WorkRange.of(36, 4), new int[36]);
    check("group", WorkRange.of(36, 4), new int[36]);
    check("recursive", WorkRange.of(37), a, new int[37]);
  }

  private static void assertRefused(Class<?> owner, String kernel, String why) {
    CompiledKernel c = compile(owner, kernel);
    assertEquals(1, c.coarsening(), kernel);
    assertTrue(c.coarseningRefusal().contains(why), kernel + ": " + c.coarseningRefusal());
  }

  @Test
  void rangesThatAreNotAMultipleOfTheFactor() {
    for (int n : new int[] {1, 2, 7, 15, 16, 17, 31, 32, 33, 100}) {
      Oracle.Run r = check("add", WorkRange.of(n), ints(n, n), ints(n + 1, n), new int[n]);
      assertTrue(r.failure().isEmpty(), "n = " + n);
      check("sizes", WorkRange.of(n), new int[n]);
      check("guarded", WorkRange.of(n), ints(n, n), ints(n + 2, n));
    }
  }

  @Test
  void theRangeMayBeShorterOrLongerThanTheArrays() {
    // arrays longer than the range: the last block is partial, elements beyond stay untouched
    check("add", WorkRange.of(20), ints(1, 50), ints(2, 50), ints(3, 50));
    // y shorter than the range: the guarded kernel skips, the others fail where the JVM fails
    check("guarded", WorkRange.of(40), ints(4, 40), ints(5, 23));
    Oracle.Run x = check("guarded", WorkRange.of(40), ints(4, 23), ints(5, 40));
    assertEquals(23, x.failure().orElseThrow().workItem());
  }

  @Test
  void emptyArraysAndEmptyRanges() {
    Oracle.Run r = check("add", WorkRange.of(5), new int[0], new int[0], new int[0]);
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "Coarse.java", line("add"), 0), r.failure().orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> WorkRange.of(0));
  }

  @Test
  void aBlockWithAFaultRunsItemByItemAndFailsAtTheFirstItemOutside() {
    // c ends inside the block 16..23 (K = 8): the guard fails, items 16..20 run, 21.. fail, 21 is reported
    Oracle.Run r = check("add", WorkRange.of(40), ints(1, 40), ints(2, 40), new int[21]);
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "Coarse.java", line("add"), 21), r.failure().orElseThrow());
    assertEquals(((int[]) r.memory()[0])[20] + ((int[]) r.memory()[1])[20], ((int[]) r.memory()[2])[20]);
    // a and b shorter: the same, whichever array ends first
    Oracle.Run s = check("add", WorkRange.of(40), ints(1, 33), ints(2, 40), new int[40]);
    assertEquals(33, s.failure().orElseThrow().workItem());
  }

  @Test
  void aNullArrayFailsAtItemZero() {
    Oracle.Run r = check("add", WorkRange.of(33), ints(1, 33), null, new int[33]);
    assertEquals(KernelFailure.Kind.NULL, r.failure().orElseThrow().kind());
    assertEquals(0, r.failure().orElseThrow().workItem());
  }

  @Test
  void faultsOfKernelsThatAreNotCoarsenedStayAsTheyWere() {
    int[] b = new int[48];
    Arrays.fill(b, 1);
    b[9] = 0;
    b[3] = 0;
    b[20] = 0;
    Oracle.Run r = check("divide", WorkRange.of(48), ints(6, 48), b, new int[48]);
    assertEquals(new KernelFailure(KernelFailure.Kind.DIV_ZERO, "Coarse.java", line("divide"), 3), r.failure().orElseThrow());
    int[] c = (int[]) r.memory()[2];
    int[] a = (int[]) r.memory()[0];
    assertTrue(c[4] == a[4] && c[15] == a[15] && c[21] == a[21] && c[47] == a[47] && c[3] == 0,
        "items after a failing one still run: " + Arrays.toString(c));
    // the last copy of a whole block fails: a[32] is outside
    Oracle.Run n = check("next", WorkRange.of(32), ints(8, 32), new int[32]);
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "Coarse.java", line("next"), 31), n.failure().orElseThrow());
  }

  @Test
  void dependentItemsRunInOrderOnOneThread() {
    // item i writes a[i + 1], which item i + 1 reads: the JVM's order gives a[k] = a[0] + k
    int[] a = new int[41];
    a[0] = 5;
    Oracle.Run r = PeOracle.check(Coarse.class, "chain", WorkRange.of(40), 1, 1, OPTIONS, a);
    assertEquals(45, ((int[]) r.memory()[0])[40]);
  }

  @Test
  void elementsOfEveryWidth() {
    Random rnd = new Random(11);
    for (int n : new int[] {13, 32, 45}) {
      long[] a = rnd.longs(n).toArray();
      long[] b = rnd.longs(n).toArray();
      check("mixLongs", WorkRange.of(n), a, b, new long[n]);
      byte[] bs = new byte[n];
      rnd.nextBytes(bs);
      short[] s = new short[n];
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        s[i] = (short) rnd.nextInt();
        c[i] = (char) rnd.nextInt(65536);
      }
      check("narrow", WorkRange.of(n), bs, s, c, new boolean[n], new int[n]);
      check("loops", WorkRange.of(n), ints(n, n), new int[n]);
    }
  }

  @Test
  void twoDimensionalRangesCoarsenAlongX() {
    check("rows", WorkRange.of2d(20, 3, 4, 1), ints(1, 20), new int[20]);
    check("rows", WorkRange.of2d(40, 5, 8, 5), ints(2, 40), new int[40]);
    check("rows", WorkRange.of2d(7, 6, 7, 1), ints(3, 7), new int[7]);
    // a too short in every row: the first failing item is x = 13 of row 0
    Oracle.Run r = check("rows", WorkRange.of2d(20, 3, 4, 1), ints(1, 13), new int[20]);
    assertEquals(new KernelFailure(KernelFailure.Kind.BOUNDS, "Coarse.java", line("rows"), 13), r.failure().orElseThrow());
    check("grid", WorkRange.of2d(20, 3, 4, 1), (Object) new int[60]);
    Oracle.Run g = check("grid", WorkRange.of2d(20, 3, 4, 1), (Object) new int[45]);
    assertEquals(45, g.failure().orElseThrow().workItem());
  }

  @Test
  void blocksStartOnTheLinesOfTheStoredArrayWhereverItsElementZeroIs() {
    // a longer than the range moves b and c by 4 bytes per extra element: c's element 0 takes every position in
    // its 64-byte line, so the phase s runs through 0..15 (ranges shorter than s: only the head block)
    for (int pad = 0; pad < 16; pad++) {
      for (int n : new int[] {5, 16, 40}) {
        Oracle.Run r = check("add", WorkRange.of(n), ints(pad, n + pad), ints(pad + 100, n), new int[n]);
        assertTrue(r.failure().isEmpty(), "pad " + pad + ", n = " + n);
      }
    }
  }

  @Test
  void vectorAddTakesUnderFourAndAHalfInstructionsPerElement() {
    // the fast path: 32 loads, 16 adds, 16 stores, the latch's add and branch and its 3 address steps: 69 per 16
    // elements (4.31); the rest is start-up, head and tail blocks of 4 threads; the count is deterministic
    int n = 4096;
    int[] c = new int[n];
    KernelLauncher.Result r = KernelLauncher.launch(compile(Coarse.class, "add"), PeConfig.defaults().withThreads(4),
        WorkRange.of(n), KernelLauncher.DEFAULT_BUDGET, ints(1, n), ints(2, n), c);
    assertTrue(r.failure().isEmpty());
    assertEquals(EXPECTED_ADD_INSTRUCTIONS, r.instructions());
    double perElement = (double) r.instructions() / n;
    assertTrue(perElement < 4.5, "instructions per element: " + perElement);
  }

  @Test
  void vectorAddOnManyThreadsSpendsFewInstructionsOutsideTheFastPath() {
    // issue 6: on 16 PEs x 8 threads each thread runs only ~8 blocks, so its start-up, limit, first block and exit
    // weigh; KernelLauncher puts element 0 of a at byte 20, phase 11, so blocks 0..1022 are fast (69 instructions
    // each) and the rest is 128 threads' start-up and exit plus the head (11 items) and tail (5 items) item by item
    int n = 16384;
    int[] c = new int[n];
    int[] a = ints(1, n);
    int[] b = ints(2, n);
    KernelLauncher.Result r = KernelLauncher.launchOnPes(compile(Coarse.class, "add"), PeConfig.defaults().withThreads(8),
        WorkRange.of(n), KernelLauncher.DEFAULT_BUDGET, 16, a, b, c);
    assertTrue(r.failure().isEmpty());
    for (int i = 0; i < n; i++) {
      assertEquals(a[i] + b[i], c[i], "c[" + i + "]");
    }
    assertEquals(EXPECTED_ADD_INSTRUCTIONS_16X8, r.instructions());
    double outside = (r.instructions() - 69.0 * 1023) / 128;
    assertTrue(outside < 75, "instructions per thread outside the fast path: " + outside);
  }

  /** Instructions of {@link #vectorAddOnManyThreadsSpendsFewInstructionsOutsideTheFastPath}'s launch (86,633 before issue 6's start-up work). */
  private static final long EXPECTED_ADD_INSTRUCTIONS_16X8 = 79595;

  /** Instructions of {@link #vectorAddTakesUnderFourAndAHalfInstructionsPerElement}'s launch. */
  private static final long EXPECTED_ADD_INSTRUCTIONS = 18171;

  @Test
  void aBlockStoresEightWordsOfALineTogether() {
    // the stores of two groups of four copies follow each other, so a half line reaches the write window at once
    String asm = compile(Coarse.class, "add").asm();
    int run = 0;
    int longest = 0;
    for (String line : asm.split("\n")) {
      run = line.contains("\tsw\t") && !line.contains("(x4)") ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertEquals(8, longest, asm);
  }

  /** The line of the statement marked {@code // marker} in Coarse.java. */
  private static int line(String marker) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(
          java.nio.file.Path.of("src/test/java/veneer/compiler/coarsen/Coarse.java"));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("// " + marker)) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("no line ends with // " + marker + " in Coarse.java");
  }
}
