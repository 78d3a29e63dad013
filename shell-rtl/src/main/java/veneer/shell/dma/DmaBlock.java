package veneer.shell.dma;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.StreamFifo;
import veneer.shell.dram.InterconnectConfig;
import veneer.shell.msix.MsixBlock;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pcie.PcieRequester;
import veneer.shell.pcie.Tlp;

/**
 * Everything of the Shell that makes the device a bus master, as one block: the
 * {@link PcieRequester} (tags, request splitting, completion reassembly), the scatter-gather
 * {@link DmaEngine}s (channels 0-1 host to card, 2-3 card to host) with their registers, and
 * {@link MsixBlock} with its interrupt sources. The {@link veneer.shell.Shell} connects it to the
 * endpoint ({@code rq}/{@code rc}, PF1's configuration, four BAR regions), to DRAM manager 0
 * ({@code axi}) and to PF0's error log ({@code err_*}).
 *
 * <p>MSI-X vectors: 0-3 the DMA channels, 4-11 the Role's interrupt lines 0-7, 12-15 PF1's
 * {@code user_irq} bits 0-3 ({@link MsixRegisters}). A Role line is a level: a message is
 * sent on its rising edge (a line held high sends one message; the Role lowers and raises it to
 * interrupt again). The lines are 0 while the partition is decoupled, so a Role that comes up
 * with a line high interrupts once.
 *
 * <pre>{@code
 * DmaBlock dma = instance("dma", new DmaBlock(512, interconnect, DmaConfig.defaults(), 1));
 * Bundle.connect(dma.rq, ep.rq);
 * Bundle.connect(ep.rc, dma.rc);
 * Bundle.connect(ep.region("dma"), dma.channelRegs);
 * Bundle.connect(dma.axi, dram.masters.get(0));
 * }</pre>
 */
public final class DmaBlock extends Module {
  /** Device-initiated requests to the endpoint, and their completions. */
  public final Tlp rq;
  public final Tlp rc;
  /** PF1's requester id, Max_Payload_Size, Max_Read_Request_Size, bus master enable, MSI-X enable and mask. */
  public final UInt requesterId = input("requester_id", UInt(16));
  public final UInt mps = input("mps", UInt(3));
  public final UInt mrrs = input("mrrs", UInt(3));
  public final Bool busMaster = input("bus_master", Bool());
  public final Bool msixEnable = input("msix_enable", Bool());
  public final Bool msixFunctionMask = input("msix_function_mask", Bool());
  /** PF1 BAR4 {@code dma}, PF0 BAR0 {@code dma_window}, PF1 BAR4 {@code msix_table} and {@code msix_pba}. */
  public final AxiLite channelRegs;
  public final AxiLite windowRegs;
  public final AxiLite msixTable;
  public final AxiLite msixPba;
  /** The DMA engines' DRAM manager (H2C writes, C2H reads). */
  public final Axi4 axi;
  /** The Role's interrupt lines (levels) and PF1's {@code user_irq} pulses. */
  public final Bits roleIrq;
  public final UInt userIrq = input("user_irq", UInt(32));
  /** Requester errors for PF0's error log: one event per cycle at most. */
  public final Bool errValid = output("err_valid", Bool());
  public final UInt errCode = output("err_code", UInt(8));
  public final UInt errInfo = output("err_info", UInt(24));
  /** Ready for another error event (the endpoint's own events go first). */
  public final Bool errReady = input("err_ready", Bool());
  /** MSI-X pending bits, for monitoring. */
  public final UInt msixPending = output("msix_pending", UInt(MsixRegisters.VECTORS));

