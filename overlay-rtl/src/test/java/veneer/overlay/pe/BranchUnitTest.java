package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.isa.Opcode;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * The six branch instructions of the ISA table (their funct3) against Java's comparisons, edge
 * and random operands (among them pairs that differ in one group of the compare's chain only),
 * both back ends.
 */
class BranchUnitTest {
  private static final long SEED = 0xB4A2_C4E5L;
  private static final Opcode[] BRANCHES = {Opcode.BEQ, Opcode.BNE, Opcode.BLT, Opcode.BGE, Opcode.BLTU, Opcode.BGEU};

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyConditionMatchesJava(Backend backend) {
    Random rnd = new Random(SEED);
    int[] special = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x7FFF_FFFE, 0x8000_0000};
    try (Simulator sim = Simulators.open(new BranchUnit(), backend)) {
      for (int i = 0; i < 600; i++) {
        int a = i < special.length * special.length ? special[i % special.length] : rnd.nextInt();
        // Random operands that are often equal, differ only in the sign bit or only in one of
        // the compare's groups of three bits (so that one group decides).
        int b = i < special.length * special.length ? special[i / special.length]
            : i % 4 == 0 ? a : i % 4 == 1 ? a ^ Integer.MIN_VALUE
            : i % 4 == 2 ? a ^ (rnd.nextInt(7) + 1) << 3 * rnd.nextInt(11) : rnd.nextInt();
        for (Opcode op : BRANCHES) {
          sim.poke("funct3", BranchUnit.funct3Of(op));
          sim.poke("a", Integer.toUnsignedLong(a));
          sim.poke("b", Integer.toUnsignedLong(b));
          sim.step();
          assertEquals(taken(op, a, b) ? 1 : 0, sim.peek("taken"),
              String.format("seed %x: %s a=%08x b=%08x", SEED, op, a, b));
        }
      }
    }
  }

  private static boolean taken(Opcode op, int a, int b) {
    switch (op) {
      case BEQ: return a == b;
      case BNE: return a != b;
      case BLT: return a < b;
      case BGE: return a >= b;
      case BLTU: return Integer.compareUnsigned(a, b) < 0;
      case BGEU: return Integer.compareUnsigned(a, b) >= 0;
      default: throw new AssertionError(op);
    }
  }
}
