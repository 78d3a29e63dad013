package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;
import veneer.sim.Simulator;

/** Poke and peek of ports of every Verilator type class (CData to VlWide), and the counter. */
class VerilatorPortsTest {
  private static final long SEED = 20240611L;

  @Test
  void everyWidthPassesThroughCombinationallyAndThroughARegisterThatStartsAtZero() {
    Random rng = new Random(SEED);
    try (Simulator sim = TestModels.open()) {
      assertEquals(Backend.VERILATOR, sim.backend());
      for (int round = 0; round < 20; round++) {
        BigInteger[] values = new BigInteger[BackendTestTop.WIDTHS.length];
        for (int i = 0; i < values.length; i++) {
          int w = BackendTestTop.WIDTHS[i];
          values[i] = round == 0 ? BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE) : new BigInteger(w, rng);
          sim.poke("a" + w, values[i]);
        }
        for (int i = 0; i < values.length; i++) {
          int w = BackendTestTop.WIDTHS[i];
          String at = "seed " + SEED + ", round " + round + ", width " + w;
          assertEquals(values[i], sim.peekWide("y" + w), at);
          if (round == 0) {
            assertEquals(BigInteger.ZERO, sim.peekWide("r" + w), "registers start at zero: " + at);
          }
          if (w <= 64) {
            assertEquals(values[i].longValue(), sim.peek("y" + w), at);
          }
        }
        sim.step();
        for (int i = 0; i < values.length; i++) {
          int w = BackendTestTop.WIDTHS[i];
          assertEquals(values[i], sim.peekWide("r" + w), "seed " + SEED + ", round " + round + ", width " + w);
        }
      }
    }
  }

  @Test
  void negativeLongsAreTwosComplementAndWideLongsZeroExtend() {
    try (Simulator sim = TestModels.open()) {
      sim.poke("a8", -1);
      assertEquals(255, sim.peek("y8"));
      sim.poke("a64", -2);
      assertEquals(-2, sim.peek("y64"));
      assertEquals(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO), sim.peekWide("y64"));
      sim.poke("a65", -1);
      assertEquals(BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE), sim.peekWide("y65"));
      sim.poke("a128", 7);
      assertEquals(BigInteger.valueOf(7), sim.peekWide("y128"));
      sim.poke("a33", BigInteger.valueOf(-1));
      assertEquals((1L << 33) - 1, sim.peek("y33"));
    }
  }

  @Test
  void badPortAccessSaysWhatWasExpected() {
    try (Simulator sim = TestModels.open()) {
      IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> sim.poke("a8", 256));
      assertTrue(tooBig.getMessage().contains("does not fit the port's 8 bits"), tooBig.getMessage());
      assertThrows(IllegalArgumentException.class, () -> sim.poke("a65", BigInteger.ONE.shiftLeft(65)));
      IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> sim.poke("y8", 1));
      assertTrue(output.getMessage().contains("is an output"), output.getMessage());
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> sim.peek("nope"));
      assertTrue(unknown.getMessage().contains("has no port 'nope'") && unknown.getMessage().contains("a512"),
          unknown.getMessage());
      IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> sim.peek("y65"));
      assertTrue(wide.getMessage().contains("peekWide"), wide.getMessage());
      IllegalArgumentException clock = assertThrows(IllegalArgumentException.class, () -> sim.poke("clk", 1));
      assertTrue(clock.getMessage().contains("step()"), clock.getMessage());
      assertThrows(IllegalArgumentException.class, () -> sim.step(-1));
    }
  }

  @Test
  void counterCountsEnabledCyclesWrapsAndResets() {
    try (Simulator sim = TestModels.open()) {
      sim.reset(1);
      assertEquals(1, sim.cycle());
      sim.poke("enable", 1);
      sim.step(300);
      assertEquals(300 % 256, sim.peek("count"));
      assertEquals(301, sim.cycle());
      sim.poke("enable", 0);
      sim.step(5);
      assertEquals(300 % 256, sim.peek("count"));
      sim.reset(2);
      assertEquals(0, sim.peek("count"));
    }
  }

  @Test
  void severalModelsOfOneDesignAreIndependent() {
    try (Simulator a = TestModels.open(); Simulator b = TestModels.open()) {
      a.poke("enable", 1);
      b.poke("enable", 1);
      a.step(10);
      b.step(3);
      assertEquals(10, a.peek("count"));
      assertEquals(3, b.peek("count"));
      a.writeMemory("bytes", 0, 5);
      b.writeMemory("bytes", 0, 9);
      assertEquals(BigInteger.valueOf(5), a.readMemory("bytes", 0, 1)[0], "each model finds its own memory");
      assertEquals(BigInteger.valueOf(9), b.readMemory("bytes", 0, 1)[0]);
    }
  }

  @Test
  void aClosedSimulatorRefusesWork() {
    Simulator sim = TestModels.open();
    sim.step(4);
    sim.close();
    sim.close();
    assertEquals(4, sim.cycle());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.peek("count"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
