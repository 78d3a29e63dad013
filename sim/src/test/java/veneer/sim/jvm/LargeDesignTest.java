package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;

/**
 * A design whose generated code does not fit one class file (before the chunks were spread over
 * part classes this failed with ASM's ClassTooLargeException: its constant pool needs well over
 * 65,535 entries) compiles, and the compiled engine agrees with the interpreter on every register,
 * port and memory word, cycle by cycle, under seeded random inputs.
 */
class LargeDesignTest {
  private static final int LANES = 12_000;
  private static final long SEED = 20261129;
  private static final int CYCLES = 24;

  @Test
  void aDesignTooLargeForOneClassFileAgreesWithTheInterpreter() {
    try (JvmSimulator ref = Engines.open(new ManyLanes(LANES, SEED), JvmEngine.INTERPRETER);
        JvmSimulator fast = Engines.open(new ManyLanes(LANES, SEED), JvmEngine.COMPILED)) {
      int classes = ((CompiledModel) fast.model()).generatedClasses();
      // the kernel, one tick part and at least two eval parts
      assertTrue(classes >= 4, "the design should need several generated classes, got " + classes);
      FlatNetlist flat = ref.flat();
      Random rnd = new Random(SEED);
      int compared = 0;
      for (int c = 0; c < CYCLES; c++) {
        long in = rnd.nextLong();
        long we = rnd.nextInt(4) == 0 ? 0 : 1;
        for (JvmSimulator sim : List.of(ref, fast)) {
          sim.poke("reset", c < 2 ? 1 : 0);
          sim.poke("in", in);
          sim.poke("we", we);
        }
        String where = " in cycle " + c + " (seed " + SEED + ")";
        // peeking the outputs settles both engines; then every named net is read straight from the
        // models (peekNet looks names up one by one, too slow for this many nets)
        for (String port : flat.outputs().keySet()) {
          assertEquals(ref.peekWide(port), fast.peekWide(port), "output " + port + where);
        }
        for (FlatNet n : flat.nets()) {
          if (n.named()) {
            int source = flat.source(n.id());
            BigInteger want = ref.model().value(source);
            assertEquals(want, fast.model().value(source), "net " + n.name() + where);
            compared++;
          }
        }
        for (int m = 0; m < flat.memories().size(); m++) {
          String path = flat.memories().get(m).path();
          int depth = flat.memories().get(m).depth();
          assertEquals(List.of(ref.readMemory(path, 0, depth)), List.of(fast.readMemory(path, 0, depth)),
              "memory " + path + where);
        }
        ref.step();
        fast.step();
      }
      assertTrue(compared >= CYCLES * LANES, "compared only " + compared + " net values");
      assertTrue(ref.peekWide("out").signum() != 0, "the checksum should not be stuck at zero");
    }
  }
}
