package veneer.overlay.array;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;

/**
 * Splits the array's AXI4-Lite control port: offsets below {@link ArrayRegisters#ARGS_WINDOW}
 * go on to the register file ({@code regs}); whole-word writes into the argument and IMEM
 * windows come out as one-cycle write strobes that the array broadcasts to every PE. Window
 * reads, writes outside every window, and IMEM writes while the array is busy answer SLVERR.
 * One write and one read are handled at a time; a write is taken when its address and data
 * are both there.
 *
 * <pre>{@code
 * ControlFrontEnd front = instance("front", new ControlFrontEnd());
 * Bundle.connect(ctrl, front.s);
 * Bundle.connect(front.regs, registerFile.s);
 * }</pre>
 */
public final class ControlFrontEnd extends Module {
  public final AxiLite s;
  public final AxiLite regs;
  public final Bool busy = input("busy", Bool());
  public final Bool argWe = output("arg_we", Bool());
  public final UInt argAddr = output("arg_addr", UInt(6));
  public final Bool imemWe = output("imem_we", Bool());
  public final UInt imemAddr = output("imem_addr", UInt(14));
  public final UInt wdata = output("wdata", UInt(32));

  public ControlFrontEnd() {
    s = slave("s", () -> new AxiLite(ArrayRegisters.ADDR_WIDTH, 32));
    regs = master("regs", () -> new AxiLite(ArrayRegisters.REGISTER_ADDR_WIDTH, 32));
    int rb = ArrayRegisters.REGISTER_ADDR_WIDTH;
    int ab = ArrayRegisters.ADDR_WIDTH;

    // Writes.
    Bool wBusy = reg("w_busy", Bool(), 0);
    Bool wLocal = reg("w_local", Bool(), 0);
    Bits wResp = reg("w_resp", Bits(2), 0);
    UInt awAddr = s.aw.addr;
    Bool go = s.aw.valid.and(s.w.valid).and(wBusy.not());
    Bool toRegs = awAddr.bits(ab - 1, rb).eq(0);
    Bool inArgs = awAddr.ge(ArrayRegisters.ARGS_WINDOW)
        .and(awAddr.lt(ArrayRegisters.ARGS_WINDOW + ArrayRegisters.ARGS_WINDOW_BYTES));
    Bool inImem = awAddr.ge(ArrayRegisters.IMEM_WINDOW);
    regs.aw.valid.assign(go.and(toRegs));
    regs.aw.addr.assign(awAddr.bits(rb - 1, 0));
    regs.aw.prot.assign(s.aw.prot);
    regs.w.valid.assign(go.and(toRegs));
    regs.w.data.assign(s.w.data);
    regs.w.strb.assign(s.w.strb);
    Bool take = go.and(toRegs.not().or(regs.aw.ready.and(regs.w.ready)));
    s.aw.ready.assign(take);
    s.w.ready.assign(take);
    Bool local = take.and(toRegs.not());
    Bool imemOk = inImem.and(busy.not());
    argWe.assign(local.and(inArgs));
    argAddr.assign(awAddr.bits(7, 2));
    imemWe.assign(local.and(imemOk));
    imemAddr.assign(awAddr.bits(15, 2));
    wdata.assign(s.w.data.asUInt());
    when(take, () -> {
      wBusy.assign(1);
      wLocal.assign(toRegs.not());
      wResp.assign(inArgs.or(imemOk).mux(lit(0, Bits(2)), 2));
    }).elsewhen(s.b.fire(), () -> wBusy.assign(0));
    s.b.valid.assign(wBusy.and(wLocal.or(regs.b.valid)));
    s.b.resp.assign(wLocal.mux(wResp, regs.b.resp));
    regs.b.ready.assign(wBusy.and(wLocal.not()).and(s.b.ready));

    // Reads.
    Bool rBusy = reg("r_busy", Bool(), 0);
    Bool rLocal = reg("r_local", Bool(), 0);
    Bool arToRegs = s.ar.addr.bits(ab - 1, rb).eq(0);
    regs.ar.valid.assign(s.ar.valid.and(rBusy.not()).and(arToRegs));
    regs.ar.addr.assign(s.ar.addr.bits(rb - 1, 0));
    regs.ar.prot.assign(s.ar.prot);
    Bool rTake = s.ar.valid.and(rBusy.not()).and(arToRegs.not().or(regs.ar.ready));
    s.ar.ready.assign(rBusy.not().and(arToRegs.not().or(regs.ar.ready)));
    when(rTake, () -> {
      rBusy.assign(1);
      rLocal.assign(arToRegs.not());
    }).elsewhen(s.r.fire(), () -> rBusy.assign(0));
    s.r.valid.assign(rBusy.and(rLocal.or(regs.r.valid)));
    s.r.data.assign(rLocal.mux(lit(0, Bits(32)), regs.r.data));
    s.r.resp.assign(rLocal.mux(lit(2, Bits(2)), regs.r.resp));
    regs.r.ready.assign(rBusy.and(rLocal.not()).and(s.r.ready));
  }
}
