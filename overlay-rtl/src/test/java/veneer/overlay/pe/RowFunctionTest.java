package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.isa.Opcode;

/** The decoder's truth tables: right for every row where defined, on random operand bits; the smallest support. */
class RowFunctionTest {
  private static final long SEED = 0x0F0C_7AB1EL;
  // Boxed, so that a conditional with a null (don't care) branch stays an Integer.
  private static final Integer ONE = RowFunction.ONE;
  private static final Integer ZERO = RowFunction.ZERO;

  @Test
  void everyDefinedRowGetsItsValue() {
    Random rnd = new Random(SEED);
    // A one-hot of one row, a function of an opcode bit, and a source bit with constants.
    check(rnd, op -> op == Opcode.ECALL ? RowFunction.ONE : RowFunction.ZERO);
    check(rnd, op -> op == Opcode.ADD ? ONE : op == Opcode.SUB ? ZERO : null);
    check(rnd, op -> op.format() == veneer.isa.Format.U ? Integer.valueOf(20) : RowFunction.ZERO);
  }

  @Test
  void findsTheSmallestSupport() {
    // ADD and SUB differ only in bit 30.
    RowFunction f = RowFunction.find(op -> op == Opcode.ADD ? ONE : op == Opcode.SUB ? ZERO : null);
    assertArrayEquals(new int[] {30}, f.support());
    // A word's own bit with no other row defined is the bit itself.
    assertArrayEquals(new int[] {31}, RowFunction.find(op -> op == Opcode.LUI ? Integer.valueOf(31) : null).support());
  }

  @Test
  void tooManyBitsGiveNull() {
    // Telling every row from every other by a parity of its index needs far more than six bits.
    assertNull(RowFunction.find(op -> op.ordinal() % 2 == 0 ? RowFunction.ONE : RowFunction.ZERO));
  }

  @Test
  void aValueOutOfRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RowFunction.find(op -> 32));
  }

  private static void check(Random rnd, java.util.function.Function<Opcode, Integer> spec) {
    RowFunction f = RowFunction.find(spec);
    assertNotNull(f);
    for (Opcode op : Opcode.instructions()) {
      Integer s = spec.apply(op);
      if (s == null) {
        continue;
      }
      for (int i = 0; i < 32; i++) {
        int word = op.match() | (rnd.nextInt() & ~op.mask());
        int expected = s == RowFunction.ONE ? 1 : s == RowFunction.ZERO ? 0 : word >>> s & 1;
        assertEquals(expected == 1, f.of(word), String.format("seed %x: %s word %08x", SEED, op, word));
      }
    }
  }
}
