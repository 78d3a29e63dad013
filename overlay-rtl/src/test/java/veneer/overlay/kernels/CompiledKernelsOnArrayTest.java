package veneer.overlay.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.memory.CoalescerConfig;
import veneer.sim.Backend;

/**
 * Kernels compiled from Java by veneer-compiler run on the RTL PE array (JVM simulator back end)
 * with 2 to 4 PEs: every array must equal the JVM's result, and a failing kernel's failure, read
 * from the failure table, must name the same kernel line and work-item as the JVM.
 */
class CompiledKernelsOnArrayTest {
  static final long SEED = 20261129L;

  static ArrayConfig array(int pes, int threads) {
    return new ArrayConfig(pes, threads, 1024, 1024, CoalescerConfig.forThreads(threads));
  }

  /** Runs on the JVM and on the array; compares failures and every argument. */
  static ArrayKernelRunner.Outcome check(ArrayConfig config, String kernel, WorkRange range, Object... args) {
    return check(Backend.JVM, SEED, config, kernel, range, args);
  }

  /** {@code seed} made the inputs; it is printed with a failure. */
  static ArrayKernelRunner.Outcome check(Backend backend, long seed, ArrayConfig config, String kernel, WorkRange range,
      Object... args) {
    Object[] expected = deepCopy(args);
    Optional<KernelFailure> jvm = JvmKernelRunner.run(ArrayKernels.class, kernel, range, expected);
    CompiledKernel k = KernelCompiler.compile(ArrayKernels.class, kernel, CompileOptions.defaults().withImemBytes(4 * config.imemWords()));
    ArrayKernelRunner.Outcome out = ArrayKernelRunner.run(backend, config, k, range, 2_000_000, args);
    String where = kernel + " on " + config.pes() + " PEs x " + config.threadsPerPe() + " threads, " + backend + " (seed " + seed + ")";
    assertEquals(jvm, out.failure(), where + ": failure");
    for (int i = 0; i < args.length; i++) {
      assertTrue(Arrays.deepEquals(new Object[] {expected[i]}, new Object[] {args[i]}),
          where + ": argument " + i + " differs\n JVM   " + Arrays.deepToString(new Object[] {expected[i]})
              + "\n array " + Arrays.deepToString(new Object[] {args[i]}));
    }
    System.out.println(where + ": " + out.cycles() + " cycles, instructions per PE " + Arrays.toString(out.retired()));
    return out;
  }

  private static Object[] deepCopy(Object[] args) {
    Object[] c = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof int[] x) {
        c[i] = x.clone();
      } else if (a instanceof byte[] x) {
        c[i] = x.clone();
      } else {
        c[i] = a;
      }
    }
    return c;
  }

  static int[] ints(Random r, int n, int bound) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt(bound) - bound / 2;
    }
    return a;
  }

  @Test
  void vectorAddOnThreePes() {
    Random r = new Random(SEED);
    int n = 100;
    ArrayKernelRunner.Outcome out = check(array(3, 4), "vectorAdd", WorkRange.of(n), ints(r, n, 1 << 30), ints(r, n, 1 << 30), new int[n]);
    // every PE took its share: items g, g + 12, ... for g = pe * 4 + t
    for (int pe = 0; pe < 3; pe++) {
      assertTrue(out.retired()[pe] > 8 * 8, "PE " + pe + " retired only " + out.retired()[pe] + " instructions");
    }
  }

  @Test
  void matrixMultiplyOnTwoPes() {
    Random r = new Random(SEED + 1);
    int n = 6;
    check(array(2, 4), "matmul", WorkRange.of2d(n, n, 1, 1), ints(r, n * n, 200), ints(r, n * n, 200), new int[n * n], n);
  }

  @Test
  void convolutionOnFourPes() {
    Random r = new Random(SEED + 2);
    int w = 7;
    int h = 5;
    check(array(4, 2), "convolve", WorkRange.of2d(w, h, 1, 1), ints(r, w * h, 256), new int[] {1, 2, 1, 2, 4, 2, 1, 2, 1},
        new int[w * h], w, h);
  }

  @Test
  void histogramOnTwoPes() {
    Random r = new Random(SEED + 3);
    byte[] data = new byte[90];
    r.nextBytes(data);
    int items = 10;
    check(array(2, 4), "histogram", WorkRange.of(items), data, new int[16 * items], 9);
  }

  @Test
  void workGroupReductionWithBarriersOnTwoPes() {
    Random r = new Random(SEED + 4);
    int n = 24;
    check(array(2, 8), "reduce", WorkRange.of(n, 4), ints(r, n, 1000), new int[n / 4], new int[4]);
  }

  @Test
  void jumpTableSwitchOnTwoPes() {
    Random r = new Random(SEED + 6);
    int n = 40;
    ArrayKernelRunner.Outcome out = check(array(2, 4), "classify", WorkRange.of(n), ints(r, n, Integer.MAX_VALUE), new int[n]);
    assertTrue(KernelCompiler.compile(ArrayKernels.class, "classify", CompileOptions.defaults()).asm().contains("auipc"),
        "the switch is compiled to a jump table");
    assertTrue(out.retired()[0] > 100 && out.retired()[1] > 100, "both PEs ran items: " + Arrays.toString(out.retired()));
  }

  @Test
  void aBoundsFailureNamesTheKernelLineAndLowestWorkItem() {
    Random r = new Random(SEED + 5);
    ArrayKernelRunner.Outcome out = check(array(3, 4), "vectorAdd", WorkRange.of(40), ints(r, 33, 1000), ints(r, 40, 1000), new int[40]);
    KernelFailure f = out.failure().orElseThrow();
    assertEquals(KernelFailure.Kind.BOUNDS, f.kind());
    assertEquals("ArrayKernels.java", f.file());
    assertEquals(33, f.workItem());
  }
}
