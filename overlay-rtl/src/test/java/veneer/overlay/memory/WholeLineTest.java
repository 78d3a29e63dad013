package veneer.overlay.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * A write line goes out on its own (no seal) in the cycle its last word becomes whole, and not
 * before: the coalescer counts words as stores make them whole (docs/coalescer-area.md, second
 * round), so a word written in bytes counts once, at its last byte, and a word written twice
 * counts once. One thread stores word 0 in four bytes, word 1 twice, words 2 to 14 once and
 * word 15 in two halves: 20 stores, 16 whole words only at the last one. A count of stores or
 * of full-word stores would send the line early and make a second line of the rest.
 */
class WholeLineTest {
  private static final long C = 0x8000_3000L;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aLineIsSentWhenItsLastWordBecomesWholeAndNotBefore(Backend backend) {
    CoalescerConfig c = CoalescerConfig.forThreads(4);
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new ArrayMemory(1, c), backend))) {
      TimedDram dram = sim.attach(new TimedDram("mem", 20, 16, 64));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      SparseMemory ref = new SparseMemory();
      List<PeTrafficPort.Access> stores = new ArrayList<>();
      for (int b = 0; b < 4; b++) {
        stores.add(new PeTrafficPort.Access(true, C + b, 0, 0x10 + b));
      }
      stores.add(new PeTrafficPort.Access(true, C + 4, 2, 0xDEAD_BEEFL));
      stores.add(new PeTrafficPort.Access(true, C + 4, 2, 0x0101_0101L));
      for (int w = 2; w < 15; w++) {
        stores.add(new PeTrafficPort.Access(true, C + 4L * w, 2, 0x100L + w));
      }
      stores.add(new PeTrafficPort.Access(true, C + 60, 1, 0x1515));
      stores.add(new PeTrafficPort.Access(true, C + 62, 1, 0xF0F0));
      List<List<PeTrafficPort.Access>> work = new ArrayList<>();
      work.add(stores);
      for (int t = 1; t < c.ids(); t++) {
        work.add(List.of());
      }
      PeTrafficPort port = sim.attach(new PeTrafficPort("pe0", work, PeTrafficPort.Reference.of(ref), 3, 4));
      sim.reset(2);
      sim.runUntil(port::done, 2_000);
      assertTrue(port.done(), "every store answered");
      sim.runUntil(() -> sim.peek("quiet") == 1, 500);
      assertEquals(1, sim.peek("line_writes"), "the line went out whole, without a seal");
      PostedWrites.drain(sim, 1, 500);
      assertEquals(1, sim.peek("line_writes"), "no second line: the first was not sent before its last word");
      assertEquals(0x1312_1110L, dram.memory().readLong(C, 4), "word 0 from four bytes");
      assertEquals(0x0101_0101L, dram.memory().readLong(C + 4, 4), "word 1: the later store wins");
      for (int w = 2; w < 15; w++) {
        assertEquals(0x100L + w, dram.memory().readLong(C + 4L * w, 4), "word " + w);
      }
      assertEquals(0xF0F0_1515L, dram.memory().readLong(C + 60, 4), "word 15 from two halves");
    }
  }
}
