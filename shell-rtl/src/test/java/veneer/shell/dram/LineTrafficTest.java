package veneer.shell.dram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.AccessPattern;
import veneer.shell.dram.bench.BandwidthReport;
import veneer.shell.dram.bench.DramBandwidth;
import veneer.sim.Backend;

/**
 * The overlay's kind of traffic, single-beat (one 64-byte line) transactions from one manager,
 * through the simulated platform's DRAM (2 channels interleaved at 4 KiB, 20-cycle reads, the
 * Role's 4-bit IDs): one line per cycle is the port's limit in each direction. Cycle counts are
 * deterministic, so the bounds are exact enough to fail when a stage of the path halves it.
 * (Reads through the overlay's bridge: {@code veneer.shell.role.BridgeLineTrafficTest}.)
 */
class LineTrafficTest {
  private static final InterconnectConfig PLATFORM = new InterconnectConfig(2, 4, 34, 512, 32,
      AddressMap.interleaved(0, 2, 256 * 1024, 4096));
  private static final DramConfig TIMING = DramConfig.defaults().withReadLatency(20);
  private static final int LINES = 1024;

  @Test
  void singleBeatWritesStreamAtOnePerCycle() {
    BandwidthReport r = DramBandwidth.measure(Backend.JVM, PLATFORM, TIMING, AccessPattern.sequentialWrites(1, 1, LINES));
    System.out.println(r);
    // Before the write order queues a manager's next AW waited for the previous W: 2 cycles a line.
    assertTrue(r.cycles() <= LINES + 32, "one line per cycle, a few cycles to fill: " + r);
  }
}
