package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.jvm.kernel.Activity;

/**
 * The compiled engine runs only the eval chunks whose inputs changed. These tests drive designs
 * the way test benches do (inputs held for many cycles, several pokes and peeks within a cycle,
 * back-door memory writes) and compare every named net and memory word with the interpreter, which
 * always computes everything; and they check that idle logic is really skipped.
 */
class ActivityTest {
  @Test
  void agreesWithTheInterpreterWhenInputsRarelyChange() {
    for (long seed = 1; seed <= 6; seed++) {
      agree(new RandomDesign(seed, 150), new RandomDesign(seed, 150), seed, 80);
    }
    // about twenty chunks, so changes travel between chunks
    agree(new RandomDesign(99, 3000), new RandomDesign(99, 3000), 99, 30);
  }

  @Test
  void idleLanesCostNoChunks() {
    int lanes = 600;
    try (JvmSimulator ref = Engines.open(new GatedLanes(lanes), JvmEngine.INTERPRETER);
        JvmSimulator fast = Engines.open(new GatedLanes(lanes), JvmEngine.COMPILED)) {
      Activity a = ((CompiledModel) fast.model()).activity();
      assertTrue(a.chunks() >= 10, "the design should need many chunks, has " + a.chunks());
      for (JvmSimulator sim : List.of(ref, fast)) {
        sim.poke("x", 12345);
        sim.poke("en0", 1);
        sim.step(5);
      }
      long runs = a.runs();
      long settles = a.settles();
      for (JvmSimulator sim : List.of(ref, fast)) {
        sim.step(200);
      }
      double perSettle = (double) (a.runs() - runs) / (a.settles() - settles);
      assertTrue(perSettle <= 3, "one busy lane of " + lanes + " should run a few of " + a.chunks()
          + " chunks per settle, ran " + perSettle);
      assertEquals(ref.peek("out"), fast.peek("out"));
      assertEquals(ref.peekNet("acc0"), fast.peekNet("acc0"));
      // waking every lane runs everything again, and the results still agree
      for (JvmSimulator sim : List.of(ref, fast)) {
        for (int i = 0; i < lanes; i += 7) {
          sim.poke("en" + i, 1);
        }
        sim.step(3);
      }
      for (int i = 0; i < lanes; i++) {
        assertEquals(ref.peekNet("acc" + i), fast.peekNet("acc" + i), "acc" + i);
      }
    }
  }

  /**
   * {@code lanes} accumulators, each counting only while its own enable input is high; the
   * outputs are lane 0 and the XOR of a lane's neighbours (no chain through every lane, which
   * would change at the end whenever any lane changes).
   */
  static final class GatedLanes extends Module {
    GatedLanes(int lanes) {
      super("GatedLanes");
      UInt x = input("x", UInt(32));
      List<UInt> accs = new ArrayList<>();
      for (int i = 0; i < lanes; i++) {
        Bool en = input("en" + i, Bool());
        UInt acc = reg("acc" + i, UInt(32), i);
        UInt mixed = acc.mul(2654435761L).add(x).xor(acc.shr(7)).add(i);
        acc.assign(en.mux(mixed, acc));
        accs.add(acc);
      }
      output("out", UInt(32)).assign(accs.get(0));
      output("pair", UInt(32)).assign(accs.get(lanes / 2).xor(accs.get(lanes / 2 + 1)));
    }
  }

  private static void agree(Module refTop, Module fastTop, long seed, int cycles) {
    try (JvmSimulator ref = Engines.open(refTop, JvmEngine.INTERPRETER);
        JvmSimulator fast = Engines.open(fastTop, JvmEngine.COMPILED)) {
      Random rnd = new Random(seed);
      FlatNetlist flat = ref.flat();
      List<String> inputs = Engines.drivenInputs(flat);
      for (int c = 0; c < cycles; c++) {
        Engines.pokeRandomInputs(ref, fast, flat, inputs, rnd, c);
        if (rnd.nextInt(4) == 0) {
          // a test bench that looks, pokes, looks again and pokes the old value back
          Engines.assertNamedNetsEqual(ref, fast, flat, "cycle " + c + " before the extra pokes (seed " + seed + ")");
          String in = inputs.get(rnd.nextInt(inputs.size()));
          if (!in.equals("reset")) {
            BigInteger old = ref.peekWide(in.equals("flag") ? "flag" : in);
            BigInteger v = Engines.randomValue(flat, in, rnd);
            Engines.pokeBoth(ref, fast, in, v);
            Engines.assertNamedNetsEqual(ref, fast, flat, "cycle " + c + " after poking " + in + " (seed " + seed + ")");
            if (rnd.nextBoolean()) {
              Engines.pokeBoth(ref, fast, in, old);
            }
          }
        }
        if (rnd.nextInt(10) == 0) {
          BigInteger[] word = {new BigInteger(72, rnd)};
          int addr = rnd.nextInt(16);
          ref.writeMemory("ram", addr, word);
          fast.writeMemory("ram", addr, word);
        }
        Engines.assertNamedNetsEqual(ref, fast, flat, "cycle " + c + " (seed " + seed + ")");
        Engines.assertMemoriesEqual(ref, fast, flat, "cycle " + c + " (seed " + seed + ")");
        ref.step();
        fast.step();
      }
    }
  }
}
