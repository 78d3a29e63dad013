package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;

/**
 * The compiled engine agrees with the reference interpreter cycle by cycle, on every named net
 * and port, on the hand-written test designs and on random ones.
 */
class EngineAgreementTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomDesignsAgree(long seed) {
    agree(() -> new RandomDesign(seed, 120), seed, 60);
  }

  @Test
  void aDesignLargeEnoughForManyChunksAgrees() {
    agree(() -> new RandomDesign(99, 3000), 99, 20);
  }

  /**
   * Unnamed intermediates read only within their chunk are not stored in the state array: a chain
   * of 60 unnamed operations stores only the net behind the output, and still computes it right.
   */
  @Test
  void intermediatesReadOnlyInTheirChunkAreNotStored() {
    class Chain extends Module {
      Chain() {
        super("Chain");
        UInt a = input("a", UInt(32));
        UInt out = output("out", UInt(32));
        UInt x = a;
        for (int i = 0; i < 60; i++) {
          x = x.add(i + 1).resize(32).xor(a);
        }
        out.assign(x);
      }
    }
    try (JvmSimulator sim = Engines.open(new Chain(), JvmEngine.COMPILED)) {
      CompiledModel model = (CompiledModel) sim.model();
      assertTrue(model.combNets() >= 120, "the chain should have at least 120 operations, has " + model.combNets());
      assertEquals(1, model.storedCombNets(), "only the output's net should be stored");
      Random rnd = new Random(5);
      for (int k = 0; k < 20; k++) {
        long a = rnd.nextInt() & 0xFFFFFFFFL;
        long x = a;
        for (int i = 0; i < 60; i++) {
          x = ((x + i + 1) & 0xFFFFFFFFL) ^ a;
        }
        sim.poke("a", a);
        assertEquals(x, sim.peek("out"), "chain of a = " + a + " (seed 5)");
      }
    }
  }

  @Test
  void handWrittenDesignsAgree() {
    agree(() -> new TestDesigns.Counter(8), 11, 100);
    agree(TestDesigns.ShiftRegister::new, 12, 100);
    agree(TestDesigns.MemoryDesign::new, 13, 300);
    agree(TestDesigns.Hierarchy::new, 14, 100);
    agree(() -> new AllOps(77), 15, 100);
    agree(() -> new veneer.sim.bench.LfsrAluLanes(4, 32), 16, 300);
  }

  @Test
  void sameInputsGiveTheSameRunTwice() {
    List<String> first = trace(Engines.open(new RandomDesign(42, 100), JvmEngine.COMPILED), 42, 50);
    List<String> second = trace(Engines.open(new RandomDesign(42, 100), JvmEngine.COMPILED), 42, 50);
    assertEquals(first, second);
  }

  private static List<String> trace(JvmSimulator sim, long seed, int cycles) {
    List<String> out = new ArrayList<>();
    Random rnd = new Random(seed);
    try (sim) {
      for (int c = 0; c < cycles; c++) {
        drive(sim, rnd, c);
        sim.step();
        for (String port : sim.flat().outputs().keySet()) {
          out.add(port + "=" + sim.peekWide(port));
        }
      }
    }
    return out;
  }

  private static void drive(JvmSimulator sim, Random rnd, int cycle) {
    FlatNetlist flat = sim.flat();
    for (String in : flat.inputs().keySet()) {
      if (in.equals("clk")) {
        continue;
      }
      int w = flat.net(flat.input(in)).width();
      BigInteger v = in.equals("reset") ? BigInteger.valueOf(cycle < 2 ? 1 : 0) : new BigInteger(w, rnd);
      sim.poke(in, v);
    }
  }

  private static void agree(Supplier<Module> design, long seed, int cycles) {
    try (JvmSimulator ref = Engines.open(design.get(), JvmEngine.INTERPRETER);
        JvmSimulator fast = Engines.open(design.get(), JvmEngine.COMPILED)) {
      Random r1 = new Random(seed);
      Random r2 = new Random(seed);
      FlatNetlist flat = ref.flat();
      int checked = 0;
      for (int c = 0; c < cycles; c++) {
        drive(ref, r1, c);
        drive(fast, r2, c);
        for (FlatNet n : flat.nets()) {
          if (n.named()) {
            BigInteger want = ref.peekNet(n.name());
            assertEquals(want, fast.peekNet(n.name()), flat.topName() + " net " + n.name() + " in cycle " + c
                + " (seed " + seed + ")");
            checked++;
          }
        }
        Engines.assertMemoriesEqual(ref, fast, flat, "cycle " + c + " (seed " + seed + ")");
        ref.step();
        fast.step();
      }
      assertTrue(checked > cycles, "compared " + checked + " values");
    }
  }
}
