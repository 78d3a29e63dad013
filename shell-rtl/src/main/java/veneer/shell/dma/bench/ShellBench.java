package veneer.shell.dma.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ShellInterfaceId;
import veneer.shell.ShellConfig;
import veneer.shell.dma.DmaDescriptor;
import veneer.shell.dma.DmaDriver;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.RegisterRole;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * The measurements behind {@code veneer bench shell}, on the assembled Shell in a
 * {@link SimulatedPlatform}: one descriptor per size and direction (64 B to 64 MiB by default,
 * random data, checked after the round trip), the MMIO read round trip, the interrupt latency of
 * a Role line through MSI-X, and the partial-bitstream load through PF0's configuration port. The
 * platform is enumerated with a 512-byte Max_Payload_Size and the host answers reads with
 * completions of up to 512 bytes, as a server root complex does; the link is Gen3 x16 at
 * 250 MHz (63 B/cycle, 64 cycles each way). DRAM and host memory are sized for the largest
 * transfer.
 *
 * <pre>{@code
 * ShellBenchReport r = ShellBench.run(Backend.JVM, ShellBench.DEFAULT_SIZES);
 * System.out.println(r.toText());
 * }</pre>
 */
public final class ShellBench {
  private ShellBench() {}

  /** 64 B to 64 MiB, by factors of 4. */
  public static final List<Integer> DEFAULT_SIZES = List.of(64, 256, 1024, 4096, 16384, 65536, 262144, 1 << 20,
      4 << 20, 16 << 20, 64 << 20);
  /** The largest transfer. */
  public static final int MAX_SIZE = 64 << 20;
  /** Bytes of configuration data in the image whose load is timed. */
  public static final int IMAGE_DATA_BYTES = 16 << 10;
  private static final int MPS = 512;
  private static final long SEED = 1;
  private static final long RING = 0x1000;
  private static final long HOST_BUFFER = 0x10000;
  private static final long DRAM_BUFFER = 0;

