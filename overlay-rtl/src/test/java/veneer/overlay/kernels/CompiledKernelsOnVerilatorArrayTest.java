package veneer.overlay.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayConfig;
import veneer.sim.Backend;

/**
 * A few compiled kernels on the PE array simulated by Verilator: one array shape for all of them, so
 * the model is built once (and then comes from the build cache).
 */
class CompiledKernelsOnVerilatorArrayTest {
  private static final long SEED = CompiledKernelsOnArrayTest.SEED + 100;
  private static final ArrayConfig ARRAY = CompiledKernelsOnArrayTest.array(2, 4);

  @Test
  void kernelsAndAFailureOnVerilator() {
    Random r = new Random(SEED);
    int n = 6;
    CompiledKernelsOnArrayTest.check(Backend.VERILATOR, SEED, ARRAY, "matmul", WorkRange.of2d(n, n, 1, 1),
        CompiledKernelsOnArrayTest.ints(r, n * n, 200), CompiledKernelsOnArrayTest.ints(r, n * n, 200), new int[n * n], n);
    CompiledKernelsOnArrayTest.check(Backend.VERILATOR, SEED, ARRAY, "classify", WorkRange.of(24),
        CompiledKernelsOnArrayTest.ints(r, 24, Integer.MAX_VALUE), new int[24]);
    CompiledKernelsOnArrayTest.check(Backend.VERILATOR, SEED, ARRAY, "reduce", WorkRange.of(16, 4),
        CompiledKernelsOnArrayTest.ints(r, 16, 1000), new int[4], new int[4]);
    KernelFailure f = CompiledKernelsOnArrayTest.check(Backend.VERILATOR, SEED, ARRAY, "vectorAdd", WorkRange.of(30),
        CompiledKernelsOnArrayTest.ints(r, 30, 1000), CompiledKernelsOnArrayTest.ints(r, 27, 1000), new int[30])
        .failure().orElseThrow();
    assertEquals(27, f.workItem());
  }
}
