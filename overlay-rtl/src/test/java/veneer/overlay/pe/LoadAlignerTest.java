package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Every aligned load (LB, LBU, LH, LHU at each of their offsets, LW) of random and sign-edge
 * words against Java's extension, and plain words passing through unaligned, both back ends.
 */
class LoadAlignerTest {
  private static final long SEED = 0x10AD_A11EL;
  private static final int PLAIN = 3;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void loadsMatchJavaAndPlainWordsPassThrough(Backend backend) {
    Random rnd = new Random(SEED);
    int[] special = {0, -1, 0x8080_8080, 0x7F7F_7F7F, 0x0000_8000, 0x8000_0000, 0x0080_0000, 0x1234_5678};
    try (Simulator sim = Simulators.open(new LoadAligner(PLAIN), backend)) {
      for (int i = 0; i < 400; i++) {
        int word = i < special.length ? special[i] : rnd.nextInt();
        for (int size = 0; size <= 2; size++) {
          for (int offset = 0; offset < 4; offset += 1 << size) {
            for (int unsigned = 0; unsigned <= (size == 2 ? 0 : 1); unsigned++) {
              load(sim, word, size, offset, unsigned == 1);
              assertEquals(Integer.toUnsignedLong(expected(word, size, offset, unsigned == 1)), sim.peek("value"),
                  String.format("seed %x: word %08x size %d offset %d unsigned %d", SEED, word, size, offset, unsigned));
            }
          }
        }
        // A plain word is the value: the load word is zero and the access a word at offset 0.
        int p = i % PLAIN;
        load(sim, 0, 2, 0, false);
        for (int k = 0; k < PLAIN; k++) {
          sim.poke("plain" + k, k == p ? Integer.toUnsignedLong(word) : 0);
        }
        sim.step();
        assertEquals(Integer.toUnsignedLong(word), sim.peek("value"),
            String.format("seed %x: plain word %d = %08x", SEED, p, word));
        for (int k = 0; k < PLAIN; k++) {
          sim.poke("plain" + k, 0);
        }
      }
    }
  }

  private static void load(Simulator sim, int word, int size, int offset, boolean unsigned) {
    sim.poke("word", Integer.toUnsignedLong(word));
    sim.poke("offset", offset);
    sim.poke("is_byte", size == 0 ? 1 : 0);
    sim.poke("is_word", size == 2 ? 1 : 0);
    sim.poke("zero_extend", unsigned ? 1 : 0);
    sim.step();
  }

  private static int expected(int word, int size, int offset, boolean unsigned) {
    int shifted = word >>> (8 * offset);
    if (size == 0) {
      return unsigned ? shifted & 0xFF : (byte) shifted;
    }
    if (size == 1) {
      return unsigned ? shifted & 0xFFFF : (short) shifted;
    }
    return word;
  }
}
