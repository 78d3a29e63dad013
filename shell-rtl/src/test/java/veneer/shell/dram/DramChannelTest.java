package veneer.shell.dram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.shell.dram.bench.AxiTransaction;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

class DramChannelTest {
  private static final DramConfig SMALL = DramConfig.defaults().withSizeBytes(64 * 1024);

  private static CheckedSimulator open(DramConfig c) {
    CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new DramChannel(c), Backend.JVM));
    sim.attach(new Axi4ProtocolChecker(sim, "s"));
    return sim;
  }

  private static Axi4MasterDriver fullSpeed(CheckedSimulator sim) {
    Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "s", Axi4MasterDriver.Config.fullSpeed()));
    sim.reset(2);
    return m;
  }

  @Test
  void firstBeatComesExactlyTheReadLatencyAfterTheAddress() {
    for (int latency : new int[] {3, 20, 100}) {
      try (CheckedSimulator sim = open(SMALL.withReadLatency(latency))) {
        Axi4MasterDriver m = fullSpeed(sim);
        AxiTransaction one = m.submit(AxiTransaction.read(1, 0x40, 0, 6));
        sim.runUntil(m::idle, 1000);
        assertEquals(latency, one.firstDataCycle() - one.addrCycle(), "latency " + latency);
        AxiTransaction burst = m.submit(AxiTransaction.read(2, 0x1000, 63, 6));
        sim.runUntil(m::idle, 1000);
        assertEquals(latency, burst.firstDataCycle() - burst.addrCycle(), "latency " + latency);
        assertEquals(63, burst.doneCycle() - burst.firstDataCycle(), "64 beats (4 KiB) in 64 cycles");
      }
    }
  }

  @Test
  void aLongestIncrBurstOf256BeatsStreamsOnANarrowerChannel() {
    try (CheckedSimulator sim = open(SMALL.withDataWidth(128).withReadLatency(10))) {
      Axi4MasterDriver m = fullSpeed(sim);
      AxiTransaction burst = m.submit(AxiTransaction.read(0, 0x2000, 255, 4));
      sim.runUntil(m::idle, 1000);
      assertEquals(10, burst.firstDataCycle() - burst.addrCycle());
      assertEquals(255, burst.doneCycle() - burst.firstDataCycle(), "256 beats in 256 cycles");
    }
  }

  @Test
  void backToBackReadBurstsMoveOneBeatEveryCycle() {
    try (CheckedSimulator sim = open(SMALL)) {
      Axi4MasterDriver m = fullSpeed(sim);
      List<AxiTransaction> txs = new ArrayList<>();
      for (int k = 0; k < 16; k++) {
        txs.add(m.submit(AxiTransaction.read(k % 16, k * 4096L, 63, 6)));
      }
      sim.runUntil(m::idle, 10_000);
      long cycles = txs.get(15).doneCycle() - txs.get(0).addrCycle();
      assertEquals(100 + 16 * 64 - 1, cycles, "latency once, then 1024 beats back to back");
    }
  }

  @Test
  void backToBackWriteBurstsMoveOneBeatEveryCycle() {
    try (CheckedSimulator sim = open(SMALL)) {
      Axi4MasterDriver m = fullSpeed(sim);
      List<AxiTransaction> txs = new ArrayList<>();
      BigInteger[] data = new BigInteger[64];
      BigInteger[] strb = new BigInteger[64];
      Arrays.fill(data, BigInteger.TEN);
      Arrays.fill(strb, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
      for (int k = 0; k < 16; k++) {
        txs.add(m.submit(AxiTransaction.write(new veneer.sim.bus.Axi4Burst(k % 16, k * 4096L, 63, 6, 1), data, strb)));
      }
      sim.runUntil(m::idle, 10_000);
      // AW and the first W offered in cycle t; the channel takes W from t+1, 1024 beats, B one cycle later.
      assertEquals(1 + 1024, txs.get(15).doneCycle() - txs.get(0).addrCycle());
    }
  }

  @Test
  void refreshPausesTheDataPathOnSchedule() {
    int interval = 1000;
    int pause = 50;
    int latency = 3;
    try (CheckedSimulator sim = open(SMALL.withReadLatency(latency).withRefresh(interval, pause))) {
      Axi4MasterDriver m = fullSpeed(sim);
      long resetEnd = sim.cycle();
      List<AxiTransaction> txs = new ArrayList<>();
      for (int k = 0; k < 64; k++) {
        txs.add(m.submit(AxiTransaction.read(0, k % 16 * 4096L, 63, 6)));
      }
      sim.runUntil(m::idle, 20_000);
      // Model: beats issue from (first address + latency - 2), one per cycle outside refresh windows,
      // and reach the port two cycles after issue.
      long c = txs.get(0).addrCycle() + latency - 2;
      int issued = 0;
      long lastIssue = -1;
      while (issued < 64 * 64) {
        if ((c - resetEnd) % interval >= pause) {
          issued++;
          lastIssue = c;
        }
        c++;
      }
      assertEquals(lastIssue + 2, txs.get(63).doneCycle());
    }
  }

  @Test
  void randomTrafficMatchesTheReferenceWithBackdoorAccess() {
    long seed = Long.getLong("veneer.random.seed", 20240611L);
    for (DramConfig c : List.of(SMALL.withReadLatency(7), SMALL.withReadLatency(5).withRefresh(97, 9).withBurstGap(2),
        SMALL.withDataWidth(64).withReadLatency(4).withMaxOutstandingReads(3))) {
      try (CheckedSimulator sim = open(c)) {
        RandomTraffic.Reference ref = new RandomTraffic.Reference(0, (int) c.sizeBytes());
        SplittableRandom rng = new SplittableRandom(seed);
        rng.nextBytes(ref.bytes);
        sim.writeMemory("ram", 0, words(ref.bytes, c.dataBytes()));
        Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "s", Axi4MasterDriver.Config.random(seed)));
        RandomTraffic t = sim.attach(new RandomTraffic("channel", m, ref, 0, c.sizeBytes(), -1, c.dataBytes(),
            c.idWidth(), 300, 6, seed));
        sim.reset(2);
        try {
          sim.runUntil(t::finished, 200_000);
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError("seed " + seed + ", " + c + ": " + e.getMessage(), e);
        }
        assertTrue(t.reads > 100 && t.writes > 100 && t.narrow > 30, t.toString());
        BigInteger[] back = sim.readMemory("ram", 0, c.words());
        assertEquals(List.of(words(ref.bytes, c.dataBytes())), List.of(back), "seed " + seed + ": memory contents");
      }
    }
  }

  @Test
  void theDefault16MiBChannelSimulatesEndToEnd() {
    DramConfig c = DramConfig.defaults();
    assertEquals(256 * 1024, c.words());
    try (CheckedSimulator sim = open(c)) {
      Axi4MasterDriver m = fullSpeed(sim);
      BigInteger[] data = new BigInteger[64];
      BigInteger[] strb = new BigInteger[64];
      for (int i = 0; i < 64; i++) {
        data[i] = BigInteger.valueOf(i + 1).shiftLeft(448);
        strb[i] = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      }
      long top = c.sizeBytes() - 4096;
      m.submit(AxiTransaction.write(new veneer.sim.bus.Axi4Burst(3, top, 63, 6, 1), data, strb));
      sim.runUntil(m::idle, 1000);
      AxiTransaction rd = m.submit(AxiTransaction.read(3, top, 63, 6));
      sim.runUntil(m::idle, 1000);
      assertEquals(List.of(data), List.of(rd.rdata));
      assertEquals(BigInteger.valueOf(64).shiftLeft(448), sim.readMemory("ram", c.words() - 1, 1)[0]);
    }
  }

  @Test
  void badParametersAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.withReadLatency(2));
    assertTrue(e.getMessage().contains("at least 3 cycles"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SMALL.withSizeBytes(5000));
    assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SMALL.withRefresh(10, 10));
    assertTrue(e.getMessage().contains("refreshCycles"), e.getMessage());
  }

  /** Little-endian bytes as bus words, word 0 first. */
  static BigInteger[] words(byte[] bytes, int busBytes) {
    BigInteger[] w = new BigInteger[bytes.length / busBytes];
    for (int i = 0; i < w.length; i++) {
      byte[] be = new byte[busBytes + 1];
      for (int k = 0; k < busBytes; k++) {
        be[busBytes - k] = bytes[i * busBytes + k];
      }
      w[i] = new BigInteger(be);
    }
    return w;
  }
}
