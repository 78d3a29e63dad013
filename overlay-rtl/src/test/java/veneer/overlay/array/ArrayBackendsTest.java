package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.overlay.pe.PerfCounters;
import veneer.overlay.pe.ThreadState;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * The array's main scenarios on every back end, all on {@link ProbedArrayRig#CONFIG} (one
 * Verilator build): vector add with its results, status and counters; a faulting thread named
 * by the error summary; and the same cycle count and counters on JVM and Verilator.
 */
class ArrayBackendsTest {
  private static final long A = 0x8000_0000L;
  private static final long B = 0x8001_0000L;
  private static final long C = 0x8002_0000L;
  private static final int PES = ProbedArrayRig.CONFIG.pes();
  private static final int THREADS = ProbedArrayRig.CONFIG.threadsPerPe();

  /** What a vector-add launch left behind: cycles to irq and every counter. */
  private record Outcome(long cycles, List<Long> counters) {}

  private static Outcome vectorAdd(Backend backend, int n) {
    try (ProbedArrayRig rig = new ProbedArrayRig(backend)) {
      SplittableRandom rng = new SplittableRandom(23);
      int[] want = new int[n];
      for (int i = 0; i < n; i++) {
        int a = rng.nextInt();
        int b = rng.nextInt();
        rig.poke(A + 4L * i, a);
        rig.poke(B + 4L * i, b);
        want[i] = a + b;
      }
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      ArrayHost host = rig.host;
      host.load(p);
      host.args(A, B, C);
      long cycles = host.launch(p, n, 1, 300_000);
      for (int i = 0; i < n; i++) {
        assertEquals(want[i], rig.dramWord(C + 4L * i), backend + ": c[" + i + "]");
      }
      assertEquals(0, rig.dramWord(C + 4L * n), "nothing written past the end");
      assertEquals(0b010, host.read("status"), "done, not busy, no error");
      assertEquals(n, host.read("dispatched"));
      assertEquals(0, host.read("error_count"));
      assertEquals(0, host.read("error_where"), "no error latched");
      for (int pe = 0; pe < PES; pe++) {
        for (int t = 0; t < THREADS; t++) {
          long[] st = host.thread(pe, t);
          assertEquals(ThreadState.EXITED.ordinal(), st[0], "PE " + pe + " thread " + t);
          assertEquals(0, st[3], "exit code of PE " + pe + " thread " + t);
        }
      }
      List<Long> counters = new ArrayList<>();
      long busy = host.counter("cycles");
      assertTrue(busy > n / PES && busy <= cycles, "busy cycles " + busy + " of " + cycles);
      counters.add(busy);
      assertEquals(2L * n, host.counter("mem_pe_reads"));
      assertEquals(n, host.counter("mem_pe_writes"));
      long lineReads = host.counter("mem_line_reads");
      long lineWrites = host.counter("mem_line_writes");
      assertTrue(lineReads < 2L * n && lineWrites <= n, "combined: " + lineReads + " line reads, " + lineWrites
          + " line writes");
      counters.add(lineReads);
      counters.add(lineWrites);
      for (String e : PerfCounters.EVENTS) {
        long sum = 0;
        for (int pe = 0; pe < PES; pe++) {
          host.write("perf_select", pe);
          long mine = host.counter("pe_" + e);
          counters.add(mine);
          sum += mine;
        }
        assertEquals(sum, host.counter("sum_" + e), "sum_" + e + " = sum of the per-PE counters");
      }
      host.write("perf_select", 0);
      assertTrue(host.counter("pe_cycles") <= busy, "a PE is busy at most as long as the array");
      // 11 instructions per work-item, 5 + 4 per thread around the loop (vecadd.S)
      assertEquals(11L * n + 9 * PES * THREADS, host.counter("sum_retired"));
      return new Outcome(cycles, counters);
    }
  }

  @BackendTest
  void vectorAddComputesEveryItemAndCountsIt(Backend backend) {
    vectorAdd(backend, 200);
  }

  @BackendTest
  void aFaultingThreadIsNamedInTheErrorSummary(Backend backend) {
    int n = 48;
    int badItem = 29;
    try (ProbedArrayRig rig = new ProbedArrayRig(backend)) {
      for (int i = 0; i < n; i++) {
        rig.poke(A + 4L * i, i);
        rig.poke(B + 4L * i, 1000);
      }
      ArrayProgram p = ArrayProgram.build("fault.S");
      ArrayHost host = rig.host;
      host.load(p);
      host.args(A, B, C, badItem);
      host.launch(p, n, 1, 300_000);
      assertEquals(0b110, host.read("status"), "done with an error");
      assertEquals(1, host.read("error_count"));
      long where = host.read("error_where");
      assertEquals(1L << 31, where & (1L << 31), "error_where valid");
      int pe = (int) (where >> 8) & 0xFF;
      int t = (int) where & 0xFF;
      assertTrue(pe < PES && t < THREADS, "error_where " + Long.toHexString(where));
      assertEquals((ThreadState.FAULT.ordinal() << 8) | 5, host.read("error_cause"), "load access fault");
      assertEquals(p.symbol("boom"), host.read("error_pc"));
      assertEquals(0x3000_0000L, host.read("error_value"));
      long[] st = host.thread(pe, t);
      assertEquals(ThreadState.FAULT.ordinal(), st[0], "the named thread is the faulted one");
      assertEquals(5, st[1]);
      assertEquals(p.symbol("boom"), st[2]);
      assertEquals(0x3000_0000L, st[3]);
      int exited = 0;
      for (int q = 0; q < PES; q++) {
        for (int u = 0; u < THREADS; u++) {
          if (host.thread(q, u)[0] == ThreadState.EXITED.ordinal()) {
            exited++;
          }
        }
      }
      assertEquals(PES * THREADS - 1, exited, "every other thread exited normally");
      for (int i = 0; i < n; i++) {
        assertEquals(i == badItem ? 0 : i + 1000, rig.dramWord(C + 4L * i), "c[" + i + "]");
      }
      assertEquals(n, host.read("dispatched"));
    }
  }

  @Test
  void bothBackEndsTakeTheSameCyclesAndCountTheSame() {
    Outcome jvm = vectorAdd(Backend.JVM, 120);
    Outcome verilator = vectorAdd(Backend.VERILATOR, 120);
    assertEquals(jvm.cycles(), verilator.cycles(), "cycles from start to irq");
    assertEquals(jvm.counters(), verilator.counters(), "busy cycles, line counts, per-PE counters");
  }
}
