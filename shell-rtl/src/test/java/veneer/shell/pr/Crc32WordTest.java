package veneer.shell.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import veneer.hdl.Bits;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

class Crc32WordTest {
  /** One combinational CRC step, to check the RTL against java.util.zip.CRC32. */
  static final class CrcStep extends Module {
    CrcStep() {
      UInt crc = input("crc", UInt(32));
      Bits word = input("word", Bits(32));
      UInt next = output("next", UInt(32));
      next.assign(Crc32Word.next(this, crc, word));
    }
  }

  private static long javaCrc(int[] words) {
    ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : words) {
      b.putInt(w);
    }
    CRC32 c = new CRC32();
    c.update(b.array());
    return c.getValue();
  }

  @Test
  void softwareStepMatchesJavaCrc32OnTheWorkedExample() {
    int[] words = {0x42524e56, 1, 3, 0x44556677, 0x00112233, 0x89abcdef, 0x01234567, 5, 0x04030201, 5};
    long crc = 0xFFFF_FFFFL;
    for (int w : words) {
      crc = Crc32Word.step(crc, w & 0xFFFF_FFFFL);
    }
    assertEquals(0xcb36d36eL, crc ^ 0xFFFF_FFFFL);
    assertEquals(javaCrc(words), crc ^ 0xFFFF_FFFFL);
  }

  @Test
  void rtlStepMatchesJavaCrc32OnRandomWords() {
    long seed = 20240607L;
    SplittableRandom rng = new SplittableRandom(seed);
    try (Simulator sim = Simulators.open(new CrcStep(), Backend.JVM)) {
      for (int trial = 0; trial < 20; trial++) {
        int[] words = new int[1 + rng.nextInt(12)];
        long crc = 0xFFFF_FFFFL;
        for (int i = 0; i < words.length; i++) {
          words[i] = rng.nextInt();
          sim.poke("crc", crc);
          sim.poke("word", words[i] & 0xFFFF_FFFFL);
          crc = sim.peek("next");
        }
        assertEquals(javaCrc(words), crc ^ 0xFFFF_FFFFL, "seed " + seed + ", trial " + trial);
      }
    }
  }
}
