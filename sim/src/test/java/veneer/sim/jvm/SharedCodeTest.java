package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.sim.flat.FlatNetlist;

/**
 * Repeated instances share their eval code (one method per distinct chunk, called with each
 * instance's table of offsets): the compiled engine still agrees with the interpreter on every
 * named net and memory word in every cycle, with lanes chained combinationally (so the comb order
 * interleaves them), one lane of the same module with a different body (same name, so it is a
 * repeated instance whose chunks only partly match), inputs that rarely change (so a lane's
 * shared chunk runs for some lanes and not others) and back-door writes to one lane's memory.
 */
class SharedCodeTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void repeatedInstancesShareCodeAndAgree(long seed) {
    try (JvmSimulator ref = Engines.open(new Lanes(seed, 5, 150), JvmEngine.INTERPRETER);
        JvmSimulator fast = Engines.open(new Lanes(seed, 5, 150), JvmEngine.COMPILED)) {
      CompiledModel model = (CompiledModel) fast.model();
      assertTrue(model.sharedMethods() > 0, "five lanes of one module should share code (seed " + seed + ")");
      assertTrue(model.activity().chunks() >= 6, "each lane should have chunks of its own, found "
          + model.activity().chunks() + " (seed " + seed + ")");
      drive(ref, fast, seed, 80);
    }
  }

  /** {@code copies} lanes of one random module, chained: lane i reads lane i-1's outputs. */
  static final class Lanes extends Module {
    Lanes(long seed, int copies, int ops) {
      super("Lanes");
      List<UInt> x = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        x.add(input("x" + i, UInt(70)));
      }
      Bool flag = input("flag", Bool());
      UInt loop = reg("loop", UInt(70), 0);
      List<UInt> prev = x;
      for (int i = 0; i <= copies; i++) {
        // the last lane has a longer body under the same module name
        RandomDesign d = instance("lane" + i, new RandomDesign(seed, i == copies ? ops + 7 : ops));
        for (int k = 0; k < 4; k++) {
          UInt v = k == 3 && i == 0 ? loop : prev.get(k % prev.size()).resize(70).xor(x.get(k));
          d.ins.get(k).assign(v.resize(d.ins.get(k).width()));
        }
        d.flag.assign(i % 2 == 0 ? flag : flag.not());
        for (int k = 0; k < d.outs.size(); k++) {
          output("o" + i + "_" + k, UInt(d.outs.get(k).width())).assign(d.outs.get(k));
        }
        prev = d.outs;
      }
      loop.assign(prev.get(0).resize(70));
    }
  }

  private static void drive(JvmSimulator ref, JvmSimulator fast, long seed, int cycles) {
    Random rnd = new Random(seed);
    FlatNetlist flat = ref.flat();
    List<String> inputs = Engines.drivenInputs(flat);
    for (int c = 0; c < cycles; c++) {
      Engines.pokeRandomInputs(ref, fast, flat, inputs, rnd, c);
      if (rnd.nextInt(10) == 0) {
        BigInteger[] word = {new BigInteger(72, rnd)};
        int addr = rnd.nextInt(16);
        ref.writeMemory("lane2.ram", addr, word);
        fast.writeMemory("lane2.ram", addr, word);
      }
      String where = "cycle " + c + " (seed " + seed + ")";
      Engines.assertNamedNetsEqual(ref, fast, flat, where);
      Engines.assertMemoriesEqual(ref, fast, flat, where);
      ref.step();
      fast.step();
    }
  }
}
