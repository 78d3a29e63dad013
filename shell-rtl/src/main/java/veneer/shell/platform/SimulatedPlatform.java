package veneer.shell.platform;

import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.Param;
import veneer.hdl.Top;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.ArrayRegisters;
import veneer.shell.BusProbe;
import veneer.shell.Shell;
import veneer.shell.ShellConfig;
import veneer.shell.VariantSpec;
import veneer.shell.dma.DmaConfig;
import veneer.shell.dram.AddressMap;
import veneer.shell.dram.DramConfig;
import veneer.shell.host.LinkChannel;
import veneer.shell.host.RootComplex;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpPacking;
import veneer.shell.role.OverlayRole;
import veneer.shell.role.RoleParams;
import veneer.shell.role.VectorAddKernel;

/**
 * The whole simulated device and its host, all RTL: the {@link RootComplex} (host memory,
 * request and completion queues, interrupt log), a {@link LinkChannel} each way, and the
 * {@link Shell} with three Role variants, the {@link VectorAddKernel} ({@link #VECTOR_ADD}), a
 * {@link RegisterRole} ({@link #REGISTERS}) and the overlay ({@link OverlayRole}, {@link #OVERLAY}),
 * so a test can switch between them by partial reconfiguration. {@link PlatformDriver} drives it.
 *
 * <p>Top-level ports: {@code q0..q2}/{@code c0..c2} (request and completion queues of PF0's
 * driver, PF1's driver and the configuration agent), {@code irq} (interrupt log),
 * {@code mon_rx}/{@code mon_tx} (every TLP beat into and out of the Shell),
 * {@code mon_role_ctrl_*}/{@code mon_role_dram<i>_*}/{@code mon_dma_dram_*} (copies of the Role's
 * and the DMA engine's Shell-side buses), {@code role_irq} (the Role's lines as MSI-X sees them).
 *
 * <pre>{@code
 * try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(), Backend.JVM)) {
 *   dev.enumerate();
 *   System.out.println(dev.interfaceId().toString(16));
 * }
 * }</pre>
 */
@Top(description = "Shell + vector-add, register and overlay Roles + PCIe root complex and link: the simulated platform",
    testParams = {"dramKiB=4", "hostMemKiB=4", "smallDma=true", "overlayPes=2", "overlayWords=64"})
public final class SimulatedPlatform extends Module {
  /** Variant id of the vector-add kernel. */
  public static final long VECTOR_ADD = 1;
  /** Variant id of the register Role. */
  public static final long REGISTERS = 2;
  /** Variant id of the overlay (a PE array). */
  public static final long OVERLAY = 3;
  /** Address bits of the Role's control window (PF1 BAR0): 128 KiB, the PE array's whole map. */
  public static final int ROLE_CTRL_BITS = ArrayRegisters.ADDR_WIDTH;

  /**
   * @param hostMemDw host memory in DW (a power of two)
   * @param rcbBytes the host's read completion boundary
   * @param cplBytes the host's largest completion (a multiple of {@code rcbBytes})
   * @param outOfOrder the host answers reads out of order (completions of different tags interleave)
   * @param bytesPerCycle link bandwidth (63: PCIe Gen3 x16 at 250 MHz)
   * @param latencyCycles one-way link latency
   */
  public record Params(ShellConfig shell, int hostMemDw, int rcbBytes, int cplBytes, boolean outOfOrder,
      int bytesPerCycle, int latencyCycles) {
    /**
     * The three variants (the overlay with {@link OverlayRole#DEFAULT_ARRAY}) behind a 128 KiB
     * Role window ({@link #ROLE_CTRL_BITS}), 2 x 2 MiB DRAM channels interleaved at 4 KiB with a
     * 20-cycle read latency, 2 MiB of host memory answering in order with 64-byte completions, a
     * 63 bytes/cycle link with 64 cycles of latency.
     */
    public static Params defaults() {
      return sized(DEFAULT_DRAM_KIB, DEFAULT_HOST_MEM_KIB);
    }

    /**
     * The defaults with the overlay's array shape {@code overlay}
     * ({@code Params.defaults(OverlayRole.TEST_ARRAY)}: the platform of tests that need an
     * overlay but not the default one).
     */
    public static Params defaults(ArrayConfig overlay) {
      return sized(DEFAULT_DRAM_KIB, DEFAULT_HOST_MEM_KIB, overlay);
    }

    /** The defaults with {@code dramKiB} per DRAM channel and {@code hostMemKiB} of host memory. */
    public static Params sized(int dramKiB, int hostMemKiB) {
      return sized(dramKiB, hostMemKiB, OverlayRole.DEFAULT_ARRAY);
    }

    /** The defaults with chosen memory sizes and the overlay's array shape. */
    public static Params sized(int dramKiB, int hostMemKiB, ArrayConfig overlay) {
      AddressMap dram = AddressMap.interleaved(0, 2, (long) dramKiB << 10, 4096);
      // The array checks its stores against the DRAM there is (PE address 0x8000_0000 + d is DRAM d).
      ArrayConfig array = overlay.withGlobalBytes(dram.end());
      ShellConfig c = ShellConfig.defaults(List.of(new VariantSpec(VECTOR_ADD, VectorAddKernel::new),
          new VariantSpec(REGISTERS, RegisterRole::new), new VariantSpec(OVERLAY, p -> new OverlayRole(p, array))))
          .withRole(RoleParams.defaults().withCtrlAddrWidth(ROLE_CTRL_BITS))
          .withDram(dram, DramConfig.defaults().withReadLatency(20))
          .withProbes(true);
      return new Params(c, hostMemKiB << 8, 64, 64, false, 63, 64);
    }

    public Params withShell(ShellConfig c) {
      return new Params(c.withProbes(true), hostMemDw, rcbBytes, cplBytes, outOfOrder, bytesPerCycle, latencyCycles);
    }

    public Params withLink(int bytes, int latency) {
      return new Params(shell, hostMemDw, rcbBytes, cplBytes, outOfOrder, bytes, latency);
    }

    /** The host answers reads with completions of up to {@code bytes}, in any order when {@code anyOrder}. */
    public Params withCompletions(int bytes, boolean anyOrder) {
      return new Params(shell, hostMemDw, rcbBytes, bytes, anyOrder, bytesPerCycle, latencyCycles);
    }
  }

