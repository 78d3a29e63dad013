package veneer.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.WorkRange;
import veneer.runtime.User;

/**
 * The examples as runnable, self-checking cases with seeded random inputs: each runs its host
 * program on a device, computes the same thing with the same kernels on the JVM
 * ({@link JvmKernelRunner}) and compares. The demo and the tests use them.
 *
 * <pre>{@code
 * for (Examples.Case c : Examples.standard(1)) {
 *   ExampleOutcome o = c.run(dev.user());
 * }
 * }</pre>
 */
public final class Examples {
  private Examples() {}

  /** One example with its inputs. */
  public record Case(String name, Function<User, ExampleOutcome> body) {
    public ExampleOutcome run(User user) {
      return body.apply(user);
    }
  }

  /** The four overlay examples at demo sizes, the vector add over {@code vectorLength} elements. */
  public static List<Case> standard(int vectorLength, long seed) {
    return List.of(vectorAdd(vectorLength, seed), matrixMultiply(16, seed), convolution(32, 16, seed),
        histogram(4096, 128, seed));
  }

  public static Case vectorAdd(int n, long seed) {
    return new Case("vector add", user -> {
      Random r = new Random(seed);
      int[] a = r.ints(n).toArray();
      int[] b = r.ints(n).toArray();
      HostRun<int[]> run = VectorAdd.onDevice(user, a, b);
      int[] expected = new int[n];
      JvmKernelRunner.run(VectorAdd.class, "add", WorkRange.of(n), a, b, expected);
      return outcome("vector add", n, 12L * n, run, Arrays.equals(expected, run.output()), diff(expected, run.output()));
    });
  }

  public static Case matrixMultiply(int n, long seed) {
    return new Case("matrix multiply", user -> {
      Random r = new Random(seed);
      int[] a = r.ints(n * n, -100, 100).toArray();
      int[] b = r.ints(n * n, -100, 100).toArray();
      HostRun<int[]> run = MatrixMultiply.onDevice(user, a, b, n);
      int[] expected = new int[n * n];
      JvmKernelRunner.run(MatrixMultiply.class, "multiply", WorkRange.of2d(n, n, 1, 1), a, b, expected, n);
      return outcome("matrix multiply " + n + "x" + n, (long) n * n, 12L * n * n, run,
          Arrays.equals(expected, run.output()), diff(expected, run.output()));
    });
  }

  public static Case convolution(int width, int height, long seed) {
    return new Case("3x3 convolution", user -> {
      byte[] image = new byte[width * height];
      new Random(seed).nextBytes(image);
      HostRun<byte[]> run = Convolution2d.onDevice(user, image, width, height, Convolution2d.BLUR, 4);
      byte[] expected = new byte[width * height];
      JvmKernelRunner.run(Convolution2d.class, "convolve", WorkRange.of2d(width, height, 1, 1), image, Convolution2d.BLUR,
          expected, width, height, 4);
      return outcome("3x3 blur " + width + "x" + height, (long) width * height, 2L * width * height + 36, run,
          Arrays.equals(expected, run.output()), diff(toInts(expected), toInts(run.output())));
    });
  }

  public static Case histogram(int bytes, int chunk, long seed) {
    return new Case("histogram", user -> {
      byte[] data = new byte[bytes];
      new Random(seed).nextBytes(data);
      HostRun<int[]> run = Histogram.onDevice(user, data, chunk);
      int chunks = Histogram.chunks(bytes, chunk);
      int[] rows = new int[chunks * Histogram.BINS];
      int[] expected = new int[Histogram.BINS];
      JvmKernelRunner.run(Histogram.class, "partial", WorkRange.of(chunks), data, rows, chunk);
      JvmKernelRunner.run(Histogram.class, "merge", WorkRange.of(Histogram.BINS), rows, expected, chunks);
      // read: the data, the partial rows twice; written: the rows, the bins
      long moved = bytes + 3L * 4 * rows.length + 4L * Histogram.BINS;
      return outcome("histogram " + bytes + " B", bytes, moved, run, Arrays.equals(expected, run.output()),
          diff(expected, run.output()));
    });
  }

  private static ExampleOutcome outcome(String name, long elements, long bytes, HostRun<?> run, boolean ok, String diff) {
    return new ExampleOutcome(name, elements, bytes, run.cycles(), run.retired(), run.compileNanos(), ok, diff);
  }

  private static int[] toInts(byte[] b) {
    int[] v = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      v[i] = b[i] & 0xFF;
    }
    return v;
  }

  /** "equal to the JVM" or the first index where they differ. */
  static String diff(int[] expected, int[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] != actual[i]) {
        return "element " + i + ": JVM " + expected[i] + ", device " + actual[i];
      }
    }
    return "equal to the JVM";
  }
}
