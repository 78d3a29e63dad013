package veneer.shell.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.bus.Axi4;
import veneer.shell.dram.AddressMap;
import veneer.shell.dram.DramConfig;
import veneer.shell.dram.InterconnectConfig;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.shell.dram.bench.AxiTransaction;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4Burst;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/**
 * The overlay's line traffic (single-beat 64-byte transactions, every one with its own array ID,
 * as the coalescer slots send them) through the {@link GlobalMemoryBridge} onto the simulated
 * platform's DRAM (4-bit Role IDs, 2 channels interleaved at 4 KiB, 20-cycle reads). The port
 * takes one AR and one W per cycle; cycle counts are deterministic, so the bounds fail when a
 * stage of the path waits (with IDs folded regardless of the channel, a Role ID waiting on one
 * channel held back reads to the other: 1024 sequential reads took about 2000 cycles).
 */
class BridgeLineTrafficTest {
  /** 16 PEs x 32 slots: the 9-bit IDs of a 16-PE overlay. */
  private static final Axi4.Params ARRAY = new Axi4.Params(9, 32, 512, 0);
  private static final InterconnectConfig PLATFORM = new InterconnectConfig(1, 4, 34, 512, 32,
      AddressMap.interleaved(0, 2, 256 * 1024, 4096));
  private static final DramConfig TIMING = DramConfig.defaults().withReadLatency(20);
  private static final long GLOBAL = GlobalMemoryBridge.PE_GLOBAL_BASE;
  private static final int LINES = 1024;

  @Test
  void sequentialLineReadsStreamAtOnePerCycle() {
    List<AxiTransaction> txs = new ArrayList<>();
    for (int k = 0; k < LINES; k++) {
      txs.add(AxiTransaction.read(line(k % 512, GLOBAL + 64L * k)));
    }
    long cycles = run(txs);
    assertTrue(cycles <= LINES + 40, "1024 line reads: one per cycle after the 20-cycle latency, took " + cycles);
  }

  @Test
  void vectorAddLineTrafficKeepsThePortBusy() {
    // c[k] = a[k] + b[k] line by line: two reads and a write per line; b is 68 KiB after a (the
    // other channel), c 128 KiB after a, so each channel moves at most two lines per element line.
    List<AxiTransaction> txs = new ArrayList<>();
    BigInteger[] data = {BigInteger.valueOf(0x1234)};
    BigInteger[] strb = {BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
    for (int k = 0; k < LINES; k++) {
      txs.add(AxiTransaction.read(line(2 * k % 512, GLOBAL + 64L * k)));
      txs.add(AxiTransaction.read(line((2 * k + 1) % 512, GLOBAL + 0x1_1000 + 64L * k)));
      txs.add(AxiTransaction.write(line(k % 512, GLOBAL + 0x2_0000 + 64L * k), data, strb));
    }
    long cycles = run(txs);
    // 2048 reads at one AR per cycle; the writes go beside them.
    assertTrue(cycles <= 2 * LINES + 100, "2048 line reads and 1024 line writes took " + cycles);
  }

  private static Axi4Burst line(long id, long address) {
    return new Axi4Burst(id, address, 0, 6, Axi4Burst.INCR);
  }

  /** Cycles from the first address handshake to the last response, both included. */
  private static long run(List<AxiTransaction> txs) {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(
        new BridgedDram(ARRAY, PLATFORM, TIMING, OverlayRole.ID_QUEUE_DEPTH), Backend.JVM))) {
      sim.attach(new Axi4ProtocolChecker(sim, "s"));
      Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "s", Axi4MasterDriver.Config.fullSpeed()));
      sim.reset(2);
      txs.forEach(m::submit);
      sim.runUntil(m::idle, 20L * txs.size());
      for (AxiTransaction tx : m.completed()) {
        assertEquals(0, tx.worstResp(), tx + " answered with an error");
      }
      long first = m.completed().stream().mapToLong(AxiTransaction::addrCycle).min().orElseThrow();
      long last = m.completed().stream().mapToLong(AxiTransaction::doneCycle).max().orElseThrow();
      long cycles = last + 1 - first;
      System.out.println(txs.size() + " line transactions through the bridge: " + cycles + " cycles");
      return cycles;
    }
  }
}
