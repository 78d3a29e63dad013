package veneer.shell.host;

import java.math.BigInteger;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.shell.mgmt.PcieShell;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpPacking;

/**
 * The simulated platform for tests: {@link RootComplex} (host memory, request and completion
 * queues, interrupt log), a {@link LinkChannel} each way, the {@link PcieShell}, and a
 * {@link ScratchRole} behind PF1 BAR0. Java talks to it through {@link HostDriver}.
 *
 * <p>Top-level ports: {@code q0..q2} / {@code c0..c2} (request and completion queues: PF0,
 * PF1, configuration), {@code irq} (interrupt log), {@code dev_rq} / {@code dev_rc} (the
 * Shell's device-initiated request port and its completions, for the DMA engine to come and for
 * tests), {@code mon_rx} / {@code mon_tx} (every beat that enters / leaves the endpoint, valid
 * for one cycle, for protocol checkers), the Role controls and the configuration port.
 *
 * <pre>{@code
 * try (HostDriver host = HostDriver.open(new HostPlatform(Params.defaults()), Backend.JVM)) {
 *   host.enumerate();
 *   long id = host.mmioRead(0, 0, 0x0);
 * }
 * }</pre>
 */
public final class HostPlatform extends Module {
  /**
   * @param bytesPerCycle link bandwidth; 63 is PCIe Gen3 x16 (8 GT/s x 16 lanes x 128/130) at a 250 MHz user clock
   * @param latencyCycles one-way link latency
   * @param cplBytes the host's largest read completion (a multiple of {@code rcbBytes})
   * @param outOfOrder the host answers pending reads interleaved and out of order
   */
  public record Params(int dataWidth, int hostMemDw, int rcbBytes, int bytesPerCycle, int latencyCycles,
      long roleBarSize, BigInteger interfaceId, int cplBytes, boolean outOfOrder) {
    public static Params defaults() {
      return new Params(Tlp.DEFAULT_WIDTH, 1 << 16, 64, 63, 64, 0x10000,
          new BigInteger("5645_4E45_4552_5348_454C_4C30_0000_0001".replace("_", ""), 16), 64, false);
    }

    public Params withLink(int bytes, int latency) {
      return new Params(dataWidth, hostMemDw, rcbBytes, bytes, latency, roleBarSize, interfaceId, cplBytes,
          outOfOrder);
    }

    /** These parameters with another beat width and host memory size. */
    public Params withSizes(int width, int memDw) {
      return new Params(width, memDw, rcbBytes, bytesPerCycle, latencyCycles, roleBarSize, interfaceId, cplBytes,
          outOfOrder);
    }

    /** These parameters with the host's completion size and ordering. */
    public Params withCompletions(int bytes, boolean anyOrder) {
      return new Params(dataWidth, hostMemDw, rcbBytes, bytesPerCycle, latencyCycles, roleBarSize, interfaceId, bytes,
          anyOrder);
    }
  }

  public final Params params;

  public HostPlatform(Params p) {
    this.params = p;
    int w = p.dataWidth();
    RootComplex rc = instance("rc", new RootComplex(w, p.hostMemDw(), p.rcbBytes(), p.cplBytes(), p.outOfOrder(), 0xACE1));
    LinkChannel down = instance("link_down", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    LinkChannel upLink = instance("link_up", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    PcieShell shell = instance("shell", new PcieShell(w, p.roleBarSize(), p.interfaceId()));
    ScratchRole role = instance("role", new ScratchRole(Long.numberOfTrailingZeros(p.roleBarSize())));

    for (int q = 0; q < RootComplex.QUEUES; q++) {
      Tlp in = slave("q" + q, () -> new Tlp(w));
      Bundle.connect(in, rc.requestQueues.get(q));
      Tlp out = master("c" + q, () -> new Tlp(w));
      Bundle.connect(rc.completionQueues.get(q), out);
    }
    Stream irq = master("irq", () -> new Stream(64));
    Bundle.connect(rc.irq, irq);
    UInt badDma = output("bad_dma", UInt(32));
    badDma.assign(rc.badDma);

    Bundle.connect(rc.down, down.in);
    Bundle.connect(down.out, shell.rx);
    Bundle.connect(shell.tx, upLink.in);
    Bundle.connect(upLink.out, rc.up);
    monitor("mon_rx", shell.rx, w);
    monitor("mon_tx", shell.tx, w);

    Tlp devRq = slave("dev_rq", () -> new Tlp(w));
    Bundle.connect(devRq, shell.rq);
    Tlp devRc = master("dev_rc", () -> new Tlp(w));
    Bundle.connect(shell.rc, devRc);

    Bundle.connect(shell.roleCtrl, role.ctrl);
    Bool roleReset = output("role_reset", Bool());
    roleReset.assign(shell.roleReset);
    Bool decouple = output("decouple", Bool());
    decouple.assign(shell.decouple);
    UInt cfgControl = output("cfgport_control", UInt(8));
    cfgControl.assign(shell.cfgportControl);
    shell.cfgportStatus.assign(input("cfgport_status", UInt(32)));
    shell.cfgportError.assign(input("cfgport_error", UInt(32)));
    Stream cfgData = master("cfgport_data", () -> new Stream(32));
    Bundle.connect(shell.cfgportData, cfgData);
    UInt userIrq = output("user_irq", UInt(32));
    userIrq.assign(shell.userIrq);
    UInt requesterId = output("requester_id", UInt(16));
    requesterId.assign(shell.requesterId);
  }

  /** Outputs {@code name_*}: a copy of every beat that moves on {@code link}, valid for that cycle. */
  private void monitor(String name, Tlp link, int w) {
    Tlp mon = master(name, () -> new Tlp(w));
    TlpPacking.unpack(TlpPacking.pack(link), mon);
    mon.valid.assign(link.valid.and(link.ready));
  }
}
