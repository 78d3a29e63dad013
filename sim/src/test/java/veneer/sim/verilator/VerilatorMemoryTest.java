package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.sim.Simulator;

/** Bulk memory access by path through Verilator's public_flat_rw scopes. */
class VerilatorMemoryTest {
  private static final long SEED = 77L;

  @Test
  void memoriesStartAtZeroAndReadBackWhatWasWritten() {
    Random rng = new Random(SEED);
    try (Simulator sim = TestModels.open()) {
      for (BigInteger w : sim.readMemory("c0.mem", 0, 16)) {
        assertEquals(BigInteger.ZERO, w);
      }
      BigInteger[] words = new BigInteger[10];
      for (int i = 0; i < words.length; i++) {
        words[i] = new BigInteger(65, rng);
      }
      words[0] = BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE);
      sim.writeMemory("c0.mem", 3, words);
      assertArrayEquals(words, sim.readMemory("c0.mem", 3, 10), "seed " + SEED);
      assertEquals(BigInteger.ZERO, sim.readMemory("c0.mem", 2, 1)[0]);
      assertEquals(BigInteger.ZERO, sim.readMemory("c0.mem", 13, 1)[0]);
      for (int i = 0; i < words.length; i++) {
        sim.poke("raddr", 3 + i);
        assertEquals(words[i], sim.peekWide("rdata"), "word " + (3 + i) + ", seed " + SEED);
      }

      sim.writeMemory("bytes", 30, 0xAB, -1);
      sim.poke("baddr", 31);
      assertEquals(0xFF, sim.peek("bdata"));
      assertArrayEquals(new BigInteger[] {BigInteger.valueOf(0xAB), BigInteger.valueOf(0xFF)},
          sim.readMemory("bytes", 30, 2));
    }
  }

  @Test
  void logicBehindARegisteredAddressSeesABulkWriteWithoutAClockEdge() {
    try (Simulator sim = TestModels.open()) {
      sim.poke("raddr", 5);
      sim.step();
      assertEquals(BigInteger.ZERO, sim.peekWide("rq"));
      sim.writeMemory("c0.mem", 5, 1234567L);
      assertEquals(BigInteger.valueOf(1234567), sim.peekWide("rq"));
    }
  }

  @Test
  void theDesignsOwnWritePortIsVisibleInBulkReads() {
    try (Simulator sim = TestModels.open()) {
      BigInteger v = BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(42));
      sim.poke("we", 1);
      sim.poke("waddr", 7);
      sim.poke("wdata", v);
      assertEquals(BigInteger.ZERO, sim.readMemory("c0.mem", 7, 1)[0]);
      sim.step();
      assertEquals(v, sim.readMemory("c0.mem", 7, 1)[0]);
    }
  }

  @Test
  void badMemoryAccessSaysWhatWasExpected() {
    try (Simulator sim = TestModels.open()) {
      IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
          () -> sim.readMemory("c0.mem", 10, 7));
      assertTrue(range.getMessage().contains("has 16 words"), range.getMessage());
      IllegalArgumentException inst = assertThrows(IllegalArgumentException.class,
          () -> sim.readMemory("c1.mem", 0, 1));
      assertTrue(inst.getMessage().contains("no memory 'c1.mem'") && inst.getMessage().contains("c0.mem"),
          inst.getMessage());
      IllegalArgumentException mem = assertThrows(IllegalArgumentException.class,
          () -> sim.readMemory("c0.rom", 0, 1));
      assertTrue(mem.getMessage().contains("no memory 'c0.rom'") && mem.getMessage().contains("c0.mem"),
          mem.getMessage());
      IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
          () -> sim.writeMemory("bytes", 0, 256));
      assertTrue(tooWide.getMessage().contains("does not fit 8 bits"), tooWide.getMessage());
    }
  }
}
