package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/** The six branch conditions against Java's comparisons, edge and random operands, both back ends. */
class BranchUnitTest {
  private static final long SEED = 0xB4A2_C4E5L;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void everyConditionMatchesJava(Backend backend) {
    Random rnd = new Random(SEED);
    int[] special = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x7FFF_FFFE, 0x8000_0000};
    try (Simulator sim = Simulators.open(new BranchUnit(), backend)) {
      for (int i = 0; i < 600; i++) {
        int a = i < special.length * special.length ? special[i % special.length] : rnd.nextInt();
        // Random operands that are often equal or differ only in the sign bit.
        int b = i < special.length * special.length ? special[i / special.length]
            : i % 3 == 0 ? a : i % 3 == 1 ? a ^ Integer.MIN_VALUE : rnd.nextInt();
        for (MicroOp.BranchOp op : MicroOp.BranchOp.values()) {
          sim.poke("op", op.ordinal());
          sim.poke("a", Integer.toUnsignedLong(a));
          sim.poke("b", Integer.toUnsignedLong(b));
          sim.step();
          assertEquals(taken(op, a, b) ? 1 : 0, sim.peek("taken"),
              String.format("seed %x: %s a=%08x b=%08x", SEED, op, a, b));
        }
      }
    }
  }

  private static boolean taken(MicroOp.BranchOp op, int a, int b) {
    switch (op) {
      case EQ: return a == b;
      case NE: return a != b;
      case LT: return a < b;
      case GE: return a >= b;
      case LTU: return Integer.compareUnsigned(a, b) < 0;
      case GEU: return Integer.compareUnsigned(a, b) >= 0;
      default: throw new AssertionError(op);
    }
  }
}
