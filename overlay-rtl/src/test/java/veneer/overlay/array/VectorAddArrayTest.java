package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.memory.TimedDram;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/**
 * The whole array running vecadd.S against a DRAM with the shell channel's timing (100-cycle
 * latency, 64 B/cycle): checks every result and reports the useful bytes per cycle (12 per
 * work-item) from the start write to irq, with the IPC and the combining ratio.
 */
class VectorAddArrayTest {
  private static final long A = 0x8000_0000L;
  private static final long B = 0x8010_0000L;
  private static final long C = 0x8020_0000L;

  @Test
  void vectorAddOnEightPesAgainstTheDramModel() {
    int pes = Integer.getInteger("veneer.array.pes", 8);
    int threads = 16;
    int n = 4096;
    ArrayConfig config = new ArrayConfig(pes, threads, 256, 256, new CoalescerConfig(threads, 16, Integer.getInteger("veneer.array.window", 16), 4));
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new PeArray(config), Backend.JVM))) {
      TimedDram dram = sim.attach(new TimedDram("mem", 100, 128, 64));
      sim.attach(new Axi4ProtocolChecker(sim, "mem"));
      sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
      ArrayHost host = new ArrayHost(sim);
      sim.reset(2);
      for (int i = 0; i < n; i++) {
        dram.memory().writeLong(A + 4L * i, 4, 7L * i);
        dram.memory().writeLong(B + 4L * i, 4, 1_000_000L + i);
      }
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      host.load(p);
      host.args(A, B, C);
      long cycles = host.launch(p, n, 64, 2_000_000);
      for (int i = 0; i < n; i++) {
        assertEquals(1_000_000L + 8L * i, dram.memory().readLong(C + 4L * i, 4), "c[" + i + "]");
      }
      long retired = host.counter("sum_retired");
      long busy = host.counter("cycles");
      long requests = host.counter("mem_pe_reads") + host.counter("mem_pe_writes");
      long lines = host.counter("mem_line_reads") + host.counter("mem_line_writes");
      double bpc = 12.0 * n / cycles;
      System.out.printf("vecadd.S on %d PEs x %d threads: %d work-items in %d cycles = %.2f useful B/cycle"
          + " (%.1f%% of 64); IPC %.2f per PE; %d requests in %d lines; stall_memory %d of %d PE-cycles%n",
          pes, threads, n, cycles, bpc, 100 * bpc / 64, (double) retired / busy / pes, requests, lines,
          host.counter("sum_stall_memory"), host.counter("sum_cycles"));
      // Each thread has one access in flight, so the array is bound by Little's law at about
      // threads x 4 B per round trip (docs/overlay-array.md); these are the measured values.
      assertTrue(requests >= 2 * lines, "at least 2 requests per line on average: " + requests + " in " + lines);
      assertTrue(bpc >= 4.0, "useful bandwidth " + bpc);
    }
  }
}
