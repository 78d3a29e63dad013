package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.memory.TimedDram;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/**
 * Posted stores in the whole array (docs/overlay-array.md, memory order): a store is answered
 * once merged into a write line, so what must still wait for the line's B does: a FENCE (data
 * passed to another PE behind a flag), the launch's end (the host reads DRAM after irq), and
 * a store outside the global-memory window faults precisely without reaching memory. The DRAM
 * lands the writes of one region late ({@link TimedDram#slowWrites}).
 */
class PostedStoresArrayTest {
  private static final long DATA = 0x8000_1000L;
  private static final long FLAG = 0x8000_2000L;
  private static final long RESULT = 0x8000_3000L;
  private static final int DELAY = 400;

  private record Rig(CheckedSimulator sim, TimedDram dram, ArrayHost host) {}

  private static Rig open(ArrayConfig c, long slowFrom, long slowTo) {
    CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new PeArray(c), Backend.JVM));
    TimedDram dram = sim.attach(new TimedDram("mem", 20, 64, 64).slowWrites(slowFrom, slowTo, DELAY));
    sim.attach(new Axi4ProtocolChecker(sim, "mem"));
    sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
    ArrayHost host = new ArrayHost(sim);
    sim.reset(2);
    host.awaitReady(100);
    return new Rig(sim, dram, host);
  }

  private static ArrayConfig twoPes() {
    return new ArrayConfig(2, 4, 256, 256, CoalescerConfig.forThreads(4));
  }

  @Test
  void aFenceWaitsForThePostedStoresSoAnotherPeReadsTheDataBehindTheFlag() {
    Rig rig = open(twoPes(), DATA, DATA + 64);
    try (CheckedSimulator sim = rig.sim()) {
      ArrayProgram p = ArrayProgram.build("fenceflag.S");
      rig.host().load(p);
      rig.host().args(DATA, FLAG, RESULT);
      long cycles = rig.host().launch(p, 0, 1, 100_000);
      assertEquals(0b010, rig.host().read("status"), "done, no error");
      assertEquals(136, rig.dram().memory().readLong(RESULT, 4), "PE 1 summed data[] = 1..16 after the flag");
      assertTrue(cycles > DELAY, "the writer's FENCE waited for the late data line: " + cycles + " cycles");
    }
  }

  @Test
  void theLaunchEndsOnlyWhenTheLastWriteLineIsInMemory() {
    Rig rig = open(twoPes(), RESULT, RESULT + 64);
    try (CheckedSimulator sim = rig.sim()) {
      ArrayProgram p = ArrayProgram.build("fenceflag.S");
      rig.host().load(p);
      rig.host().args(DATA, FLAG, RESULT);
      long cycles = rig.host().launch(p, 0, 1, 100_000);
      // launch() returns in the cycle irq rises: the result, stored just before the last ECALL, is there.
      assertEquals(136, rig.dram().memory().readLong(RESULT, 4), "result in memory at irq");
      assertTrue(cycles > DELAY, "irq waited for the late result line: " + cycles + " cycles");
      assertEquals(0b010, rig.host().read("status"), "done, no error");
    }
  }

  @Test
  void aStoreOutsideTheGlobalWindowFaultsPreciselyAndNeverReachesMemory() {
    long window = 64 << 10;
    ArrayConfig c = new ArrayConfig(2, 4, 256, 256, CoalescerConfig.forThreads(4).withGlobalBytes(window));
    Rig rig = open(c, 0, 0);
    try (CheckedSimulator sim = rig.sim()) {
      ArrayProgram p = ArrayProgram.build("oob.S");
      long bad = CoalescerConfig.GLOBAL_BASE + window;
      rig.host().load(p);
      rig.host().args(DATA, bad);
      rig.host().launch(p, 0, 1, 100_000);
      assertEquals(0b110, rig.host().read("status"), "done with an error, no line write error");
      assertEquals(1, rig.host().read("error_count"));
      assertEquals(1L << 31, rig.host().read("error_where"), "valid, PE 0, thread 0");
      assertEquals((ThreadState.FAULT.ordinal() << 8) | 7, rig.host().read("error_cause"), "store access fault");
      assertEquals(p.symbol("boom"), rig.host().read("error_pc"), "the faulting store's pc");
      assertEquals(bad, rig.host().read("error_value"), "mtval: the store's address");
      assertEquals(1, rig.dram().memory().readLong(DATA, 4), "the store before it landed, the one after did not run");
      assertEquals(0, rig.dram().memory().readLong(bad, 4), "the faulting store never reached memory");
      assertEquals(1, rig.host().counter("mem_line_writes"), "one line write: the good store's");
    }
  }
}
