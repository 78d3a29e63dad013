package veneer.compiler.backend;

import org.junit.jupiter.api.Test;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.PeOracle;
import veneer.kernel.WorkRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dense switches compile to a range check and a jump table ({@code auipc; add; jalr x0,12(..)} then one
 * {@code jal} per slot); results on the PE model equal the JVM's for keys inside, at the edges of and
 * outside the range. Sparse or small switches stay compare chains.
 */
class JumpTableTest {
  private static final long SEED = 4242;

  private static int[] around(int from, int to, int n, Random r) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i < to - from + 5 ? from - 2 + i : from + r.nextInt(to - from + 1);
    }
    return a;
  }

  private static boolean hasTable(CompiledKernel k) {
    return k.asm().contains("auipc") && k.asm().contains("jalr\tx0,12(");
  }

  @Test
  void denseSwitchesBecomeJumpTablesAndMatchTheJvm() {
    Random r = new Random(SEED);
    int n = 40;
    int[] bits = new int[n];
    for (int i = 0; i < n; i++) {
      bits[i] = r.nextInt();
    }
    for (int threads : new int[] {1, 4}) {
      PeOracle.check(Switches.class, "loop", WorkRange.of(n), threads, CompileOptions.defaults(), bits.clone(), new int[n]);
      PeOracle.check(Switches.class, "negative", WorkRange.of(n), threads, CompileOptions.defaults(), around(-20, 20, n, r), new int[n]);
      PeOracle.check(Switches.class, "nearMin", WorkRange.of(n), threads, CompileOptions.defaults(),
          around(Integer.MIN_VALUE + 2, Integer.MIN_VALUE + 8, n, r), new int[n]);
      PeOracle.check(Switches.class, "offset", WorkRange.of(n), threads, CompileOptions.defaults(), around(995, 1010, n, r), new int[n]);
    }
    for (String k : new String[] {"loop", "negative", "nearMin", "offset"}) {
      CompiledKernel c = KernelCompiler.compile(Switches.class, k, CompileOptions.defaults());
      assertTrue(hasTable(c), k + " has a jump table\n" + c.asm());
    }
  }

  @Test
  void onlyDenseSwitchesWithEnoughCasesGetATable() {
    assertTrue(InstructionSelector.isDense(new int[] {0, 1, 2, 3}));
    assertTrue(InstructionSelector.isDense(new int[] {0, 2, 4, 6, 8, 11}));
    assertFalse(InstructionSelector.isDense(new int[] {0, 1, 2}), "three cases: a chain is as short");
    assertFalse(InstructionSelector.isDense(new int[] {0, 10, 20, 30}), "too sparse");
    assertFalse(InstructionSelector.isDense(new int[] {Integer.MIN_VALUE, 0, 1, Integer.MAX_VALUE}));
    int[] wide = new int[600];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = i;
    }
    assertFalse(InstructionSelector.isDense(wide), "more slots than a table may have");
    // the corpus kernel's sparse switch (-500, 7, 100, 999, 123456) stays a chain: one table only
    // (one body copy: without coarsening)
    CompiledKernel c = KernelCompiler.compile(veneer.compiler.corpus.Algorithms.class, "switches",
        CompileOptions.defaults().withSpecialise(false).withCoarsening(1));
    assertEquals(1, c.asm().split("jalr\tx0,12\\(").length - 1, c.asm());
  }
}
