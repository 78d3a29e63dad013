package veneer.shell.dma;

import java.math.BigInteger;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;
import veneer.shell.dram.AddressMap;
import veneer.shell.dram.DramConfig;
import veneer.shell.dram.DramSubsystem;
import veneer.shell.dram.InterconnectConfig;
import veneer.shell.mgmt.ManagementBlock;
import veneer.shell.mgmt.UserBlock;
import veneer.shell.msix.MsixBlock;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pcie.PcieEndpoint;
import veneer.shell.pcie.PcieRequester;
import veneer.shell.pcie.Tlp;

/**
 * The static Shell without the Role: PCIe endpoint (PF0 management, PF1 user), management and
 * user registers, the requester path, the scatter-gather DMA (two H2C and two C2H channels),
 * MSI-X, and the DRAM subsystem. The Role plugs into {@code role_ctrl} (PF1 BAR0),
 * {@code role_mem} (a DRAM manager port), {@code role_irq} (user interrupt pulses) and the
 * reset/decouple/configuration-port signals.
 *
 * <pre>{@code
 * ShellCore shell = instance("shell", new ShellCore(ShellCore.Params.defaults()));
 * Bundle.connect(link.out, shell.rx);
 * Bundle.connect(shell.roleCtrl, role.ctrl);
 * }</pre>
 */
public final class ShellCore extends Module {
  /** The TLP beat width: the DMA moves 64-byte beats. */
  public static final int DATA_WIDTH = 512;

  /**
   * @param dram the DRAM address map (starting at 0)
   * @param tags outstanding DMA reads
   * @param maxReadBytes largest read request
   * @param timeoutCycles completion timeout
   */
  public record Params(long roleBarSize, BigInteger interfaceId, AddressMap dram, DramConfig dramTiming, int tags,
      int maxReadBytes, long timeoutCycles) {
    /** 2 x 4 MiB DRAM channels interleaved at 4 KiB, 32 tags, 512-byte reads, 16384-cycle timeout. */
    public static Params defaults() {
      return new Params(0x10000, new BigInteger("56454E4545525348454C4C3000000001", 16),
          AddressMap.interleaved(0, 2, 4L << 20, 4096), DramConfig.defaults(), 32, 512, 16384);
    }

    public Params withTimeout(long cycles) {
      return new Params(roleBarSize, interfaceId, dram, dramTiming, tags, maxReadBytes, cycles);
    }
  }

  public final Tlp rx;
  public final Tlp tx;
  public final AxiLite roleCtrl;
  public final Axi4 roleMem;
  public final UInt roleIrq = input("role_irq", UInt(12));
  public final Bool roleReset = output("role_reset", Bool());
  public final Bool decouple = output("decouple", Bool());
  public final UInt cfgportControl = output("cfgport_control", UInt(8));
  public final UInt cfgportStatus = input("cfgport_status", UInt(32));
  public final UInt cfgportError = input("cfgport_error", UInt(32));
  public final Stream cfgportData;
  public final Params params;

