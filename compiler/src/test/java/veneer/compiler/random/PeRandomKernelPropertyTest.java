package veneer.compiler.random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import veneer.compiler.CompileOptions;
import veneer.compiler.Oracle;
import veneer.compiler.PeOracle;
import veneer.kernel.WorkRange;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random kernels (int and long arithmetic, divisions that may hit zero, out-of-range indices,
 * casts, intrinsics, switches, loops) compiled to RV32IM and run on the PE model: memory and
 * failure must equal the JVM's. One hardware thread, because random kernels read and write each
 * other's elements (races the JVM resolves by running items in order; one thread runs them in the
 * same order). Seeded; the failing seeds are in the message.
 */
class PeRandomKernelPropertyTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  @Property(tries = 600, seed = "20240612")
  void compiledKernelMatchesJvm(@ForAll long programSeed, @ForAll long inputSeed, @ForAll @IntRange(min = 10, max = 20) int length) {
    int threads = 1;
    String name = "veneer/compiler/random/PeGen" + COUNTER.incrementAndGet();
    Class<?> kernel = RandomKernel.generate(name, programSeed);
    Random r = new Random(inputSeed);
    int[] data = new int[length];
    for (int i = 0; i < length; i++) {
      data[i] = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(64) - 16;
    }
    try {
      Oracle.Run run = PeOracle.check(kernel, "k", WorkRange.of(3), threads, CompileOptions.defaults(),
          data, r.nextInt(200) - 100, r.nextLong());
      Statistics.label("outcome").collect(run.failure().map(f -> f.kind().toString()).orElse("completed"));
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("program seed " + programSeed + ", input seed " + inputSeed + ", length " + length
          + ", threads " + threads + ": " + e.getMessage(), e);
    }
  }
}
