package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;

/**
 * Chunks spread over part classes and caller levels still run exactly once each, in order. Small
 * limits reach the cases that real designs reach only with millions of nets: parts closed by the
 * constant budget and more parts than one caller may call.
 */
class ChunkSequenceTest {
  private static final long SEED = 7;

  @Test
  void manyPartsAreGroupedByCallerClassesAndRunInOrder() {
    Map<String, byte[]> classes = new HashMap<>();
    ChunkSequence seq = new ChunkSequence("veneer/sim/jvm/kernel/TestSeqA", classes, 3, ChunkSequence.CONSTANT_BUDGET);
    long[] constants = new Random(SEED).longs(50).toArray();
    for (long k : constants) {
      emitChunk(seq, k);
    }
    List<ChunkSequence.Step> roots = seq.finish();
    // 50 chunks -> 17 parts -> 6 callers -> 2 callers
    assertEquals(2, roots.size(), "roots " + roots);
    assertEquals(17 + 6 + 2, classes.size(), "classes " + classes.keySet());
    assertEquals(expected(constants), run(classes, roots), "seed " + SEED);
  }

  @Test
  void thePartsCloseWhenTheConstantBudgetIsSpent() {
    Map<String, byte[]> classes = new HashMap<>();
    ChunkSequence seq = new ChunkSequence("veneer/sim/jvm/kernel/TestSeqB", classes, ChunkSequence.MAX_CALLS, 40);
    long[] constants = new Random(SEED + 1).longs(20).toArray();
    for (long k : constants) {
      emitChunk(seq, k);
    }
    List<ChunkSequence.Step> roots = seq.finish();
    assertTrue(seq.partCount() > 5, "the budget should have closed several parts, got " + seq.partCount());
    assertEquals(seq.partCount(), roots.size());
    assertEquals(expected(constants), run(classes, roots), "seed " + SEED);
  }

  @Test
  void limitsBeyondTheClassFileFormatAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChunkSequence("x", new HashMap<>(), 1, 10));
    assertTrue(e.getMessage().contains("maxCalls"), e.getMessage());
  }

  /** One chunk: {@code s[0] = s[0] * 31 + k}, so the result depends on the order of the chunks. */
  private static void emitChunk(ChunkSequence seq, long k) {
    MethodVisitor mv = seq.beginChunk();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ICONST_0);
    mv.visitInsn(LALOAD);
    seq.constant(31L, 2);
    mv.visitLdcInsn(31L);
    mv.visitInsn(LMUL);
    seq.constant(k, 2);
    mv.visitLdcInsn(k);
    mv.visitInsn(LADD);
    mv.visitInsn(LASTORE);
    seq.endChunk();
  }

  private static long expected(long[] constants) {
    long v = 1;
    for (long k : constants) {
      v = v * 31 + k;
    }
    return v;
  }

  private static long run(Map<String, byte[]> classes, List<ChunkSequence.Step> roots) {
    long[] s = {1};
    long[][] m = new long[0][];
    KernelLoader loader = new KernelLoader(ChunkSequenceTest.class.getClassLoader(), classes);
    try {
      for (ChunkSequence.Step step : roots) {
        Class<?> c = loader.loadClass(step.owner().replace('/', '.'));
        c.getMethod(step.name(), long[].class, long[][].class).invoke(null, s, m);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot run the generated classes", e);
    }
    return s[0];
  }
}
