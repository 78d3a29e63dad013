package veneer.shell.dram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.AccessPattern;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.shell.dram.bench.AxiTransaction;
import veneer.shell.dram.bench.BandwidthReport;
import veneer.shell.dram.bench.DramBandwidth;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4Burst;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

class DramSubsystemTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 20240612L);
  private static final DramConfig TIMING = DramConfig.defaults().withReadLatency(12);

  private static CheckedSimulator open(InterconnectConfig x, DramConfig timing) {
    CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new DramSubsystem(x, timing), Backend.JVM));
    for (int i = 0; i < x.masters(); i++) {
      sim.attach(new Axi4ProtocolChecker(sim, "m" + i));
    }
    return sim;
  }

  @Test
  void randomTrafficFromThreeManagersOverInterleavedChannels() {
    runRandom(new InterconnectConfig(3, 3, 20, 512, 4, AddressMap.interleaved(0, 2, 64 * 1024, 4096)));
  }

  @Test
  void randomTrafficOverThreeContiguousChannelsAboveABase() {
    runRandom(new InterconnectConfig(3, 2, 20, 512, 3, AddressMap.contiguous(0x40000, 3, 32 * 1024)));
  }

  private void runRandom(InterconnectConfig x) {
    AddressMap map = x.map();
    try (CheckedSimulator sim = open(x, TIMING)) {
      RandomTraffic.Reference ref = new RandomTraffic.Reference(map.base(), (int) map.totalBytes());
      new SplittableRandom(SEED).nextBytes(ref.bytes);
      preload(sim, map, ref, 64);
      long slice = map.totalBytes() / x.masters() / 4096 * 4096;
      List<RandomTraffic> gens = new ArrayList<>();
      for (int i = 0; i < x.masters(); i++) {
        Axi4MasterDriver d = sim.attach(new Axi4MasterDriver(sim, "m" + i, Axi4MasterDriver.Config.random(SEED + i)));
        long lo = map.base() + i * slice;
        gens.add(sim.attach(new RandomTraffic("m" + i, d, ref, lo, lo + slice, map.end(), 64, x.idWidth(), 150, 6,
            SEED * 31 + i)));
      }
      sim.reset(2);
      try {
        sim.runUntil(() -> gens.stream().allMatch(RandomTraffic::finished), 300_000);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + SEED + ": " + e.getMessage(), e);
      }
      for (RandomTraffic g : gens) {
        assertTrue(g.reads > 40 && g.writes > 40 && g.decodeErrors > 0, g.toString());
      }
      for (int j = 0; j < map.channels(); j++) {
        BigInteger[] got = sim.readMemory(DramSubsystem.memoryPath(j), 0, (int) (map.channelBytes() / 64));
        for (int w = 0; w < got.length; w++) {
          for (int k = 0; k < 64; k++) {
            long global = map.encode(j, w * 64L + k);
            int b = got[w].shiftRight(8 * k).intValue() & 0xFF;
            if (b != ref.get(global)) {
              throw new AssertionError("seed " + SEED + ": channel " + j + " byte 0x" + Long.toHexString(w * 64L + k)
                  + " (address 0x" + Long.toHexString(global) + ") holds 0x" + Integer.toHexString(b)
                  + ", expected 0x" + Integer.toHexString(ref.get(global)));
            }
          }
        }
      }
    }
  }

  /** Loads every channel through the back door, laid out by the address map. */
  static void preload(CheckedSimulator sim, AddressMap map, RandomTraffic.Reference ref, int busBytes) {
    for (int j = 0; j < map.channels(); j++) {
      byte[] local = new byte[(int) map.channelBytes()];
      for (int a = 0; a < local.length; a++) {
        local[a] = (byte) ref.get(map.encode(j, a));
      }
      sim.writeMemory(DramSubsystem.memoryPath(j), 0, DramChannelTest.words(local, busBytes));
    }
  }

  @Test
  void addressesOutsideTheDramAnswerDecodeErrorWithEveryBeat() {
    InterconnectConfig x = new InterconnectConfig(2, 2, 20, 512, 4, AddressMap.contiguous(0x40000, 2, 64 * 1024));
    try (CheckedSimulator sim = open(x, TIMING)) {
      Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "m1", Axi4MasterDriver.Config.random(SEED)));
      sim.attach(new Axi4MasterDriver(sim, "m0", Axi4MasterDriver.Config.fullSpeed()));
      sim.reset(2);
      AxiTransaction below = m.submit(AxiTransaction.read(1, 0x3f000, 7, 6));
      AxiTransaction above = m.submit(AxiTransaction.read(1, 0x60000, 0, 6));
      AxiTransaction inside = m.submit(AxiTransaction.read(1, 0x5ffc0, 0, 6));
      BigInteger[] d = new BigInteger[4];
      BigInteger[] s = new BigInteger[4];
      Arrays.fill(d, BigInteger.ONE);
      Arrays.fill(s, BigInteger.ONE);
      AxiTransaction write = m.submit(AxiTransaction.write(new Axi4Burst(2, 0xff000, 3, 6, Axi4Burst.INCR), d, s));
      sim.runUntil(m::idle, 2000);
      assertEquals(List.of(3, 3, 3, 3, 3, 3, 3, 3), Arrays.stream(below.resp).boxed().toList());
      assertEquals(3, above.resp[0]);
      assertEquals(0, inside.resp[0], "the last DRAM word");
      assertEquals(3, write.resp[0]);
      assertTrue(below.doneCycle() < inside.doneCycle() && above.doneCycle() < inside.doneCycle(),
          "same-ID responses stay in order across the error responder and a channel");
    }
  }

  @Test
  void throughTheInterconnectReadsKeepTheLatencyAndOneBeatPerCycle() {
    InterconnectConfig x = new InterconnectConfig(2, 4, 24, 512, 32, AddressMap.interleaved(0, 2, 64 * 1024, 4096));
    try (CheckedSimulator sim = open(x, DramConfig.defaults())) {
      Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "m0", Axi4MasterDriver.Config.fullSpeed()));
      sim.reset(2);
      List<AxiTransaction> txs = new ArrayList<>();
      for (int k = 0; k < 16; k++) {
        txs.add(m.submit(AxiTransaction.read(0, k * 8192L, 63, 6))); // all in channel 0, one ID
      }
      sim.runUntil(m::idle, 5000);
      assertEquals(100, txs.get(0).firstDataCycle() - txs.get(0).addrCycle());
      assertEquals(100 + 16 * 64 - 1, txs.get(15).doneCycle() - txs.get(0).addrCycle());
    }
  }

  @Test
  void writeBurstsThroughTheInterconnectFollowEachOtherWithoutAGap() {
    InterconnectConfig x = new InterconnectConfig(1, 4, 24, 512, 32, AddressMap.contiguous(0, 1, 64 * 1024));
    try (CheckedSimulator sim = open(x, DramConfig.defaults())) {
      Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "m0", Axi4MasterDriver.Config.fullSpeed()));
      sim.reset(2);
      BigInteger[] d = new BigInteger[64];
      BigInteger[] s = new BigInteger[64];
      Arrays.fill(d, BigInteger.TWO);
      Arrays.fill(s, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
      List<AxiTransaction> txs = new ArrayList<>();
      for (int k = 0; k < 16; k++) {
        txs.add(m.submit(AxiTransaction.write(new Axi4Burst(k, k * 4096L, 63, 6, Axi4Burst.INCR), d, s)));
      }
      sim.runUntil(m::idle, 5000);
      // Addresses go ahead of their data (the write order queues), so the data beats run back to back
      // from t+1 to t+1024 and the last response follows one cycle later. (When a manager's next AW
      // waited for the previous burst's WLAST, each burst lost a cycle: 16 * 65.)
      assertEquals(16 * 64 + 1, txs.get(15).doneCycle() - txs.get(0).addrCycle());
    }
  }

  @Test
  void managersSharingOneChannelGetEqualTurns() {
    InterconnectConfig x = new InterconnectConfig(3, 4, 24, 512, 63, AddressMap.contiguous(0, 1, 64 * 1024));
    try (CheckedSimulator sim = open(x, TIMING)) {
      List<Axi4MasterDriver> ms = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Axi4MasterDriver m = sim.attach(new Axi4MasterDriver(sim, "m" + i, Axi4MasterDriver.Config.fullSpeed()));
        ms.add(m);
        BigInteger[] d = {BigInteger.valueOf(i)};
        BigInteger[] s = {BigInteger.ONE};
        for (int k = 0; k < 300; k++) {
          // Manager 0 sends 4-beat bursts, the others single beats: turns are per burst, not per beat.
          m.submit(AxiTransaction.read(k % 16, 4096L * i + k % 16 * 256, i == 0 ? 3 : 0, 6));
          m.submit(AxiTransaction.write(new Axi4Burst(k % 16, 4096L * i + 64L * (k % 32), 0, 6, Axi4Burst.INCR), d, s));
        }
      }
      sim.reset(2);
      sim.runUntil(() -> ms.stream().anyMatch(Axi4MasterDriver::idle), 50_000);
      for (String kind : List.of("read", "write")) {
        boolean write = kind.equals("write");
        long[] done = ms.stream().mapToLong(m -> m.completed().stream().filter(t -> t.write == write).count()).toArray();
        long min = Arrays.stream(done).min().getAsLong();
        long max = Arrays.stream(done).max().getAsLong();
        assertTrue(max - min <= 2 && min > 0, kind + " bursts completed per manager: " + Arrays.toString(done));
      }
    }
  }

  @Test
  void bandwidthMeterReportsTheRoofline() {
    InterconnectConfig one = new InterconnectConfig(2, 4, 24, 512, 63, AddressMap.contiguous(0, 1, 256 * 1024));
    BandwidthReport reads = DramBandwidth.measure(Backend.JVM, one, DramConfig.defaults(),
        AccessPattern.sequentialReads(1, 64, 64));
    // 4096 beats after one 100-cycle latency.
    assertEquals(64L * 64 * 64, reads.bytes());
    assertEquals(100 + 4096, reads.cycles(), reads.toString());
    assertTrue(reads.bytesPerCycle() > 62 && reads.bytesPerCycle() <= 64, reads.toString());
    BandwidthReport shared = DramBandwidth.measure(Backend.JVM, one, DramConfig.defaults(),
        AccessPattern.sequentialReads(2, 16, 64).withKind(AccessPattern.Kind.READ_WRITE));
    assertTrue(shared.bytesPerCycle() <= 64 && shared.bytesPerCycle() > 50, shared.toString());
    InterconnectConfig two = new InterconnectConfig(2, 4, 24, 512, 63, AddressMap.interleaved(0, 2, 128 * 1024, 4096));
    BandwidthReport both = DramBandwidth.measure(Backend.JVM, two, DramConfig.defaults(),
        AccessPattern.sequentialReads(2, 64, 64));
    assertEquals(128, both.peakBytesPerCycle());
    assertTrue(both.bytesPerCycle() > 100 && both.bytesPerCycle() <= 128, both.toString());
    BandwidthReport singleBeats = DramBandwidth.measure(Backend.JVM, one, DramConfig.defaults(),
        AccessPattern.sequentialReads(1, 1, 512).withRandomAddresses(SEED));
    assertTrue(singleBeats.bytesPerCycle() < 64, "the latency is visible on short bursts: " + singleBeats);
    System.out.println(reads + "\n" + shared + "\n" + both + "\n" + singleBeats);
  }
}
