package veneer.compiler.random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import veneer.compiler.Oracle;
import veneer.kernel.WorkRange;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Randomly generated kernels, compiled through the front end and every standard pass: the IR
 * interpreter must agree with the JVM (memory and failure) after each stage. Seeded: jqwik prints
 * the seed and the failing sample; rerun with the same {@code seed} to reproduce.
 */
class RandomKernelPropertyTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @Property(tries = 1000, seed = "20240611")
  void irInterpreterMatchesJvm(@ForAll long programSeed, @ForAll long inputSeed, @ForAll @IntRange(min = 10, max = 20) int length) {
    String name = "veneer/compiler/random/Gen" + COUNTER.incrementAndGet();
    Class<?> kernel = RandomKernel.generate(name, programSeed);
    Random r = new Random(inputSeed);
    int[] data = new int[length];
    for (int i = 0; i < length; i++) {
      data[i] = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(64) - 16;
    }
    try {
      Oracle.Run run = Oracle.check(kernel, "k", WorkRange.of(3), data, r.nextInt(200) - 100, r.nextLong());
      Statistics.label("outcome").collect(run.failure().map(f -> f.kind().toString()).orElse("completed"));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("program seed " + programSeed + ", input seed " + inputSeed + ", length " + length
          + ": " + e.getMessage(), e);
    }
  }
}
