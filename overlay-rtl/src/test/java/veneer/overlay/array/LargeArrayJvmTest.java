package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;
import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.memory.TimedDram;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/**
 * A 16-PE array (16 threads each, 1024 words of IMEM and scratchpad) elaborates and runs vector
 * add on the zero-install JVM back end, which used to fail on it with ClassTooLargeException
 * (docs/simulation.md, "Large designs"). Prints the elaboration, compilation and simulation
 * figures that docs/simulation.md quotes; {@code -Dveneer.array.pes=32} measures 32 PEs.
 */
class LargeArrayJvmTest {
  private static final long A = 0x8000_0000L;
  private static final long B = 0x8010_0000L;
  private static final long C = 0x8020_0000L;

  @Test
  void sixteenPesRunVectorAddOnTheJvmBackEnd() {
    int pes = Integer.getInteger("veneer.array.pes", 16);
    int threads = 16;
    int n = Integer.getInteger("veneer.array.n", 512);
    ArrayConfig config = new ArrayConfig(pes, threads, 1024, 1024, CoalescerConfig.forThreads(threads));
    long t0 = System.nanoTime();
    Design design = Elaborator.elaborate(new PeArray(config));
    long t1 = System.nanoTime();
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(design, Backend.JVM))) {
      long t2 = System.nanoTime();
      TimedDram dram = sim.attach(new TimedDram("mem", 100, 128, 64));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
      ArrayHost host = new ArrayHost(sim);
      sim.reset(2);
      for (int i = 0; i < n; i++) {
        dram.memory().writeLong(A + 4L * i, 4, 3L * i);
        dram.memory().writeLong(B + 4L * i, 4, 500_000L + i);
      }
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      host.load(p);
      host.args(A, B, C);
      long cycles = host.launch(p, n, 64, 20_000);
      long t3 = System.nanoTime();
      long simulated = sim.cycle();
      System.out.printf("%d PEs x %d threads on the JVM back end: elaboration %.1f s, flatten+compile %.1f s;"
          + " %d cycles (launch to irq: %d) in %.1f s = %.0f simulated cycles/s%n",
          pes, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, simulated, cycles, (t3 - t2) / 1e9,
          simulated / ((t3 - t2) / 1e9));
      for (int i = 0; i < n; i++) {
        assertEquals(500_000L + 4L * i, dram.memory().readLong(C + 4L * i, 4), "c[" + i + "]");
      }
      assertEquals(0, dram.memory().readLong(C + 4L * n, 4), "nothing written past the end");
      assertEquals(0b010, host.read("status"), "status: done, not busy, no error");
      assertEquals(n, host.read("dispatched"));
      assertEquals(0, host.read("error_count"));
      long sum = 0;
      for (int pe = 0; pe < pes; pe++) {
        host.write("perf_select", pe);
        long mine = host.counter("pe_retired");
        assertTrue(mine > 0, "PE " + pe + " retired instructions");
        sum += mine;
      }
      assertEquals(sum, host.counter("sum_retired"), "summed counter = sum of the per-PE counters");
      // 11 instructions per work-item, 5 + 4 per thread around the loop (vecadd.S)
      assertEquals(11L * n + 9L * pes * threads, sum, "instructions retired");
      assertTrue(cycles > 100, "the launch took only " + cycles + " cycles");
    }
  }
}
