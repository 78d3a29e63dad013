package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * The divider's four operations against the RISC-V M extension's definitions (the result as the
 * PE makes it: the magnitude, negated when the divider says so), random and edge operands, on
 * both back ends; every division takes {@link #CYCLES} cycles from its start.
 */
class DividerTest {
  private static final long SEED = 0xD1F1_DE75L;
  /** Cycles from the start cycle to {@code done}: one quotient bit per cycle. */
  private static final int CYCLES = 32;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyOperationMatchesTheSpec(Backend backend) {
    Random rnd = new Random(SEED);
    int[] special = {0, 1, -1, 2, -2, 7, -7, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1};
    try (Simulator sim = Simulators.open(new Divider(3), backend)) {
      sim.reset(1);
      for (int i = 0; i < 400; i++) {
        int a = i < special.length * special.length ? special[i % special.length] : operand(rnd, i);
        int b = i < special.length * special.length ? special[i / special.length] : operand(rnd, i + 1);
        for (MicroOp.DivOp op : MicroOp.DivOp.values()) {
          sim.poke("op", op.ordinal());
          sim.poke("a", Integer.toUnsignedLong(a));
          sim.poke("b", Integer.toUnsignedLong(b));
          sim.poke("start_tid", i & 7);
          sim.poke("start", 1);
          sim.step();
          sim.poke("start", 0);
          int cycles = 0;
          while (sim.peek("done") == 0 && cycles <= CYCLES) {
            sim.step();
            cycles++;
          }
          assertEquals(CYCLES, cycles, String.format("seed %x: cycles of %s a=%08x b=%08x", SEED, op, a, b));
          assertEquals(Integer.toUnsignedLong(expected(op, a, b)), signedResult(sim),
              String.format("seed %x: %s a=%08x b=%08x", SEED, op, a, b));
          assertEquals(i & 7, sim.peek("tid"));
          sim.poke("ack", 1);
          sim.step();
          sim.poke("ack", 0);
          assertEquals(0, sim.peek("busy"), "free after the ack");
        }
      }
    }
  }

  /**
   * The result as the PE makes it when the division issues again: the magnitude the operation
   * wants, negated by the ALU (0 - m) when the divider says so.
   */
  private static long signedResult(Simulator sim) {
    long magnitude = sim.peek(sim.peek("want_rem") == 1 ? "remainder" : "quotient");
    return sim.peek("negate") == 1 ? (-magnitude) & 0xFFFF_FFFFL : magnitude;
  }

  /**
   * Small magnitudes of either sign (many quotient bits zero, remainders of every sign) or, on
   * every third draw, the whole range (large unsigned operands, remainders near the divisor).
   */
  private static int operand(Random rnd, int i) {
    return i % 3 == 0 ? rnd.nextInt() : rnd.nextInt() >> rnd.nextInt(32);
  }

  private static int expected(MicroOp.DivOp op, int a, int b) {
    switch (op) {
      case DIV: return b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b;
      case DIVU: return b == 0 ? -1 : Integer.divideUnsigned(a, b);
      case REM: return b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
      case REMU: return b == 0 ? a : Integer.remainderUnsigned(a, b);
      default: throw new AssertionError(op);
    }
  }
}
