package veneer.shell.dma.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import veneer.shell.dma.DmaDescriptor;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.ShellCore;
import veneer.shell.dma.ShellCoreTestBench;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.msix.MsixRegisters;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * The measurements behind {@code veneer bench shell}, on {@link ShellCoreTestBench}: one
 * descriptor per size and direction (64 B to 1 MiB by default, random data, checked after
 * the transfer), MMIO read round trip, interrupt latency. The platform is enumerated with a
 * 512-byte Max_Payload_Size and the host answers reads with completions of up to 512 bytes, as
 * a server root complex does; the link is Gen3 x16 at 250 MHz (63 B/cycle, 64 cycles each way).
 *
 * <pre>{@code
 * ShellBenchReport r = ShellBench.run(Backend.JVM, ShellBench.DEFAULT_SIZES);
 * System.out.println(r.toText());
 * }</pre>
 */
public final class ShellBench {
  private ShellBench() {}

  /** 64 B to 1 MiB, by factors of 4. */
  public static final List<Integer> DEFAULT_SIZES = List.of(64, 256, 1024, 4096, 16384, 65536, 262144, 1 << 20);
  private static final int MPS = 512;
  private static final long SEED = 1;
  private static final long HOST_BUFFER = 1 << 20;
  private static final long RING = 0x1000;

  /** Runs every measurement; sizes are multiples of 64 up to 1 MiB. */
  public static ShellBenchReport run(Backend backend, List<Integer> sizes) {
    for (int s : sizes) {
      if (s < 64 || s % 64 != 0 || s > (1 << 20)) {
        throw new IllegalArgumentException("transfer sizes are multiples of 64 bytes from 64 to 1 MiB, found " + s);
      }
    }
    ShellCoreTestBench.Params p = ShellCoreTestBench.Params.defaults().withCompletions(MPS, false);
    try (HostDriver host = HostDriver.open(new ShellCoreTestBench(p), ShellCore.DATA_WIDTH, backend)) {
      host.timeout(100_000);
      host.enumerate(MPS);
      DmaDriver dma = new DmaDriver(host);
      for (int c = 0; c < 4; c++) {
        dma.window(c, 0, p.shell().dram().totalBytes());
      }
      dma.ring(0, RING, 64);
      dma.ring(2, RING + 64 * 64, 64);
      Random rnd = new Random(SEED);
      List<DmaThroughput> h2c = new ArrayList<>();
      List<DmaThroughput> c2h = new ArrayList<>();
      for (int size : sizes) {
        byte[] data = new byte[size];
        rnd.nextBytes(data);
        host.writeHostMemory(HOST_BUFFER, data);
        h2c.add(transfer(host, dma, 0, HOST_BUFFER, 0x10000, size, "H2C", p.bytesPerCycle()));
        host.writeHostMemory(HOST_BUFFER, new byte[size]);
        c2h.add(transfer(host, dma, 2, 0x10000, HOST_BUFFER, size, "C2H", p.bytesPerCycle()));
        byte[] back = host.readHostMemory(HOST_BUFFER, size);
        if (!Arrays.equals(data, back)) {
          throw new IllegalStateException("the " + size + "-byte round trip host -> DRAM -> host changed the data");
        }
      }
      long mmio = mmioRoundTrip(host);
      long[] irq = interruptLatency(host, dma);
      String cfg = String.format("Gen3 x16 link model: %d B/cycle, %d cycles each way; MPS %d B, read requests %d B,"
          + " host completions up to %d B; %d tags; DRAM %d x %d MiB, %s back end", p.bytesPerCycle(),
          p.latencyCycles(), MPS, p.shell().maxReadBytes(), p.cplBytes(), p.shell().tags(), p.shell().dram().channels(),
          p.shell().dram().channelBytes() >> 20, backend);
      return new ShellBenchReport(h2c, c2h, mmio, irq[0], irq[1], cfg);
    }
  }

  private static DmaThroughput transfer(HostDriver host, DmaDriver dma, int channel, long src, long dst, int size,
      String dir, int link) {
    Simulator sim = host.simulator();
    DataWatch watch = host.simulator().attach(new DataWatch(channel < 2));
    long start = sim.cycle();
    int i = dma.submit(channel, src, dst, size, 0);
    long status;
    while ((status = dma.descriptorStatus(channel, i)) == 0) {
      if (sim.cycle() - start > 200_000) {
        throw new IllegalStateException(dir + " of " + size + " bytes did not finish within 200000 cycles");
      }
      sim.step(4);
    }
    long end = sim.cycle();
    host.simulator().detach(watch);
    if (status != DmaDescriptor.STATUS_DONE) {
      throw new IllegalStateException(dir + " of " + size + " bytes failed with status 0x" + Long.toHexString(status));
    }
    dma.clearDescriptorStatus(channel, i);
    return new DmaThroughput(dir, size, end - start, watch.last - watch.first + 1, link);
  }

  /** First and last cycle a data beat of the DMA crosses the link (CplD down for H2C, MWr of more than 1 DW up for C2H). */
  private static final class DataWatch implements CycleHook {
    final boolean h2c;
    long first = -1;
    long last = -1;

    DataWatch(boolean h2c) {
      this.h2c = h2c;
    }

    @Override
    public void beforeEdge(Simulator sim) {
      String port = h2c ? "mon_rx" : "mon_tx";
      if (sim.peek(port + "_valid") == 0) {
        return;
      }
      long fmt = sim.peek(port + "_fmt_type");
      boolean data = h2c ? fmt == 0x4A && sim.peek(port + "_length_dw") > 16
          : (fmt == 0x40 || fmt == 0x60) && sim.peek(port + "_length_dw") > 1;
      if (data) {
        if (first < 0) {
          first = sim.cycle();
        }
        last = sim.cycle();
      }
    }
  }

  private static long mmioRoundTrip(HostDriver host) {
    host.mmioRead(1, 2, UserRegisters.MAP.offsetOf("ident"));
    long start = host.simulator().cycle();
    host.mmioRead(1, 2, UserRegisters.MAP.offsetOf("scratch"));
    return host.simulator().cycle() - start;
  }

  private static long[] interruptLatency(HostDriver host, DmaDriver dma) {
    Simulator sim = host.simulator();
    int v = MsixRegisters.USER_VECTOR_BASE;
    dma.vector(v, RootComplex.MSI_BASE, 0x55, false);
    dma.msix(true, false);
    sim.step(500);
    host.interrupts();
    sim.poke("role_irq", 1);
    sim.step();
    sim.poke("role_irq", 0);
    long pulse = sim.runUntil(() -> sim.peek("irq_valid") != 0, 10_000) + 1;
    host.interrupts();
    long t0 = sim.cycle();
    host.mmioWrite(1, 2, UserRegisters.MAP.offsetOf("user_irq"), 1);
    long queued = sim.cycle() - t0;
    long doorbell = sim.runUntil(() -> sim.peek("irq_valid") != 0, 10_000) + queued;
    host.interrupts();
    return new long[] {pulse, doorbell};
  }
}
