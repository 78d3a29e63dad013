package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * The ALU's eight results against Java's arithmetic, edge and random operands, both back ends:
 * the result, and the sum (pc or rs1, plus b) for every select that does not subtract.
 */
class AluTest {
  private static final long SEED = 0xA1B0_5E1EL;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyResultMatchesJava(Backend backend) {
    Random rnd = new Random(SEED);
    int[] special = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
        0x7FFF_FFFE, 0x0000_FFFF, 0xFFFF_0000};
    try (Simulator sim = Simulators.open(new Alu(), backend)) {
      for (int i = 0; i < 600; i++) {
        boolean edge = i < special.length * special.length;
        int rs1 = edge ? special[i % special.length] : rnd.nextInt();
        // Random operands that are often equal, differ only in the sign bit or by a little (so
        // that SLT and SLTU are decided by a carry through many bits).
        int b = edge ? special[i / special.length]
            : i % 4 == 0 ? rs1 : i % 4 == 1 ? rs1 ^ Integer.MIN_VALUE
            : i % 4 == 2 ? rs1 + rnd.nextInt(5) - 2 : rnd.nextInt();
        int pc = rnd.nextInt();
        boolean pcOperand = rnd.nextBoolean();
        for (Alu.Result r : Alu.Result.values()) {
          // Only the sum may take the PC as its first operand.
          boolean usesPc = pcOperand && r == Alu.Result.SUM;
          sim.poke("sel", r.ordinal());
          sim.poke("rs1", Integer.toUnsignedLong(rs1));
          sim.poke("pc", Integer.toUnsignedLong(pc));
          sim.poke("pc_operand", usesPc ? 1 : 0);
          sim.poke("b", Integer.toUnsignedLong(b));
          sim.step();
          String what = String.format("seed %x: %s rs1=%08x b=%08x pc=%08x pc_operand=%s", SEED, r, rs1, b, pc, usesPc);
          assertEquals(Integer.toUnsignedLong(expected(r, usesPc ? pc : rs1, b)), sim.peek("result"), what + ": result");
          if ((r.ordinal() & 4) == 0) {
            assertEquals(Integer.toUnsignedLong((usesPc ? pc : rs1) + b), sim.peek("sum"), what + ": sum");
          }
        }
      }
    }
  }

  private static int expected(Alu.Result r, int a, int b) {
    switch (r) {
      case SUM: return a + b;
      case AND: return a & b;
      case OR: return a | b;
      case XOR: return a ^ b;
      case DIFF: return a - b;
      case SLT: return a < b ? 1 : 0;
      case SLTU: return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
      case COPY_B: return b;
      default: throw new AssertionError(r);
    }
  }
}
