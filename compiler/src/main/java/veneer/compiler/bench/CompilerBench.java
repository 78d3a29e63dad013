package veneer.compiler.bench;

import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.asm.Assembler;
import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.launch.KernelLauncher;
import veneer.isa.pe.PeConfig;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.WorkRange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The compiler benchmark: for each kernel of {@link BenchKernels}, the median compile time over
 * warm runs, the instructions per element the compiled kernel executes on the PE model, the same
 * for the hand-written assembly version, and their ratio; the coarsening factor the compiler chose and the
 * instructions per element without coarsening, and the instructions per element of the same launch on
 * {@link #ARRAY_PES} PEs of {@link #ARRAY_THREADS} threads, where the threads' start-up and exit weigh. Every run is checked against the JVM
 * result, so a figure is never reported for a wrong answer. Prints a table and one JSON object
 * (keys documented in docs/benchmarks.md).
 *
 * <pre>{@code
 * CompilerBench.Report r = CompilerBench.run(4);
 * System.out.println(r.table());
 * System.out.println(r.json());
 * }</pre>
 */
public final class CompilerBench {
  /** Goal: median compile time in milliseconds. */
  public static final double COMPILE_MS_GOAL = 50.0;
  /** Goal: compiled / hand-written instructions per element. */
  public static final double RATIO_GOAL = 1.25;
  private static final int WARMUP = 15;
  private static final int TIMED = 21;
  /** The many-thread figure's array: a thread's start-up and exit weigh there (docs/array-throughput.md). */
  public static final int ARRAY_PES = 16;
  public static final int ARRAY_THREADS = 8;

  /** One kernel's figures. */
  public record Row(String kernel, double compileMsMedian, int codeBytes, double instructionsPerElement,
            double handInstructionsPerElement, long elements, double uncheckedInstructionsPerElement,
            int coarsening, double uncoarsenedInstructionsPerElement, double arrayInstructionsPerElement) {
    public double ratio() {
      return instructionsPerElement / handInstructionsPerElement;
    }

    /** What the bounds checks that remain after optimisation cost, instructions per element. */
    public double boundsCheckInstructionsPerElement() {
      return instructionsPerElement - uncheckedInstructionsPerElement;
    }
  }

  /** All rows and the thread count used. */
  public record Report(int threads, List<Row> rows) {
    /** A fixed-width text table. */
    public String table() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s %8s %10s %10s %7s %10s %10s %4s %10s %10s%n",
          "kernel", "compile ms", "bytes", "instr/elem", "hand", "ratio", "unchecked", "checks", "K", "K=1",
          ARRAY_PES + "x" + ARRAY_THREADS));
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "%-12s %10.2f %8d %10.3f %10.3f %7.3f %10.3f %10.3f %4d %10.3f %10.3f%n", r.kernel,
            r.compileMsMedian, r.codeBytes, r.instructionsPerElement, r.handInstructionsPerElement, r.ratio(),
            r.uncheckedInstructionsPerElement, r.boundsCheckInstructionsPerElement(), r.coarsening,
            r.uncoarsenedInstructionsPerElement, r.arrayInstructionsPerElement));
      }
      return sb.toString();
    }

    /** One JSON object, keys as in docs/benchmarks.md. */
    public String json() {
      StringBuilder sb = new StringBuilder("{\"threads\":" + threads + ",\"array\":{\"pes\":" + ARRAY_PES + ",\"threads\":"
          + ARRAY_THREADS + "},\"goals\":{\"compile_ms_median\":"
          + COMPILE_MS_GOAL + ",\"ratio\":" + RATIO_GOAL + "},\"kernels\":[");
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
            "{\"name\":\"%s\",\"compile_ms_median\":%.3f,\"code_bytes\":%d,\"elements\":%d,"
                + "\"instructions_per_element\":%.3f,\"hand_instructions_per_element\":%.3f,\"ratio\":%.4f,"
                + "\"unchecked_instructions_per_element\":%.3f,\"bounds_check_instructions_per_element\":%.3f,"
                + "\"coarsening\":%d,\"uncoarsened_instructions_per_element\":%.3f,\"array_instructions_per_element\":%.3f}",
            r.kernel, r.compileMsMedian, r.codeBytes, r.elements, r.instructionsPerElement,
            r.handInstructionsPerElement, r.ratio(), r.uncheckedInstructionsPerElement,
            r.boundsCheckInstructionsPerElement(), r.coarsening, r.uncoarsenedInstructionsPerElement,
            r.arrayInstructionsPerElement));
      }
      double worstMs = rows.stream().mapToDouble(Row::compileMsMedian).max().orElse(0);
      double worstRatio = rows.stream().mapToDouble(Row::ratio).max().orElse(0);
      sb.append(String.format(Locale.ROOT, "],\"max_compile_ms_median\":%.3f,\"max_ratio\":%.4f}", worstMs, worstRatio));
      return sb.toString();
    }
  }

  private record Case(String kernel, String asm, WorkRange range, Supplier<Object[]> args, long elements) {
  }

  private CompilerBench() {
  }

  private static List<Case> cases() {
    int n = 4096;
    List<Case> c = new ArrayList<>();
    c.add(new Case("vectorAdd", "vector_add.s", WorkRange.of(n), () -> new Object[] {ints(1, n), ints(2, n), new int[n]}, n));
    c.add(new Case("saxpy", "saxpy.s", WorkRange.of(n), () -> new Object[] {3 << 15, ints(3, n), ints(4, n)}, n));
    c.add(new Case("dot", "dot.s", WorkRange.of(64), () -> new Object[] {ints(5, n), ints(6, n), new long[64]}, n));
    c.add(new Case("histogram", "histogram.s", WorkRange.of(64), () -> new Object[] {bytes(7, n), new int[64 * 16], 64}, n));
    c.add(new Case("crc32", "crc32.s", WorkRange.of(16), () -> new Object[] {bytes(8, 1024), new int[16], 64}, 1024));
    return c;
  }

  private static int[] ints(long seed, int n) {
    Random r = new Random(seed);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt();
    }
    return a;
  }

  private static byte[] bytes(long seed, int n) {
    byte[] a = new byte[n];
    new Random(seed).nextBytes(a);
    return a;
  }

  /** Prints the table and the JSON object for 4 threads (or {@code args[0]}); {@code ./veneer bench compiler} does the same. */
  public static void main(String[] args) {
    Report r = run(args.length > 0 ? Integer.parseInt(args[0]) : 4);
    System.out.print(r.table());
    System.out.println(r.json());
  }

  /** Runs every case with {@code threads} hardware threads. */
  public static Report run(int threads) {
    List<Row> rows = new ArrayList<>();
    for (Case c : cases()) {
      double ms = medianCompileMs(c.kernel);
      CompiledKernel compiled = KernelCompiler.compile(BenchKernels.class, c.kernel, CompileOptions.defaults());
      CompiledKernel hand = handWritten(c.kernel, c.asm);
      Object[] expected = c.args.get();
      JvmKernelRunner.run(BenchKernels.class, c.kernel, c.range, expected).ifPresent(f -> {
        throw new IllegalStateException("benchmark input of " + c.kernel + " fails on the JVM: " + f);
      });
      long mine = instructions(compiled, c, threads, expected);
      long theirs = instructions(hand, c, threads, expected);
      CompiledKernel unchecked = KernelCompiler.compile(BenchKernels.class, c.kernel, CompileOptions.defaults().withBoundsChecks(false));
      long bare = instructions(unchecked, c, threads, expected);
      CompiledKernel single = KernelCompiler.compile(BenchKernels.class, c.kernel, CompileOptions.defaults().withCoarsening(1));
      long one = instructions(single, c, threads, expected);
      long array = instructions(compiled, c, ARRAY_PES, ARRAY_THREADS, expected);
      rows.add(new Row(c.kernel, ms, compiled.codeBytes(), (double) mine / c.elements, (double) theirs / c.elements, c.elements,
          (double) bare / c.elements, compiled.coarsening(), (double) one / c.elements, (double) array / c.elements));
    }
    return new Report(threads, rows);
  }

  private static long instructions(CompiledKernel k, Case c, int threads, Object[] expected) {
    return instructions(k, c, 1, threads, expected);
  }

  /** Instructions issued by all {@code pes} PE models of {@code threads} threads, after checking the result. */
  private static long instructions(CompiledKernel k, Case c, int pes, int threads, Object[] expected) {
    Object[] args = c.args.get();
    KernelLauncher.Result r = KernelLauncher.launchOnPes(k, PeConfig.defaults().withThreads(threads), c.range,
        KernelLauncher.DEFAULT_BUDGET, pes, args);
    if (r.failure().isPresent() || !Arrays.deepEquals(args, expected)) {
      throw new IllegalStateException(k.name() + " computed a different result than the JVM"
          + r.failure().map(f -> " (failure " + f + ")").orElse(""));
    }
    return r.instructions();
  }

  private static double medianCompileMs(String kernel) {
    for (int i = 0; i < WARMUP; i++) {
      KernelCompiler.compile(BenchKernels.class, kernel, CompileOptions.defaults());
    }
    double[] t = new double[TIMED];
    for (int i = 0; i < TIMED; i++) {
      long t0 = System.nanoTime();
      KernelCompiler.compile(BenchKernels.class, kernel, CompileOptions.defaults());
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t[TIMED / 2];
  }

  /** The hand-written version of {@code kernel}, assembled with our assembler, with the kernel's argument layout. */
  static CompiledKernel handWritten(String kernel, String resource) {
    String src;
    try (InputStream in = CompilerBench.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource veneer/compiler/bench/" + resource);
      }
      src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Assembler.Result a = Assembler.assemble(src, resource);
    ArgumentLayout layout = ArgumentLayout.of(KernelCompiler.frontEnd(BenchKernels.class, kernel).kernel());
    return new CompiledKernel("hand:" + kernel, a.elf(), layout, List.of(), false, "", a.textWords(),
        Map.of("_start", 0), Map.of());
  }
}
