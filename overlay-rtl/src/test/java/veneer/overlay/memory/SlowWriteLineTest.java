package veneer.overlay.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * A thread that fills its write line slowly (up to 400 cycles between its stores, as a thread of
 * compiled vector add does between its two halves of eight stores) still costs one line write:
 * a write line is not closed by its age, only when whole, when another line needs its entry, a
 * load of it waits, or at a seal. With the old 255-cycle write window the lines went out in
 * pieces (docs/array-throughput.md).
 */
class SlowWriteLineTest {
  private static final long C = 0x8000_2000L;

  @Test
  void slowlyFilledLinesAreWrittenOnceEach() {
    CoalescerConfig c = CoalescerConfig.forThreads(4);
    long seed = 6;
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new ArrayMemory(1, c), Backend.JVM))) {
      TimedDram dram = sim.attach(new TimedDram("mem", 20, 16, 64));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      SparseMemory ref = new SparseMemory();
      PeTrafficPort.Reference view = PeTrafficPort.Reference.of(ref);
      // Threads 0 and 1 each store the 16 words of their own line, one store at a time.
      List<List<PeTrafficPort.Access>> work = new ArrayList<>();
      for (int t = 0; t < c.ids(); t++) {
        List<PeTrafficPort.Access> stores = new ArrayList<>();
        if (t < 2) {
          for (int w = 0; w < CoalescerConfig.LINE_WORDS; w++) {
            stores.add(new PeTrafficPort.Access(true, C + 64L * t + 4L * w, 2, 0x100L * t + w));
          }
        }
        work.add(stores);
      }
      PeTrafficPort port = sim.attach(new PeTrafficPort("pe0", work, view, seed, 400));
      sim.reset(2);
      long start = sim.cycle();
      sim.runUntil(port::done, 20_000);
      assertTrue(port.done(), "every store answered (seed " + seed + ")");
      long took = sim.cycle() - start;
      assertTrue(took > 16 * 255 / 2, "the stores came slowly: " + took + " cycles (seed " + seed + ")");
      PostedWrites.drain(sim, 1, 1000);
      for (int t = 0; t < 2; t++) {
        for (int w = 0; w < CoalescerConfig.LINE_WORDS; w++) {
          assertEquals(0x100L * t + w, dram.memory().readLong(C + 64L * t + 4L * w, 4), "thread " + t + " word " + w);
        }
      }
      assertEquals(2, sim.peek("line_writes"), "one line write per line (seed " + seed + ")");
    }
  }
}