  /**
   * @param tlpWidth the endpoint's beat, 512 bits
   * @param x the DRAM interconnect (its manager port shape and the DRAM size)
   * @param d tags, read request size and completion timeout
   * @param roleLines the Role's interrupt lines, 1 to {@link MsixRegisters#ROLE_VECTORS}
   */
  public DmaBlock(int tlpWidth, InterconnectConfig x, DmaConfig d, int roleLines) {
    if (roleLines < 1 || roleLines > MsixRegisters.ROLE_VECTORS) {
      throw new IllegalArgumentException("MSI-X has vectors for 1 to " + MsixRegisters.ROLE_VECTORS
          + " Role interrupt lines, found " + roleLines);
    }
    rq = master("rq", () -> new Tlp(tlpWidth));
    rc = slave("rc", () -> new Tlp(tlpWidth));
    channelRegs = slave("channel_regs", () -> new AxiLite(12, 32));
    windowRegs = slave("window_regs", () -> new AxiLite(12, 32));
    msixTable = slave("msix_table", () -> new AxiLite(12, 32));
    msixPba = slave("msix_pba", () -> new AxiLite(12, 32));
    axi = master("axi", () -> new Axi4(x.masterParams()));
    roleIrq = input("role_irq", Bits(roleLines));

    PcieRequester req = instance("requester", new PcieRequester(tlpWidth, d.tags(), d.maxReadBytes(),
        d.timeoutCycles()));
    Bundle.connect(req.rq, rq);
    Bundle.connect(rc, req.rc);
    req.requesterId.assign(requesterId);
    req.mps.assign(mps);
    req.mrrs.assign(mrrs);
    req.busMaster.assign(busMaster);
    StreamFifo errors = instance("errors", new StreamFifo(32, 4));
    errors.in.valid.assign(req.errValid);
    errors.in.data.assign(req.errCode.cat(req.errInfo).asBits());
    errors.out.ready.assign(errReady);
    errValid.assign(errors.out.valid);
    errCode.assign(errors.out.data.asUInt().bits(31, 24));
    errInfo.assign(errors.out.data.asUInt().bits(23, 0));

    long dramBytes = x.map().totalBytes();
    DmaEngine h2c = instance("h2c", new DmaEngine(true, 2, x.masterParams(), dramBytes, d.c2hSlots()));
    DmaEngine c2h = instance("c2h", new DmaEngine(false, 2, x.masterParams(), dramBytes, d.c2hSlots()));
    connectDram(h2c, c2h);
    connectRequester(req, h2c, c2h);
    UInt dmaIrqs = connectRegisters(h2c, c2h);

    MsixBlock msix = instance("msix_sender", new MsixBlock());
    Bundle.connect(msixTable, msix.table);
    Bundle.connect(msixPba, msix.pba);
    UInt lines = roleIrq.asUInt();
    UInt previous = reg("role_irq_previous", UInt(roleLines), 0);
    previous.assign(lines);
    UInt rising = lines.and(previous.not()).resize(MsixRegisters.ROLE_VECTORS);
    UInt user = userIrq.bits(MsixRegisters.USER_VECTORS - 1, 0);
    msix.vectors.assign(user.cat(rising).cat(dmaIrqs));
    msix.enable.assign(msixEnable);
    msix.functionMask.assign(msixFunctionMask);
    msixPending.assign(msix.pending);

    // one-DW writes: status write-backs of both engines, then MSI-X messages, in the order they are made
    MessageArbiter statuses = instance("msg_arb_dma", new MessageArbiter());
    Bundle.connect(h2c.status, statuses.a);
    Bundle.connect(c2h.status, statuses.b);
    MessageArbiter messages = instance("msg_arb_irq", new MessageArbiter());
    Bundle.connect(statuses.out, messages.a);
    Bundle.connect(msix.msg, messages.b);
    Bundle.connect(messages.out, req.msg);
  }

  /** H2C writes DRAM (AW/W/B), C2H reads it (AR/R); the unused halves are tied off. */
  private void connectDram(DmaEngine h2c, DmaEngine c2h) {
    Bundle.connect(h2c.axi.aw, axi.aw);
    Bundle.connect(h2c.axi.w, axi.w);
    Bundle.connect(axi.b, h2c.axi.b);
    Bundle.connect(c2h.axi.ar, axi.ar);
    Bundle.connect(axi.r, c2h.axi.r);
    int bits = axi.r.data.width();
    h2c.axi.ar.ready.assign(0);
    h2c.axi.r.valid.assign(0);
    h2c.axi.r.id.assign(0);
    h2c.axi.r.data.assign(lit(0, Bits(bits)));
    h2c.axi.r.resp.assign(lit(0, Bits(2)));
    h2c.axi.r.last.assign(0);
    c2h.axi.aw.ready.assign(0);
    c2h.axi.w.ready.assign(0);
    c2h.axi.b.valid.assign(0);
    c2h.axi.b.id.assign(0);
    c2h.axi.b.resp.assign(lit(0, Bits(2)));
  }

  /** Both engines share the read port (data returned by the context's direction bit); C2H alone writes. */
  private void connectRequester(PcieRequester req, DmaEngine h2c, DmaEngine c2h) {
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
  }

  /** Channel registers (PF1) and windows (PF0) to the engines; returns the four channels' interrupt pulses. */
  private UInt connectRegisters(DmaEngine h2c, DmaEngine c2h) {
    AxiLiteRegisterFile chRegs = instance("dma_regs", new AxiLiteRegisterFile("DmaChannelRegisters", 12, 32,
        DmaRegisters.CHANNELS.decls()));
    Bundle.connect(channelRegs, chRegs.s);
    AxiLiteRegisterFile winRegs = instance("dma_windows", new AxiLiteRegisterFile("DmaWindowRegisters", 12, 32,
        DmaRegisters.WINDOWS.decls()));
    Bundle.connect(windowRegs, winRegs.s);
    UInt irqs = lit(0, UInt(4));
    for (int c = 0; c < 4; c++) {
      DmaEngine e = c < 2 ? h2c : c2h;
      int i = c % 2;
      String pre = DmaRegisters.prefix(c);
      // a ring is 64-byte aligned whatever the user writes: a descriptor fetch is one aligned beat
      e.ringBase.get(i).assign(chRegs.port(pre + "ring_hi").cat(chRegs.port(pre + "ring_lo").bits(31, 6),
          lit(0, UInt(6))));
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
      irqs = irqs.or(e.irq.get(i).asUInt().resize(4).shl(c));
    }
    return irqs;
  }
}
