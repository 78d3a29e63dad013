package veneer.shell.dma;

import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.Stream;
import veneer.shell.host.HostDriver;
import veneer.shell.host.LinkChannel;
import veneer.shell.host.RootComplex;
import veneer.shell.host.ScratchRole;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpPacking;

/**
 * A test fixture, not the final Shell: the host model ({@link RootComplex}, a
 * {@link LinkChannel} each way) around a {@link ShellCore}, with a {@link ScratchRole} behind PF1
 * BAR0, the Role's DRAM port idle and its interrupt lines at the top ({@code role_irq}). Its
 * top-level ports are those of {@link veneer.shell.host.HostPlatform} that {@link HostDriver}
 * uses ({@code q*}, {@code c*}, {@code irq}, {@code mon_rx}, {@code mon_tx}, {@code cfgport_*}),
 * so the same driver runs it.
 *
 * <pre>{@code
 * try (HostDriver host = HostDriver.open(new ShellCoreTestBench(Params.defaults()), ShellCore.DATA_WIDTH, Backend.JVM)) {
 *   host.enumerate(512);
 * }
 * }</pre>
 */
public final class ShellCoreTestBench extends Module {
  /**
   * @param hostMemDw host memory in DW (a power of two)
   * @param cplBytes the host's largest completion
   * @param outOfOrder the host answers reads out of order
   */
  public record Params(ShellCore.Params shell, int hostMemDw, int cplBytes, boolean outOfOrder, int bytesPerCycle,
      int latencyCycles) {
    /** 2 MiB of host memory, 64-byte in-order completions, a Gen3 x16 link (63 B/cycle, 64 cycles). */
    public static Params defaults() {
      return new Params(ShellCore.Params.defaults(), 1 << 19, 64, false, 63, 64);
    }

    public Params withCompletions(int bytes, boolean anyOrder) {
      return new Params(shell, hostMemDw, bytes, anyOrder, bytesPerCycle, latencyCycles);
    }

    public Params withShell(ShellCore.Params s) {
      return new Params(s, hostMemDw, cplBytes, outOfOrder, bytesPerCycle, latencyCycles);
    }
  }

  /** The read completion boundary of the host model. */
  public static final int RCB_BYTES = 64;

  public final Params params;

  public ShellCoreTestBench(Params p) {
    this.params = p;
    int w = ShellCore.DATA_WIDTH;
    RootComplex rc = instance("rc", new RootComplex(w, p.hostMemDw(), RCB_BYTES, p.cplBytes(), p.outOfOrder(), 0xACE1));
    LinkChannel down = instance("link_down", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    LinkChannel up = instance("link_up", new LinkChannel(w, p.bytesPerCycle(), p.latencyCycles()));
    ShellCore shell = instance("shell", new ShellCore(p.shell()));
    ScratchRole role = instance("role", new ScratchRole(Long.numberOfTrailingZeros(p.shell().roleBarSize())));

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
    Bundle.connect(shell.tx, up.in);
    Bundle.connect(up.out, rc.up);
    monitor("mon_rx", shell.rx, w);
    monitor("mon_tx", shell.tx, w);

    Bundle.connect(shell.roleCtrl, role.ctrl);
    shell.roleIrq.assign(input("role_irq", UInt(12)));
    shell.roleMem.aw.valid.assign(0);
    shell.roleMem.w.valid.assign(0);
    shell.roleMem.ar.valid.assign(0);
    shell.roleMem.b.ready.assign(1);
    shell.roleMem.r.ready.assign(1);
    for (Axi4.Addr a : List.of(shell.roleMem.aw, shell.roleMem.ar)) {
      a.id.assign(0);
      a.addr.assign(0);
      a.len.assign(0);
      a.size.assign(6);
      a.burst.assign(lit(1, Bits(2)));
      a.lock.assign(0);
      a.cache.assign(lit(0, Bits(4)));
      a.prot.assign(lit(0, Bits(3)));
      a.qos.assign(lit(0, Bits(4)));
    }
    shell.roleMem.w.data.assign(lit(0, Bits(512)));
    shell.roleMem.w.strb.assign(lit(0, Bits(64)));
    shell.roleMem.w.last.assign(1);
    Bool roleReset = output("role_reset", Bool());
    roleReset.assign(shell.roleReset);
    shell.cfgportStatus.assign(input("cfgport_status", UInt(32)));
    shell.cfgportError.assign(input("cfgport_error", UInt(32)));
    Stream cfgData = master("cfgport_data", () -> new Stream(32));
    Bundle.connect(shell.cfgportData, cfgData);
  }

  private void monitor(String name, Tlp link, int w) {
    Tlp mon = master(name, () -> new Tlp(w));
    TlpPacking.unpack(TlpPacking.pack(link), mon);
    mon.valid.assign(link.valid.and(link.ready));
  }
}