  /** DRAM per channel (two channels: 2 x 2 MiB, room for kernels' buffers) and host memory of the default platform, in KiB. */
  public static final int DEFAULT_DRAM_KIB = 2048;
  public static final int DEFAULT_HOST_MEM_KIB = 2048;

  public final Params params;

  /** The default platform ({@link Params#defaults()}). */
  public SimulatedPlatform() {
    this(Params.defaults());
  }

  /** The platform with chosen memory sizes (the other settings as {@link Params#defaults()}). */
  public SimulatedPlatform(int dramKiB, int hostMemKiB) {
    this(Params.sized(dramKiB, hostMemKiB));
  }

  /**
   * The platform with chosen memory sizes; with {@code smallDma}, the DMA's smallest buffers
   * ({@link DmaConfig#smallest()}); and an overlay of {@code overlayPes} PEs of 8 threads with
   * {@code overlayWords} words of IMEM and of scratchpad each: what the lint test synthesizes.
   */
  public SimulatedPlatform(@Param(name = "dramKiB", defaultValue = "2048") int dramKiB,
      @Param(name = "hostMemKiB", defaultValue = "2048") int hostMemKiB,
      @Param(name = "smallDma", defaultValue = "false") boolean smallDma,
      @Param(name = "overlayPes", defaultValue = "" + OverlayRole.DEFAULT_PES) int overlayPes,
      @Param(name = "overlayWords", defaultValue = "4096") int overlayWords) {
    this(withDma(Params.sized(dramKiB, hostMemKiB, new ArrayConfig(overlayPes, OverlayRole.DEFAULT_ARRAY.threadsPerPe(),
        overlayWords, overlayWords, OverlayRole.DEFAULT_ARRAY.coalescer())), smallDma));
  }

  private static Params withDma(Params p, boolean smallDma) {
    return smallDma ? p.withShell(p.shell().withDma(DmaConfig.smallest())) : p;
  }

  public SimulatedPlatform(Params p) {
    super("SimulatedPlatform");
    this.params = p;
    if (!p.shell().probes()) {
      throw new IllegalArgumentException("the simulated platform checks the Role's buses: build its Shell with"
          + " probes (ShellConfig.withProbes(true))");
    }
    int w = p.shell().tlpWidth();
    RootComplex rc = instance("rc", new RootComplex(w, p.hostMemDw(), p.rcbBytes(), p.cplBytes(), p.outOfOrder(), 0xACE1));
    LinkChannel down = instance("link_down", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    LinkChannel up = instance("link_up", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    Shell shell = instance("shell", new Shell(p.shell()));

    for (int q = 0; q < RootComplex.QUEUES; q++) {
      Tlp in = slave("q" + q, () -> new Tlp(w));
      Bundle.connect(in, rc.requestQueues.get(q));
      Tlp out = master("c" + q, () -> new Tlp(w));
      Bundle.connect(rc.completionQueues.get(q), out);
    }
    Stream irq = master("irq", () -> new Stream(64));
    Bundle.connect(rc.irq, irq);
    output("bad_dma", UInt(32)).assign(rc.badDma);

    Bundle.connect(rc.down, down.in);
    Bundle.connect(down.out, shell.rx);
    Bundle.connect(shell.tx, up.in);
    Bundle.connect(up.out, rc.up);
    monitor("mon_rx", shell.rx, w);
    monitor("mon_tx", shell.tx, w);

    output("role_irq", veneer.hdl.HdlType.bits(p.shell().role().interrupts())).assign(shell.roleIrq);
    BusProbe.forward(this, "mon_", renamed(shell.probes()));
  }

  /** The Shell's {@code probe_x} signals as {@code x}. */
  private static List<BusProbe.Signal> renamed(List<BusProbe.Signal> probes) {
    return probes.stream().map(s -> new BusProbe.Signal(s.name().substring("probe_".length()), s.value())).toList();
  }

  /** Outputs {@code name_*}: a copy of every beat that moves on {@code link}, valid for that cycle. */
  private void monitor(String name, Tlp link, int w) {
    Tlp mon = master(name, () -> new Tlp(w));
    TlpPacking.unpack(TlpPacking.pack(link), mon);
    mon.valid.assign(link.valid.and(link.ready));
  }

  /** The back-door path of DRAM channel {@code j}'s memory. */
  public static String dramPath(int j) {
    return "shell." + Shell.dramPath(j);
  }
}
