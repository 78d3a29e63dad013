package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.sim.SimOptions;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;

/** Opens a design on one engine of the JVM back end, for tests that compare the engines. */
final class Engines {
  private Engines() {}

  static JvmSimulator open(Module top, JvmEngine engine) {
    return (JvmSimulator) new JvmSimulatorFactory(engine).open(Elaborator.elaborate(top), SimOptions.defaults());
  }

  /** The design's inputs a test bench drives: all but the clock. */
  static List<String> drivenInputs(FlatNetlist flat) {
    List<String> inputs = new ArrayList<>();
    for (String in : flat.inputs().keySet()) {
      if (!in.equals("clk")) {
        inputs.add(in);
      }
    }
    return inputs;
  }

  /**
   * Drives a random cycle's inputs into both engines: every input in the first three cycles,
   * then each with probability 1/8; {@code reset} is high in cycles 0 and 1 and low after.
   */
  static void pokeRandomInputs(JvmSimulator ref, JvmSimulator fast, FlatNetlist flat, List<String> inputs,
      Random rnd, int cycle) {
    for (String in : inputs) {
      if (cycle < 3 || rnd.nextInt(8) == 0) {
        BigInteger v = in.equals("reset") ? BigInteger.valueOf(cycle < 2 ? 1 : 0) : randomValue(flat, in, rnd);
        pokeBoth(ref, fast, in, v);
      }
    }
  }

  /** A random value as wide as input {@code in}. */
  static BigInteger randomValue(FlatNetlist flat, String in, Random rnd) {
    return new BigInteger(flat.net(flat.input(in)).width(), rnd);
  }

  /** Pokes the same value into both engines. */
  static void pokeBoth(JvmSimulator ref, JvmSimulator fast, String input, BigInteger value) {
    ref.poke(input, value);
    fast.poke(input, value);
  }

  /** Asserts that every named net of {@code flat} has the same value on both engines; {@code where} names the moment. */
  static void assertNamedNetsEqual(JvmSimulator ref, JvmSimulator fast, FlatNetlist flat, String where) {
    for (FlatNet n : flat.nets()) {
      if (n.named()) {
        assertEquals(ref.peekNet(n.name()), fast.peekNet(n.name()), flat.topName() + " net " + n.name() + " in " + where);
      }
    }
  }

  /** Asserts that every memory of {@code flat} holds the same words on both engines; {@code where} names the moment. */
  static void assertMemoriesEqual(JvmSimulator ref, JvmSimulator fast, FlatNetlist flat, String where) {
    for (int m = 0; m < flat.memories().size(); m++) {
      String path = flat.memories().get(m).path();
      int depth = flat.memories().get(m).depth();
      assertEquals(List.of(ref.readMemory(path, 0, depth)), List.of(fast.readMemory(path, 0, depth)),
          "memory " + path + " in " + where);
    }
  }
}