  public ShellCore(Params p) {
    this.params = p;
    if (p.dram().base() != 0) {
      throw new IllegalArgumentException("the Shell's DRAM starts at address 0, found base 0x"
          + Long.toHexString(p.dram().base()));
    }
    int w = DATA_WIDTH;
    InterconnectConfig x = new InterconnectConfig(2, 4, 34, 512, 32, p.dram());
    rx = slave("rx", () -> new Tlp(w));
    tx = master("tx", () -> new Tlp(w));
    roleCtrl = master("role_ctrl", () -> new AxiLite(Long.numberOfTrailingZeros(p.roleBarSize()), 32));
    roleMem = slave("role_mem", () -> new Axi4(x.masterParams()));
    cfgportData = master("cfgport_data", () -> new Stream(32));

    PcieEndpoint ep = instance("endpoint", new PcieEndpoint(w, ShellCoreFunctions.withDma(p.roleBarSize())));
    Bundle.connect(rx, ep.rx);
    Bundle.connect(ep.tx, tx);

    // --- management (PF0) and user (PF1 BAR2) registers, as in PcieShell --------------------------------
    ManagementBlock mgmt = instance("mgmt", new ManagementBlock(p.interfaceId()));
    Bundle.connect(ep.region("mgmt"), mgmt.regs);
    Bundle.connect(ep.region("cfgport_data"), mgmt.cfgData);
    mgmt.served.assign(ep.served);
    mgmt.completionSent.assign(ep.completionSent);
    mgmt.refused.assign(ep.refused);
    roleReset.assign(mgmt.roleReset);
    decouple.assign(mgmt.decouple);
    cfgportControl.assign(mgmt.cfgportControl);
    mgmt.cfgportStatus.assign(cfgportStatus);
    mgmt.cfgportError.assign(cfgportError);
    Bundle.connect(mgmt.cfgportData, cfgportData);
    UserBlock user = instance("user", new UserBlock());
    Bundle.connect(ep.region("user"), user.regs);
    Bundle.connect(ep.region("role_ctrl"), roleCtrl);

    // --- requester: DMA and MSI-X belong to PF1 ------------------------------------------------------------
    PcieRequester req = instance("requester", new PcieRequester(w, p.tags(), p.maxReadBytes(), p.timeoutCycles()));
    Bundle.connect(req.rq, ep.rq);
    Bundle.connect(ep.rc, req.rc);
    req.requesterId.assign(ep.requesterId.or(1));
    req.mps.assign(ep.mps);
    req.mrrs.assign(ep.mrrs1);
    req.busMaster.assign(ep.busMaster1);

    // The requester's errors join the endpoint's in PF0's error log (the endpoint's first when both).
    StreamFifo reqErrors = instance("req_errors", new StreamFifo(32, 4));
    reqErrors.in.valid.assign(req.errValid);
    reqErrors.in.data.assign(req.errCode.cat(req.errInfo).asBits());
    Bool takeReqError = ep.errValid.not().and(reqErrors.out.valid);
    reqErrors.out.ready.assign(ep.errValid.not());
    mgmt.errValid.assign(ep.errValid.or(takeReqError));
    mgmt.errCode.assign(ep.errValid.mux(ep.errCode, reqErrors.out.data.asUInt().bits(31, 24)));
    mgmt.errInfo.assign(ep.errValid.mux(ep.errInfo, reqErrors.out.data.asUInt().bits(23, 0)));

    // --- DMA -----------------------------------------------------------------------------------------------
    DramSubsystem dram = instance("dram", new DramSubsystem(x, p.dramTiming()));
    Bundle.connect(roleMem, dram.masters.get(1));
    Axi4 m0 = dram.masters.get(0);
    DmaEngine h2c = instance("h2c", new DmaEngine(true, 2, x.masterParams(), p.dram().totalBytes()));
    DmaEngine c2h = instance("c2h", new DmaEngine(false, 2, x.masterParams(), p.dram().totalBytes()));
    Bundle.connect(h2c.axi.aw, m0.aw);
    Bundle.connect(h2c.axi.w, m0.w);
    Bundle.connect(m0.b, h2c.axi.b);
    Bundle.connect(c2h.axi.ar, m0.ar);
    Bundle.connect(m0.r, c2h.axi.r);
    h2c.axi.ar.ready.assign(0);
    h2c.axi.r.valid.assign(0);
    h2c.axi.r.id.assign(0);
    h2c.axi.r.data.assign(lit(0, Bits(512)));
    h2c.axi.r.resp.assign(lit(0, Bits(2)));
    h2c.axi.r.last.assign(0);
    c2h.axi.aw.ready.assign(0);
    c2h.axi.w.ready.assign(0);
    c2h.axi.b.valid.assign(0);
    c2h.axi.b.id.assign(0);
    c2h.axi.b.resp.assign(lit(0, Bits(2)));

    // read commands: the two engines take turns; read data goes back by the context's direction bit
    CommandArbiter rdArb = instance("rd_arb", new CommandArbiter());
    Bundle.connect(h2c.rdCmd, rdArb.a);
    Bundle.connect(c2h.rdCmd, rdArb.b);
    Bundle.connect(rdArb.out, req.rdCmd);
    for (DmaEngine e : new DmaEngine[] {h2c, c2h}) {
      e.rdData.data.assign(req.rdData.data);
      e.rdData.ctx.assign(req.rdData.ctx);
      e.rdData.last.assign(req.rdData.last);
      e.rdData.err.assign(req.rdData.err);
    }
    Bool toC2h = req.rdData.ctx.bit(3);
    h2c.rdData.valid.assign(req.rdData.valid.and(toC2h.not()));
    c2h.rdData.valid.assign(req.rdData.valid.and(toC2h));
    req.rdData.ready.assign(toC2h.mux(c2h.rdData.ready, h2c.rdData.ready));
    Bundle.connect(c2h.wrCmd, req.wrCmd);
    Bundle.connect(c2h.wrData, req.wrData);
    h2c.wrCmd.ready.assign(0);
    h2c.wrData.ready.assign(0);

    // --- registers ----------------------------------------------------------------------------------------
    AxiLiteRegisterFile chRegs = instance("dma_regs", new AxiLiteRegisterFile("DmaChannelRegisters", 12, 32,
        DmaRegisters.CHANNELS.decls()));
    Bundle.connect(ep.region("dma"), chRegs.s);
    AxiLiteRegisterFile winRegs = instance("dma_windows", new AxiLiteRegisterFile("DmaWindowRegisters", 12, 32,
        DmaRegisters.WINDOWS.decls()));
    Bundle.connect(ep.region("dma_window"), winRegs.s);
    UInt dmaIrqs = lit(0, UInt(4));
    for (int c = 0; c < 4; c++) {
      DmaEngine e = c < 2 ? h2c : c2h;
      int i = c % 2;
      String pre = DmaRegisters.prefix(c);
      e.ringBase.get(i).assign(chRegs.port(pre + "ring_hi").cat(chRegs.port(pre + "ring_lo")));
      e.ringSize.get(i).assign(chRegs.port(pre + "ring_size"));
      e.tail.get(i).assign(chRegs.port(pre + "tail"));
      e.run.get(i).assign(chRegs.port(pre + "control").bit(0));
      e.clear.get(i).assign(chRegs.port(pre + "clear").bit(0));
      e.skip.get(i).assign(chRegs.port(pre + "clear").bit(1));
      e.winBase.get(i).assign(winRegs.port(pre + "win_base_hi").cat(winRegs.port(pre + "win_base_lo")));
      e.winLimit.get(i).assign(winRegs.port(pre + "win_limit_hi").cat(winRegs.port(pre + "win_limit_lo")));
      chRegs.port(pre + "head").assign(e.head.get(i));
      chRegs.port(pre + "status").assign(e.chStatus.get(i));
      chRegs.port(pre + "completed").assign(e.completed.get(i));
      dmaIrqs = c == 0 ? e.irq.get(i).asUInt().resize(4) : dmaIrqs.or(e.irq.get(i).asUInt().resize(4).shl(c));
    }

    // --- MSI-X: DMA channels on vectors 0-3, user interrupts on 4-15 ------------------------------------------
    MsixBlock msix = instance("msix", new MsixBlock());
    Bundle.connect(ep.region("msix_table"), msix.table);
    Bundle.connect(ep.region("msix_pba"), msix.pba);
    UInt userVectors = user.userIrq.bits(MsixRegisters.VECTORS - MsixRegisters.USER_VECTOR_BASE - 1, 0).or(roleIrq);
    msix.vectors.assign(userVectors.cat(dmaIrqs));
    msix.enable.assign(ep.msixEnable1);
    msix.functionMask.assign(ep.msixFunctionMask1);

    // one-DW writes: status write-backs of both engines and MSI-X messages, in the order they are made
    MessageArbiter m1 = instance("msg_arb_dma", new MessageArbiter());
    Bundle.connect(h2c.status, m1.a);
    Bundle.connect(c2h.status, m1.b);
    MessageArbiter m2 = instance("msg_arb_irq", new MessageArbiter());
    Bundle.connect(m1.out, m2.a);
    Bundle.connect(msix.msg, m2.b);
    Bundle.connect(m2.out, req.msg);
  }

  /** The back-door path of DRAM channel {@code j}'s memory. */
  public static String dramPath(int j) {
    return "shell.dram." + DramSubsystem.memoryPath(j);
  }
}
