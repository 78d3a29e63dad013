package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import veneer.sim.AssertionFailedException;
import veneer.sim.Backend;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.junit.BackendTest;

/** Cycle-by-cycle behaviour of small designs, on every configured back end. */
class BasicBehaviourTest {

  @BackendTest
  void counterCountsEnabledCycles(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Counter(8), backend)) {
      sim.reset(1);
      assertEquals(0, sim.peek("count"));
      sim.poke("enable", 1);
      sim.step(10);
      assertEquals(10, sim.peek("count"));
      sim.poke("enable", 0);
      sim.step(5);
      assertEquals(10, sim.peek("count"));
      sim.poke("enable", 1);
      sim.step(250);
      assertEquals(4, sim.peek("count"), "wraps at 2^8");
      assertEquals(266, sim.cycle());
    }
  }

  @BackendTest
  void catLowFirstPutsElementZeroInTheLowestBits(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.LowFirstLanes(), backend)) {
      sim.poke("a", 1);
      sim.poke("b", 0b10);
      sim.poke("c", 0b1001);
      sim.step();
      assertEquals(0b1001_10_1, sim.peek("lanes"));
      assertEquals(0b1001, sim.peek("alone"));
    }
  }

  @BackendTest
  void shiftRegisterDelaysByThreeAndRegistersStartAtZero(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.ShiftRegister(), backend)) {
      assertEquals(0, sim.peek("out"), "registers without reset start at zero");
      assertEquals(0, sim.peek("withReset"), "before any reset, a register with reset also starts at zero");
      int[] in = {5, 6, 7, 8, 9, 10};
      int[] expected = {0, 0, 5, 6, 7, 8};
      for (int i = 0; i < in.length; i++) {
        sim.poke("in", in[i]);
        sim.step();
        assertEquals(expected[i], sim.peek("out"), "cycle " + sim.cycle());
      }
    }
  }

  @BackendTest
  void resetLoadsResetValueWhileHigh(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.ShiftRegister(), backend)) {
      sim.poke("in", 7);
      sim.poke("reset", 1);
      sim.step(3);
      assertEquals(0x2a, sim.peek("withReset"));
      assertEquals(7, sim.peek("out"), "registers without reset ignore reset");
      sim.poke("reset", 0);
      assertEquals(0x2a, sim.peek("withReset"), "reset is synchronous: nothing changes before the edge");
      sim.step();
      assertEquals(7, sim.peek("withReset"));
    }
  }

  @BackendTest
  void asyncReadShowsOldContentsAndSyncReadIsReadFirst(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.MemoryDesign(), backend)) {
      sim.poke("raddr", 1);
      assertEquals(0x22222222L, sim.peek("rdata"), "initial contents");
      sim.poke("we", 1);
      sim.poke("waddr", 1);
      sim.poke("wdata", 0xdeadbeefL);
      sim.poke("wmask", 0xf);
      sim.poke("ren", 1);
      assertEquals(0x22222222L, sim.peek("rdata"), "the write happens at the edge");
      sim.step();
      assertEquals(0xdeadbeefL, sim.peek("rdata"));
      assertEquals(0x22222222L, sim.peek("sdata"), "read-first: the sync port saw the old word");
      sim.poke("we", 0);
      sim.step();
      assertEquals(0xdeadbeefL, sim.peek("sdata"));
      sim.poke("ren", 0);
      sim.poke("raddr", 0);
      sim.step();
      assertEquals(0xdeadbeefL, sim.peek("sdata"), "a disabled sync port keeps its value");
      assertEquals(0x11111111L, sim.peek("rdata"));
    }
  }

  @BackendTest
  void maskedWritesChangeOnlySelectedBytes(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.MemoryDesign(), backend)) {
      sim.poke("we", 1);
      sim.poke("waddr", 0);
      sim.poke("wdata", 0xaabbccddL);
      sim.poke("wmask", 0b0101);
      sim.step();
      sim.poke("raddr", 0);
      assertEquals(0x11bb11ddL, sim.peek("rdata"));
      sim.poke("wmask", 0b1000);
      sim.step();
      assertEquals(0xaabb11ddL, sim.peek("rdata"));
    }
  }

  @BackendTest
  void outOfRangeAddressesReadZeroAndAreNotWritten(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.MemoryDesign(), backend)) {
      sim.poke("we", 1);
      sim.poke("waddr", 12);
      sim.poke("wdata", 0x12345678L);
      sim.poke("wmask", 0xf);
      sim.poke("raddr", 12);
      sim.poke("ren", 1);
      sim.step(2);
      assertEquals(0, sim.peek("rdata"));
      assertEquals(0, sim.peek("sdata"));
      BigInteger[] all = sim.readMemory("ram", 0, 10);
      assertEquals(BigInteger.valueOf(0x11111111L), all[0]);
      for (int i = 2; i < 10; i++) {
        assertEquals(BigInteger.ZERO, all[i], "word " + i);
      }
    }
  }

  @BackendTest
  void lastWritePortWins(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.MemoryDesign(), backend)) {
      sim.poke("we", 1);
      sim.poke("waddr", 3);
      sim.poke("wdata", 0x1);
      sim.poke("wmask", 0xf);
      sim.poke("we2", 1);
      sim.poke("waddr2", 3);
      sim.poke("wdata2", 0x2);
      sim.step();
      assertEquals(BigInteger.TWO, sim.readMemory("ram", 3, 1)[0]);
    }
  }

  @BackendTest
  void memoriesAreReadAndWrittenInBulkThroughHierarchyPaths(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Hierarchy(), backend)) {
      sim.writeMemory("a.store", 0, 1, 2, 3, 4, 5, 6, 7, 8);
      sim.writeMemory("w.b.store", 2, 0xbeef, 0xcafe);
      sim.poke("addr", 3);
      assertEquals(4, sim.peek("d0"));
      assertEquals(0xcafe, sim.peek("d1"));
      assertArrayEquals(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(0xbeef)},
          sim.readMemory("w.b.store", 0, 3));
      sim.step(3);
      assertEquals(3, sim.peek("t1"));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sim.readMemory("b.store", 0, 1));
      assertTrue(e.getMessage().contains("w.b.store"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> sim.readMemory("a.store", 6, 3));
      assertThrows(IllegalArgumentException.class, () -> sim.writeMemory("a.store", 0, 0x10000));
    }
  }

  @BackendTest
  void failingAssertionNamesCycleMessageAndLine(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Asserting(5), backend)) {
      sim.reset(2);
      AssertionFailedException e = assertThrows(AssertionFailedException.class, () -> sim.step(20));
      assertEquals(7, e.cycle(), "two reset cycles, then counts 0..5: count is 5 during cycle 7");
      assertTrue(e.getMessage().contains("count must not reach 5"), e.getMessage());
      assertTrue(e.getMessage().contains("TestDesigns.java:"), e.getMessage());
    }
  }

  @BackendTest
  void exclusiveWritePortsWriteTogetherAndStopOnACollision(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.ExclusiveWrites(), backend)) {
      sim.poke("we", 1);
      sim.poke("waddr", 2);
      sim.poke("wdata", 0x1234);
      sim.poke("we2", 1);
      sim.poke("waddr2", 5);
      sim.poke("wdata2", 0xabcd);
      sim.step();
      assertArrayEquals(new BigInteger[] {BigInteger.valueOf(0x1234), BigInteger.ZERO, BigInteger.ZERO,
          BigInteger.valueOf(0xabcd)}, sim.readMemory("ram", 2, 4));
      sim.poke("we2", 0);
      sim.poke("waddr2", 2);
      sim.step();
      sim.poke("we2", 1);
      long collision = sim.cycle();
      AssertionFailedException e = assertThrows(AssertionFailedException.class, sim::step);
      assertEquals(collision, e.cycle(), "the cycle that writes address 2 from both ports");
      assertTrue(e.getMessage().contains("memory 'ram' declares exclusive writes"), e.getMessage());
    }
  }

  @BackendTest
  void assertionsAreNotCheckedDuringReset(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Asserting(0), backend)) {
      sim.reset(3);
      assertThrows(AssertionFailedException.class, sim::step);
    }
  }

  @BackendTest
  void runUntilStopsAtConditionOrTimesOut(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Counter(8), backend)) {
      sim.reset(1);
      sim.poke("enable", 1);
      assertEquals(17, sim.runUntil(() -> sim.peek("count") == 17, 100));
      SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
          () -> sim.runUntil(() -> sim.peek("count") == 0xfff, 50));
      assertEquals(1 + 17 + 50, e.cycle());
    }
  }

  @BackendTest
  void badPortsAndValuesAreRefusedClearly(Backend backend) {
    try (Simulator sim = Simulators.open(new TestDesigns.Counter(8), backend)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.poke("enabel", 1));
      assertTrue(e.getMessage().contains("enable"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> sim.poke("count", 1));
      assertTrue(e.getMessage().contains("output"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> sim.poke("enable", 2));
      assertTrue(e.getMessage().contains("1 bits"), e.getMessage());
    }
  }
}
