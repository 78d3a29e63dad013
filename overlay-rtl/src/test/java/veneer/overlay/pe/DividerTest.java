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
          // The PE reads result and negate in S1, a cycle before S2 takes the result.
          long held = signedResult(sim);
          sim.step();
          assertEquals(1, sim.peek("done"), "holds the result until the ack");
          assertEquals(held, signedResult(sim), String.format("seed %x: %s a=%08x b=%08x held", SEED, op, a, b));
          sim.poke("ack", 1);
          sim.step();
          sim.poke("ack", 0);
          assertEquals(0, sim.peek("busy"), "free after the ack");
        }
      }
    }
  }

  /**
   * A division cancelled part-way (or a result dropped unread) leaves the divider idle with
   * nothing of it left: the next division, which makes its dividend's magnitude with the step
   * adder while idle, is right.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void aCancelledDivisionLeavesNothingBehind(Backend backend) {
    try (Simulator sim = Simulators.open(new Divider(3), backend)) {
      sim.reset(1);
      for (int stepsBeforeCancel : new int[] {1, 5, 31, 40}) {
        start(sim, MicroOp.DivOp.REMU, -1, 1000); // partial remainders 1, 3, 7, ..., 295 at the end
        for (int i = 0; i < stepsBeforeCancel; i++) {
          sim.step();
        }
        sim.poke("cancel", 1);
        sim.step();
        sim.poke("cancel", 0);
        assertEquals(0, sim.peek("busy"), "idle after a cancel");
        start(sim, MicroOp.DivOp.REM, -100, 7);
        for (int i = 0; i < CYCLES; i++) {
          sim.step();
        }
        assertEquals(1, sim.peek("done"));
        assertEquals(Integer.toUnsignedLong(-100 % 7), signedResult(sim), "after " + stepsBeforeCancel + " steps");
        sim.poke("ack", 1);
        sim.step();
        sim.poke("ack", 0);
      }
    }
  }

  /**
   * The M extension's corner cases written out (not computed by {@link #expected}): division by
   * zero, the one signed overflow, and remainders that take the dividend's sign.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void cornerCasesAsTheSpecWritesThem(Backend backend) {
    int min = Integer.MIN_VALUE;
    Object[][] cases = {
        {MicroOp.DivOp.DIV, 7, 0, -1}, {MicroOp.DivOp.DIVU, 7, 0, -1},
        {MicroOp.DivOp.REM, -7, 0, -7}, {MicroOp.DivOp.REMU, -7, 0, -7},
        {MicroOp.DivOp.DIV, min, 0, -1}, {MicroOp.DivOp.REM, min, 0, min},
        {MicroOp.DivOp.DIV, min, -1, min}, {MicroOp.DivOp.REM, min, -1, 0},
        {MicroOp.DivOp.DIVU, min, -1, 0}, {MicroOp.DivOp.REMU, min, -1, min},
        {MicroOp.DivOp.DIV, -7, 2, -3}, {MicroOp.DivOp.REM, -7, 2, -1},
        {MicroOp.DivOp.DIV, 7, -2, -3}, {MicroOp.DivOp.REM, 7, -2, 1},
        {MicroOp.DivOp.DIV, -7, -2, 3}, {MicroOp.DivOp.REM, -7, -2, -1},
        {MicroOp.DivOp.REM, min, 3, -2}, {MicroOp.DivOp.REM, -1, min, -1},
        {MicroOp.DivOp.DIVU, -1, 1, -1}, {MicroOp.DivOp.REMU, -1, -2, 1},
    };
    try (Simulator sim = Simulators.open(new Divider(3), backend)) {
      sim.reset(1);
      for (Object[] c : cases) {
        start(sim, (MicroOp.DivOp) c[0], (int) c[1], (int) c[2]);
        for (int i = 0; i < CYCLES; i++) {
          sim.step();
        }
        assertEquals(1, sim.peek("done"));
        assertEquals(Integer.toUnsignedLong((int) c[3]), signedResult(sim),
            String.format("%s a=%d b=%d", c[0], (int) c[1], (int) c[2]));
        sim.poke("ack", 1);
        sim.step();
        sim.poke("ack", 0);
      }
    }
  }

  /** Pokes a start and steps the start cycle. */
  private static void start(Simulator sim, MicroOp.DivOp op, int a, int b) {
    sim.poke("op", op.ordinal());
    sim.poke("a", Integer.toUnsignedLong(a));
    sim.poke("b", Integer.toUnsignedLong(b));
    sim.poke("start_tid", 0);
    sim.poke("start", 1);
    sim.step();
    sim.poke("start", 0);
  }

  /**
   * The result as the PE makes it when the division issues again: the magnitude the operation
   * wants, negated by the ALU (0 - m) when the divider says so.
   */
  private static long signedResult(Simulator sim) {
    long magnitude = sim.peek("result");
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
