package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.SparseMemory;

/**
 * Several PEs run kernels that claim work-items through the dispatcher CSRs and write their
 * results to global memory (an out-of-order AXI4 memory model); every result is checked, and
 * the completion status, error summary and counters are read through the control port.
 */
class PeArrayTest {
  private static final long A = 0x8000_0000L;
  private static final long B = 0x8001_0000L;
  private static final long C = 0x8002_0000L;

  private record Rig(CheckedSimulator sim, SparseMemory memory, ArrayHost host) {}

  private static Rig open(ArrayConfig c) {
    CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new PeArray(c), Backend.JVM));
    Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()
        .withLatency(12).withOutOfOrder(true).withProbabilities(0.9, 0.9)));
    sim.attach(new Axi4ProtocolChecker(sim, "mem"));
    sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
    ArrayHost host = new ArrayHost(sim);
    sim.reset(2);
    return new Rig(sim, dram.memory(), host);
  }

  @Test
  void vectorAddOnThreePesProcessesEveryWorkItem() {
    int n = 300;
    Rig rig = open(new ArrayConfig(3, 4, 256, 256, veneer.overlay.memory.CoalescerConfig.forThreads(4)));
    try (CheckedSimulator sim = rig.sim()) {
      SplittableRandom rng = new SplittableRandom(7);
      int[] a = new int[n];
      int[] b = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = rng.nextInt();
        b[i] = rng.nextInt();
        rig.memory().writeLong(A + 4L * i, 4, a[i]);
        rig.memory().writeLong(B + 4L * i, 4, b[i]);
      }
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      ArrayHost host = rig.host();
      host.load(p);
      host.args(A, B, C);
      host.launch(p, n, 1, 200_000);
      for (int i = 0; i < n; i++) {
        assertEquals(a[i] + b[i], (int) rig.memory().readLong(C + 4L * i, 4), "c[" + i + "]");
      }
      assertEquals(0, rig.memory().readLong(C + 4L * n, 4), "nothing written past the end");
      assertEquals(0b010, host.read("status"), "status: done, not busy, no error");
      assertEquals(n, host.read("dispatched"));
      assertEquals(0, host.read("error_count"));
      for (int pe = 0; pe < 3; pe++) {
        for (int t = 0; t < 4; t++) {
          assertEquals(ThreadState.EXITED.ordinal(), host.thread(pe, t)[0], "PE " + pe + " thread " + t);
        }
      }
      assertEquals(2L * n, host.counter("mem_pe_reads"));
      assertEquals(n, host.counter("mem_pe_writes"));
      long lines = host.counter("mem_line_reads");
      assertTrue(lines < 2L * n, "loads were combined into fewer line reads: " + lines);
      long sum = 0;
      for (int pe = 0; pe < 3; pe++) {
        host.write("perf_select", pe);
        long mine = host.counter("pe_retired");
        assertTrue(mine > 0, "PE " + pe + " retired instructions");
        sum += mine;
      }
      assertEquals(sum, host.counter("sum_retired"), "summed counter = sum of the per-PE counters");
      // 11 instructions per work-item, 5 + 4 per thread around the loop (vecadd.S)
      assertEquals(11L * n + 9 * 12, sum, "instructions retired");
    }
  }

  @Test
  void workItemIdsGroupsAndSizesReachEveryThread() {
    int n = 50;
    int local = 7;
    Rig rig = open(new ArrayConfig(2, 3, 256, 256, veneer.overlay.memory.CoalescerConfig.forThreads(3)));
    try (CheckedSimulator sim = rig.sim()) {
      ArrayProgram p = ArrayProgram.build("ids.S");
      ArrayHost host = rig.host();
      host.load(p);
      host.args(C, n, local);
      host.launch(p, n, local, 200_000);
      assertEquals(0b010, host.read("status"), "no thread hit EBREAK (CSR 0xFC4/0xFC7/0xFC8 agree)");
      Set<Long> harts = new HashSet<>();
      for (int g = 0; g < n; g++) {
        long v = rig.memory().readLong(C + 8L * g, 4);
        assertEquals(((long) (g / local) << 16) | (g % local), v, "ids of work-item " + g);
        harts.add(rig.memory().readLong(C + 8L * g + 4, 4));
      }
      assertTrue(harts.size() > 3, "work spread over the threads of both PEs: " + harts);
      // A second launch on the same program starts from work-item 0 again.
      host.args(C, 5, 0);
      host.launch(p, 5, 0, 100_000);
      assertEquals(0b010, host.read("status"));
      assertEquals(5, host.read("dispatched"));
      assertEquals(4, rig.memory().readLong(C + 8L * 4, 4), "local size 0: one group");
    }
  }

  @Test
  void oneFaultingThreadIsNamedInTheErrorSummaryAndTheOthersFinish() {
    int n = 64;
    int badItem = 37;
    Rig rig = open(new ArrayConfig(2, 4, 256, 256, veneer.overlay.memory.CoalescerConfig.forThreads(4)));
    try (CheckedSimulator sim = rig.sim()) {
      for (int i = 0; i < n; i++) {
        rig.memory().writeLong(A + 4L * i, 4, i);
        rig.memory().writeLong(B + 4L * i, 4, 1000);
      }
      ArrayProgram p = ArrayProgram.build("fault.S");
      ArrayHost host = rig.host();
      host.load(p);
      host.args(A, B, C, badItem);
      host.launch(p, n, 1, 200_000);
      assertEquals(0b110, host.read("status"), "done with an error");
      assertEquals(1, host.read("error_count"));
      long where = host.read("error_where");
      assertEquals(1L << 31, where & (1L << 31), "error_where valid");
      int pe = (int) (where >> 8) & 0xFF;
      int t = (int) where & 0xFF;
      assertEquals((ThreadState.FAULT.ordinal() << 8) | 5, host.read("error_cause"), "load access fault");
      assertEquals(p.symbol("boom"), host.read("error_pc"));
      assertEquals(0x3000_0000L, host.read("error_value"));
      long[] st = host.thread(pe, t);
      assertEquals(ThreadState.FAULT.ordinal(), st[0], "the named thread is the faulted one");
      assertEquals(5, st[1]);
      assertEquals(p.symbol("boom"), st[2]);
      int exited = 0;
      for (int q = 0; q < 2; q++) {
        for (int u = 0; u < 4; u++) {
          if (host.thread(q, u)[0] == ThreadState.EXITED.ordinal()) {
            exited++;
          }
        }
      }
      assertEquals(7, exited, "every other thread exited normally");
      for (int i = 0; i < n; i++) {
        long want = i == badItem ? 0 : i + 1000;
        assertEquals(want, rig.memory().readLong(C + 4L * i, 4), "c[" + i + "]");
      }
    }
  }
}
