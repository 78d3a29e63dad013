package veneer.shell.dram.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4Burst;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.shell.dram.DramConfig;
import veneer.shell.dram.DramSubsystem;
import veneer.shell.dram.InterconnectConfig;

/**
 * Measures the bandwidth a {@link DramSubsystem} achieves for an {@link AccessPattern}, in
 * bytes per cycle, by simulating it with full-speed Java managers (every VALID and READY high as
 * soon as possible) and AXI4 protocol checkers on every manager port.
 *
 * <pre>{@code
 * InterconnectConfig x = new InterconnectConfig(1, 4, 32, 512, 64, AddressMap.contiguous(0, 1, 1 << 20));
 * BandwidthReport r = DramBandwidth.measure(Backend.JVM, x, DramConfig.defaults(),
 *     AccessPattern.sequentialReads(1, 64, 64));
 * System.out.println(r);   // READ x1, 64-beat bursts ...: 262144 bytes in 4195 cycles = 62.49 bytes/cycle
 * }</pre>
 */
public final class DramBandwidth {
  private DramBandwidth() {}

  public static BandwidthReport measure(Backend backend, InterconnectConfig x, DramConfig timing,
      AccessPattern pattern) {
    if (pattern.masters() > x.masters()) {
      throw new IllegalArgumentException("the pattern uses " + pattern.masters() + " managers but the interconnect"
          + " has " + x.masters());
    }
    int busBytes = x.dataWidth() / 8;
    long burstBytes = (long) pattern.burstBeats() * busBytes;
    long slice = Long.highestOneBit(x.map().totalBytes() / pattern.masters()) / 4096 * 4096;
    if (burstBytes > 4096 || slice < burstBytes) {
      throw new IllegalArgumentException("bursts of " + burstBytes + " bytes must fit 4 KiB and a manager's slice"
          + " of " + slice + " bytes");
    }
    int size = Integer.numberOfTrailingZeros(busBytes);
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new DramSubsystem(x, timing), backend))) {
      List<Axi4MasterDriver> drivers = new ArrayList<>();
      for (int i = 0; i < pattern.masters(); i++) {
        sim.attach(new Axi4ProtocolChecker(sim, "m" + i));
        drivers.add(sim.attach(new Axi4MasterDriver(sim, "m" + i, Axi4MasterDriver.Config.fullSpeed())));
      }
      sim.reset(2);
      SplittableRandom rng = new SplittableRandom(pattern.seed());
      BigInteger[] data = new BigInteger[pattern.burstBeats()];
      BigInteger[] strb = new BigInteger[pattern.burstBeats()];
      Arrays.fill(data, BigInteger.ONE.shiftLeft(x.dataWidth()).subtract(BigInteger.valueOf(3)));
      Arrays.fill(strb, BigInteger.ONE.shiftLeft(busBytes).subtract(BigInteger.ONE));
      int ids = 1 << x.idWidth();
      long bytes = 0;
      for (int i = 0; i < pattern.masters(); i++) {
        long base = x.map().base() + i * slice;
        for (int k = 0; k < pattern.burstsPerMaster(); k++) {
          long off = pattern.random() ? rng.nextLong(slice / burstBytes) * burstBytes : k * burstBytes % slice;
          Axi4Burst b = new Axi4Burst(k % ids, base + off, pattern.burstBeats() - 1, size, Axi4Burst.INCR);
          boolean write = pattern.kind() == AccessPattern.Kind.WRITE
              || pattern.kind() == AccessPattern.Kind.READ_WRITE && k % 2 == 1;
          drivers.get(i).submit(write ? AxiTransaction.write(b, data, strb) : AxiTransaction.read(b));
          bytes += burstBytes;
        }
      }
      long start = sim.cycle();
      long limit = 100_000 + bytes / busBytes * 8L * pattern.masters() + timing.readLatency() * 4L;
      sim.runUntil(() -> drivers.stream().allMatch(Axi4MasterDriver::idle), limit);
      long end = drivers.stream().flatMap(d -> d.completed().stream()).mapToLong(AxiTransaction::doneCycle)
          .max().orElse(start);
      start = drivers.stream().flatMap(d -> d.completed().stream()).mapToLong(AxiTransaction::addrCycle)
          .min().orElse(start);
      for (Axi4MasterDriver d : drivers) {
        for (AxiTransaction tx : d.completed()) {
          if (tx.worstResp() != 0) {
            throw new IllegalStateException("the benchmark's " + tx + " was answered with response " + tx.worstResp());
          }
        }
      }
      return new BandwidthReport(pattern, bytes, end + 1 - start, busBytes * x.map().channels());
    }
  }
}
