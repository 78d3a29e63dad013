package veneer.overlay.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * Posted stores at the memory system alone: a store is answered as soon as its coalescer has
 * merged it into a write line, long before the line is written (the thread's access id is free
 * again), and {@code quiet} says when the line is in memory.
 */
class PostedStoreTest {
  private static final long C = 0x8000_1000L;
  private static final int WRITE_DELAY = 300;

  @Test
  void aStoreIsAnsweredBeforeItsLineIsWrittenAndQuietWaitsForTheLine() {
    CoalescerConfig c = new CoalescerConfig(4, 4, 16, 2);
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new ArrayMemory(1, c), Backend.JVM))) {
      TimedDram dram = sim.attach(new TimedDram("mem", 20, 16, 64).slowWrites(C, C + 64, WRITE_DELAY));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      SparseMemory ref = new SparseMemory();
      PeTrafficPort.Reference view = PeTrafficPort.Reference.of(ref);
      // Thread 0 stores two words of one line, one after the other's B.
      List<PeTrafficPort.Access> stores = List.of(new PeTrafficPort.Access(true, C, 2, 0x1234_5678L),
          new PeTrafficPort.Access(true, C + 4, 2, 0x9ABC_DEF0L));
      PeTrafficPort port = sim.attach(new PeTrafficPort("pe0", List.of(stores, List.of(), List.of(), List.of()),
          view, 1, 0));
      sim.reset(2);
      long start = sim.cycle();
      sim.runUntil(port::done, 1000);
      long answered = sim.cycle() - start;
      assertTrue(port.done(), "both stores answered");
      assertTrue(answered < 20, "both stores answered (B) within " + answered + " cycles, before the line is written");
      assertEquals(0, sim.peek("quiet"), "the write line is still gathering or in flight");
      assertEquals(0, dram.memory().readLong(C, 4), "not in memory yet");
      long drained = PostedWrites.drain(sim, 1, 2 * WRITE_DELAY);
      assertTrue(drained >= WRITE_DELAY - answered, "quiet only once the line's B came back, after " + drained);
      assertEquals(0x1234_5678L, dram.memory().readLong(C, 4));
      assertEquals(0x9ABC_DEF0L, dram.memory().readLong(C + 4, 4));
      assertEquals(1, sim.peek("line_writes"), "one line for both stores");
      assertEquals(0, sim.peek("write_error"));
    }
  }
}