  /** Runs every measurement; sizes are multiples of 64 from 64 bytes to {@link #MAX_SIZE}. */
  public static ShellBenchReport run(Backend backend, List<Integer> sizes) {
    int largest = 64;
    for (int s : sizes) {
      if (s < 64 || s % 64 != 0 || s > MAX_SIZE) {
        throw new IllegalArgumentException("transfer sizes are multiples of 64 bytes from 64 to 64 MiB, found " + s);
      }
      largest = Math.max(largest, s);
    }
    SimulatedPlatform.Params p = platform(largest);
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(p), backend)) {
      HostDriver host = dev.host();
      host.timeout(100_000);
      dev.enumerate(MPS);
      DmaDriver dma = dev.dma();
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
        h2c.add(transfer(host, dma, 0, HOST_BUFFER, DRAM_BUFFER, size, "H2C", p.bytesPerCycle()));
        host.writeHostMemory(HOST_BUFFER, new byte[size]);
        c2h.add(transfer(host, dma, 2, DRAM_BUFFER, HOST_BUFFER, size, "C2H", p.bytesPerCycle()));
        byte[] back = host.readHostMemory(HOST_BUFFER, size);
        if (!Arrays.equals(data, back)) {
          throw new IllegalStateException("the " + size + "-byte round trip host -> DRAM -> host changed the data"
              + " (seed " + SEED + ")");
        }
      }
      long mmio = mmioRoundTrip(host);
      long[] load = imageLoad(dev);
      long[] irq = interruptLatency(dev);
      ShellConfig s = p.shell();
      String cfg = String.format("assembled Shell in SimulatedPlatform; Gen3 x16 link model: %d B/cycle, %d cycles"
          + " each way; MPS %d B, read requests %d B, host completions up to %d B; %d tags; %d-bit TLP beats; DRAM %d"
          + " x %d MiB; %s back end", p.bytesPerCycle(), p.latencyCycles(), MPS, s.dma().maxReadBytes(), p.cplBytes(),
          s.dma().tags(), s.tlpWidth(), s.dram().channels(), s.dram().channelBytes() >> 20, backend);
      return new ShellBenchReport(h2c, c2h, mmio, irq[0], irq[1], load[0], load[1], cfg);
    }
  }

  /**
   * The default platform with DRAM and host memory large enough for {@code largest} bytes, 512-byte
   * completions, and the small overlay {@link OverlayRole#TEST_ARRAY}: no figure here depends on the
   * overlay's shape, so the bench's time does not grow with the default overlay.
   */
  static SimulatedPlatform.Params platform(int largest) {
    int dramKiB = Math.max(SimulatedPlatform.DEFAULT_DRAM_KIB, largest / 2 / 1024);
    long hostBytes = Long.highestOneBit(HOST_BUFFER + largest - 1) << 1;
    int hostKiB = (int) Math.max(SimulatedPlatform.DEFAULT_HOST_MEM_KIB, hostBytes >> 10);
    return SimulatedPlatform.Params.sized(dramKiB, hostKiB, OverlayRole.TEST_ARRAY).withCompletions(MPS, false);
  }

  private static DmaThroughput transfer(HostDriver host, DmaDriver dma, int channel, long src, long dst, int size,
      String dir, int link) {
    veneer.sim.bus.CheckedSimulator sim = host.simulator();
    DataWatch watch = sim.attach(new DataWatch(channel < 2));
    long start = sim.cycle();
    int i = dma.submit(channel, src, dst, size, 0);
    long limit = 200_000L + size;
    long status;
    while ((status = dma.descriptorStatus(channel, i)) == 0) {
      if (sim.cycle() - start > limit) {
        throw new IllegalStateException(dir + " of " + size + " bytes did not finish within " + limit + " cycles");
      }
      sim.step(4);
    }
    long end = sim.cycle();
    sim.detach(watch);
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

  /** Loads the register Role from an image with {@link #IMAGE_DATA_BYTES} of data; returns its bytes and cycles. */
  private static long[] imageLoad(PlatformDriver dev) {
    byte[] data = new byte[IMAGE_DATA_BYTES];
    new Random(SEED).nextBytes(data);
    byte[] image = PartialBitstream.builder().variantId(SimulatedPlatform.REGISTERS)
        .shellInterfaceId(ShellInterfaceId.parse(ShellConfig.DEFAULT_INTERFACE_ID.toString(16))).data(data).build()
        .toBytes();
    long start = dev.simulator().cycle();
    PrStatus s = dev.loadImage(image);
    long cycles = dev.simulator().cycle() - start;
    if (s != PrStatus.OK) {
      throw new IllegalStateException("the register Role's image was refused: " + s);
    }
    return new long[] {image.length, cycles};
  }

  /**
   * Role line 0 (the register Role's IRQ register) rising to its MSI-X message in the host's log,
   * and a PF1 {@code user_irq} write entering the host's queue to its message in the log.
   */
  private static long[] interruptLatency(PlatformDriver dev) {
    Simulator sim = dev.simulator();
    HostDriver host = dev.host();
    DmaDriver dma = dev.dma();
    dma.vector(MsixRegisters.ROLE_VECTOR_BASE, RootComplex.MSI_BASE, 0x55, false);
    dma.vector(MsixRegisters.USER_VECTOR_BASE, RootComplex.MSI_BASE + 4, 0x66, false);
    dma.msix(true, false);
    sim.step(500);
    host.interrupts();
    dev.roleWrite(RegisterRole.IRQ, 1);
    sim.runUntil(() -> sim.peek("role_irq") != 0, 10_000);
    long line = sim.runUntil(() -> sim.peek("irq_valid") != 0, 10_000) + 1;
    host.interrupts();
    dev.roleWrite(RegisterRole.IRQ, 0);
    long t0 = sim.cycle();
    host.mmioWrite(1, 2, UserRegisters.MAP.offsetOf("user_irq"), 1);
    long queued = sim.cycle() - t0;
    long doorbell = sim.runUntil(() -> sim.peek("irq_valid") != 0, 10_000) + queued;
    host.interrupts();
    return new long[] {line, doorbell};
  }
}
