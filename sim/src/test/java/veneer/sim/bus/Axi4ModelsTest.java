package veneer.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Axi4ModelsTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 7L);
  private static final int BUS = 8; // bytes: the fixture's 64-bit bus

  @Test
  void burstAddressesFollowTheSpecification() {
    Axi4Burst incr = new Axi4Burst(0, 0x1003, 3, 2, Axi4Burst.INCR);
    assertEquals(List.of(0x1003L, 0x1004L, 0x1008L, 0x100CL), addresses(incr));
    Axi4Burst wrap = new Axi4Burst(0, 0x38, 3, 3, Axi4Burst.WRAP);
    assertEquals(List.of(0x38L, 0x20L, 0x28L, 0x30L), addresses(wrap));
    Axi4Burst fixed = new Axi4Burst(0, 0x40, 2, 3, Axi4Burst.FIXED);
    assertEquals(List.of(0x40L, 0x40L, 0x40L), addresses(fixed));
    assertNull(new Axi4Burst(0, 0xF80, 15, 3, Axi4Burst.INCR).illegality(BUS));
    assertEquals("the burst from 0xf88 to 0x1007 crosses a 4 KiB boundary",
        new Axi4Burst(0, 0xF88, 15, 3, Axi4Burst.INCR).illegality(BUS));
    assertEquals("a WRAP burst has 2, 4, 8 or 16 beats, found 3",
        new Axi4Burst(0, 0, 2, 3, Axi4Burst.WRAP).illegality(BUS));
    assertEquals("size 4 (16 bytes per beat) is wider than the 8-byte data bus",
        new Axi4Burst(0, 0, 0, 4, Axi4Burst.INCR).illegality(BUS));
  }

  private static List<Long> addresses(Axi4Burst b) {
    List<Long> a = new ArrayList<>();
    for (int i = 0; i < b.beats(); i++) {
      a.add(b.beatAddress(i));
    }
    return a;
  }

  @Test
  void memoryAnswersRandomBurstsLikeAByteArray() {
    for (boolean ooo : new boolean[] {false, true}) {
      runRandomTraffic(ooo, SEED);
    }
  }

  private static void runRandomTraffic(boolean outOfOrder, long seed) {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.Axi4Ports()));
    Axi4ProtocolChecker checker = sim.attach(new Axi4ProtocolChecker(sim, "m"));
    Axi4SlaveMemory mem = sim.attach(new Axi4SlaveMemory(sim, "m",
        Axi4SlaveMemory.Config.defaults().withLatency(3).withOutOfOrder(outOfOrder).withSeed(seed)));
    ScriptedAxi4Master master = sim.attach(new ScriptedAxi4Master("m", seed + 1));
    SplittableRandom rng = new SplittableRandom(seed + 2);
    byte[] reference = new byte[8192];
    int writes = 40;
    for (int i = 0; i < writes; i++) {
      Axi4Burst b = randomLegalBurst(rng, i % 16);
      BigInteger[] data = new BigInteger[b.beats()];
      BigInteger[] strb = new BigInteger[b.beats()];
      for (int k = 0; k < b.beats(); k++) {
        data[k] = new BigInteger(64, new Random(rng.nextLong()));
        strb[k] = BigInteger.valueOf(rng.nextInt(256));
        long base = b.beatAddress(k) / BUS * BUS;
        for (int lane = 0; lane < BUS; lane++) {
          if (strb[k].testBit(lane)) {
            reference[(int) (base + lane)] = (byte) data[k].shiftRight(8 * lane).intValue();
          }
        }
      }
      master.write(b, data, strb);
    }
    sim.runUntil(() -> master.done(writes, 0), 20_000);
    assertEquals(writes, checker.completedWrites());
    for (int a = 0; a < reference.length; a++) {
      assertEquals(reference[a] & 0xFF, mem.memory().readByte(a), "byte 0x" + Integer.toHexString(a) + ", seed " + seed);
    }
    List<Axi4Burst> reads = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Axi4Burst b = randomLegalBurst(rng, i % 4);
      reads.add(b);
      master.read(b);
    }
    sim.runUntil(() -> master.done(writes, reads.size()), 20_000);
    assertEquals(reads.size(), checker.completedReads());
    for (long id = 0; id < 4; id++) {
      List<BigInteger> expected = new ArrayList<>();
      for (Axi4Burst b : reads) {
        if (b.id() == id) {
          for (int k = 0; k < b.beats(); k++) {
            long base = b.beatAddress(k) / BUS * BUS;
            BigInteger word = BigInteger.ZERO;
            for (int lane = BUS - 1; lane >= 0; lane--) {
              word = word.shiftLeft(8).or(BigInteger.valueOf(reference[(int) (base + lane)] & 0xFF));
            }
            expected.add(word);
          }
        }
      }
      assertEquals(expected, master.readData.getOrDefault(id, List.of()), "ID " + id + ", seed " + seed);
    }
    List<Long> inRequestOrder = reads.stream().map(Axi4Burst::id).toList();
    if (outOfOrder) {
      assertNotEquals(inRequestOrder, master.readOrder, "out-of-order mode never reordered, seed " + seed);
    } else {
      assertEquals(inRequestOrder, master.readOrder);
    }
    assertTrue(mem.idle());
  }

  private static Axi4Burst randomLegalBurst(SplittableRandom rng, long id) {
    while (true) {
      int kind = rng.nextInt(3);
      int size = rng.nextInt(4);
      int len = kind == Axi4Burst.WRAP ? (1 << (1 + rng.nextInt(4))) - 1 : rng.nextInt(kind == Axi4Burst.FIXED ? 16 : 32);
      long addr = rng.nextInt(8192 - 300);
      if (kind == Axi4Burst.WRAP) {
        addr = addr >> size << size;
      }
      Axi4Burst b = new Axi4Burst(id, addr, len, size, kind);
      if (b.illegality(BUS) == null) {
        return b;
      }
    }
  }

  // --- checker rules --------------------------------------------------------------------------

  private static CheckedSimulator checked() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.Axi4Ports()));
    sim.attach(new Axi4ProtocolChecker(sim, "m"));
    return sim;
  }

  private static void address(CheckedSimulator sim, String ch, long id, long addr, int len, int size, int burst) {
    sim.poke("m_" + ch + "_valid", 1);
    sim.poke("m_" + ch + "_ready", 1);
    sim.poke("m_" + ch + "_id", id);
    sim.poke("m_" + ch + "_addr", addr);
    sim.poke("m_" + ch + "_len", len);
    sim.poke("m_" + ch + "_size", size);
    sim.poke("m_" + ch + "_burst", burst);
  }

  @Test
  void burstCrossingFourKilobytesIsCaught() {
    CheckedSimulator sim = checked();
    sim.step(2);
    address(sim, "ar", 1, 0xFF8, 1, 3, Axi4Burst.INCR);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("no burst crosses a 4KB boundary", v.rule());
    assertEquals("cycle 2: AXI4 rule 'no burst crosses a 4KB boundary' violated: m_ar_* at cycle 2: the burst"
        + " from 0xff8 to 0x1007 crosses a 4 KiB boundary", v.getMessage());
  }

  @Test
  void missingWlastIsCaught() {
    CheckedSimulator sim = checked();
    address(sim, "aw", 0, 0x100, 1, 3, Axi4Burst.INCR);
    sim.step();
    sim.poke("m_aw_valid", 0);
    sim.poke("m_w_valid", 1);
    sim.poke("m_w_ready", 1);
    sim.step();
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("WLAST on the last write beat", v.rule());
    assertTrue(v.getMessage().contains("beat 2 of a 2-beat write burst (ID 0) at cycle 2 has no WLAST"), v.getMessage());
  }

  @Test
  void earlyWlastIsCaught() {
    CheckedSimulator sim = checked();
    sim.poke("m_w_valid", 1);
    sim.poke("m_w_ready", 1);
    sim.poke("m_w_last", 1);
    sim.step(); // data before address is legal
    sim.poke("m_w_valid", 0);
    address(sim, "aw", 0, 0x100, 3, 3, Axi4Burst.INCR);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertTrue(v.getMessage().contains("WLAST after 1 beats of a 4-beat write burst (ID 0)"), v.getMessage());
  }

  @Test
  void responseWithUnknownIdIsCaught() {
    CheckedSimulator sim = checked();
    address(sim, "ar", 3, 0x100, 0, 3, Axi4Burst.INCR);
    sim.step();
    sim.poke("m_ar_valid", 0);
    sim.poke("m_r_valid", 1);
    sim.poke("m_r_id", 2);
    sim.poke("m_r_last", 1);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("Transaction identifiers", v.rule());
    assertTrue(v.getMessage().contains("m_r_id 2 at cycle 1 matches no outstanding read"), v.getMessage());
  }

  @Test
  void writeResponseBeforeDataIsCaught() {
    CheckedSimulator sim = checked();
    address(sim, "aw", 5, 0x100, 0, 3, Axi4Burst.INCR);
    sim.step();
    sim.poke("m_aw_valid", 0);
    sim.poke("m_b_valid", 1);
    sim.poke("m_b_id", 5);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("write response after the last write data", v.rule());
  }

  @Test
  void missingRlastIsCaught() {
    CheckedSimulator sim = checked();
    address(sim, "ar", 1, 0x100, 1, 3, Axi4Burst.INCR);
    sim.step();
    sim.poke("m_ar_valid", 0);
    sim.poke("m_r_valid", 1);
    sim.poke("m_r_ready", 1);
    sim.poke("m_r_id", 1);
    sim.step();
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("RLAST on the last read beat", v.rule());
    assertTrue(v.getMessage().contains("no RLAST on beat 2 of a 2-beat read burst with ID 1 at cycle 2"), v.getMessage());
  }
}
