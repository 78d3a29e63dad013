package veneer.shell.dram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.CheckedSimulator;

/**
 * The interconnect alone, between Java managers and Java subordinate memories that answer
 * different IDs out of order with random gaps: checkers on every manager and channel port.
 */
class AxiInterconnectTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 20240613L);

  @Test
  void randomTrafficAgainstOutOfOrderSubordinates() {
    InterconnectConfig x = new InterconnectConfig(3, 2, 20, 64, 2, AddressMap.interleaved(0x20000, 2, 64 * 1024, 4096));
    AddressMap map = x.map();
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new AxiInterconnect(x), Backend.JVM))) {
      RandomTraffic.Reference ref = new RandomTraffic.Reference(map.base(), (int) map.totalBytes());
      new SplittableRandom(SEED).nextBytes(ref.bytes);
      List<Axi4SlaveMemory> mems = new ArrayList<>();
      for (int j = 0; j < map.channels(); j++) {
        sim.attach(new Axi4ProtocolChecker(sim, "s" + j));
        Axi4SlaveMemory mem = sim.attach(new Axi4SlaveMemory(sim, "s" + j,
            Axi4SlaveMemory.Config.defaults().withLatency(3 + 5 * j).withOutOfOrder(true).withSeed(SEED + j)));
        for (int a = 0; a < map.channelBytes(); a++) {
          mem.memory().writeByte(a, ref.get(map.encode(j, a)));
        }
        mems.add(mem);
      }
      long slice = map.totalBytes() / x.masters() / 4096 * 4096;
      List<RandomTraffic> gens = new ArrayList<>();
      for (int i = 0; i < x.masters(); i++) {
        sim.attach(new Axi4ProtocolChecker(sim, "m" + i));
        Axi4MasterDriver d = sim.attach(new Axi4MasterDriver(sim, "m" + i, Axi4MasterDriver.Config.random(SEED + i)));
        long lo = map.base() + i * slice;
        gens.add(sim.attach(new RandomTraffic("m" + i, d, ref, lo, lo + slice, map.end(), 8, x.idWidth(), 200, 6,
            SEED * 17 + i)));
      }
      sim.reset(2);
      try {
        sim.runUntil(() -> gens.stream().allMatch(RandomTraffic::finished), 300_000);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + SEED + ": " + e.getMessage(), e);
      }
      for (RandomTraffic g : gens) {
        assertTrue(g.reads > 50 && g.writes > 50 && g.decodeErrors > 0, g.toString());
      }
      for (int j = 0; j < map.channels(); j++) {
        for (int a = 0; a < map.channelBytes(); a++) {
          long global = map.encode(j, a);
          assertEquals(ref.get(global), mems.get(j).memory().readByte(a),
              "seed " + SEED + ": channel " + j + " byte " + a + " (address 0x" + Long.toHexString(global) + ")");
        }
      }
    }
  }

  @Test
  void addressMapDecodesAndEncodesBothWays() {
    AddressMap inter = AddressMap.interleaved(0x400000, 4, 1 << 20, 8192);
    assertEquals(new AddressMap.Target(1, 0x0040), inter.decode(0x400000 + 0x2040).orElseThrow());
    assertEquals(new AddressMap.Target(0, 0x2000 + 0x10), inter.decode(0x400000 + 4 * 0x2000 + 0x10).orElseThrow());
    assertTrue(inter.decode(0x3fffff).isEmpty());
    assertTrue(inter.decode(0x400000 + (4 << 20)).isEmpty());
    AddressMap contig = AddressMap.contiguous(0, 3, 1 << 16);
    assertEquals(new AddressMap.Target(2, 5), contig.decode(0x20005).orElseThrow());
    SplittableRandom rng = new SplittableRandom(SEED);
    for (AddressMap m : List.of(inter, contig)) {
      for (int k = 0; k < 1000; k++) {
        long a = m.base() + rng.nextLong(m.totalBytes());
        AddressMap.Target t = m.decode(a).orElseThrow();
        assertEquals(a, m.encode(t.channel(), t.local()));
      }
    }
  }

  @Test
  void badMapsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AddressMap.interleaved(0, 3, 1 << 16, 4096));
    assertTrue(e.getMessage().contains("power-of-two number of channels"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AddressMap.interleaved(0, 2, 1 << 16, 1024));
    assertTrue(e.getMessage().contains("granule"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new InterconnectConfig(2, 4, 16, 512, 4, AddressMap.contiguous(0, 2, 1 << 16)));
    assertTrue(e.getMessage().contains("cover the DRAM"), e.getMessage());
  }
}
