package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * The multiplier's seven modes, shifts included, against Java's arithmetic on random operands (the
 * result is the word {@code take_high} names), and both words 0 when {@code a} is 0.
 */
class MultiplierTest {
  private static final long SEED = 0x5EED_3A11L;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyModeMatchesJava(Backend backend) {
    Random rnd = new Random(SEED);
    // Besides the extremes: the edges of the product's 17-bit low slices (bits 16 and 17).
    int[] special = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 31, 32, 0x8000_0001, 0x1F, 0xFFFF_FFE0,
        0x0001_FFFF, 0xFFFE_0000, 0x0002_0000, 0x7FFE_FFFF};
    try (Simulator sim = Simulators.open(new Multiplier(), backend)) {
      for (int i = 0; i < 600; i++) {
        int a = i < special.length * special.length ? special[i % special.length] : rnd.nextInt();
        int b = i < special.length * special.length ? special[i / special.length] : rnd.nextInt();
        for (Multiplier.Mode m : Multiplier.Mode.values()) {
          int bits = Multiplier.encoding(m);
          sim.poke("funct3", bits >>> 12 & 7);
          sim.poke("multiply", bits >>> 25 & 1);
          sim.poke("arithmetic", bits >>> 30 & 1);
          sim.poke("a", Integer.toUnsignedLong(a));
          sim.poke("b", Integer.toUnsignedLong(b));
          sim.step();
          String at = String.format("seed %x: %s a=%08x b=%08x", SEED, m, a, b);
          if (a == 0) {
            // Both words 0 (a CSR read's x0): the PE ORs the word with the CSR unit's words.
            assertEquals(0, sim.peek("low") | sim.peek("high"), at + ": a product of 0");
          }
          long result = sim.peek(sim.peek("take_high") == 1 ? "high" : "low");
          assertEquals(Integer.toUnsignedLong(expected(m, a, b)), result, at);
        }
      }
    }
  }

  private static int expected(Multiplier.Mode m, int a, int b) {
    long ua = Integer.toUnsignedLong(a);
    long ub = Integer.toUnsignedLong(b);
    switch (m) {
      case MUL: return a * b;
      case MULH: return (int) (((long) a * (long) b) >> 32);
      case MULHSU: return (int) java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(ub))
          .shiftRight(32).longValue();
      case MULHU: return (int) java.math.BigInteger.valueOf(ua).multiply(java.math.BigInteger.valueOf(ub))
          .shiftRight(32).longValue();
      case SLL: return a << (b & 31);
      case SRL: return a >>> (b & 31);
      case SRA: return a >> (b & 31);
      default: throw new AssertionError(m);
    }
  }
}
