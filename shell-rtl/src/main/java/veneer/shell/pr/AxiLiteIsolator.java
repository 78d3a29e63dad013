package veneer.shell.pr;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;

/**
 * Isolates the Role's AXI4-Lite control port. The Shell (manager) is on {@code shell}, the Role
 * (subordinate) on {@code role}. At most one read and one write are in flight; responses to the
 * Shell come from registers here, so the Shell never sees a Role signal directly on
 * {@code b}/{@code r}.
 *
 * <p>While {@code cut} is high the Role is not asked anything (its VALIDs and READYs are low) and
 * this block answers the Shell itself: requests are accepted and answered SLVERR with read data
 * 0, including a transaction the Role had started but not answered. PF1 therefore never hangs on
 * a decoupled or half-loaded Role.
 *
 * <pre>{@code
 * AxiLiteIsolator iso = instance("ctrl_iso", new AxiLiteIsolator(12, 32));
 * iso.cut.assign(cut);
 * Bool quiet = iso.idle;
 * }</pre>
 */
public final class AxiLiteIsolator extends Module {
  /** Faces the Shell's manager. */
  public final AxiLite shell;
  /** Faces the Role's subordinate. */
  public final AxiLite role;
  /** High: the Role is cut off and this block answers SLVERR. */
  public final Bool cut = input("cut", Bool());
  /** No transaction accepted and not yet answered. */
  public final Bool idle = output("idle", Bool());

  public AxiLiteIsolator(int addrWidth, int dataWidth) {
    super("AxiLiteIsolator_" + addrWidth + "_" + dataWidth);
    shell = slave("shell", () -> new AxiLite(addrWidth, dataWidth));
    role = master("role", () -> new AxiLite(addrWidth, dataWidth));
    Bool coupled = cut.not();
    Bool one = lit(1, Bool());
    Bits slverr = lit(Axi4.RESP_SLVERR, Bits(2));

    // Read: accepted -> busy (Role answering) -> full (answer held for the Shell).
    Bool rBusy = reg("r_busy", Bool(), 0);
    Bool rFull = reg("r_full", Bool(), 0);
    Bits rData = reg("r_data", Bits(dataWidth), 0);
    Bits rResp = reg("r_resp", Bits(2), 0);
    Bool rFree = rBusy.not().and(rFull.not());
    shell.ar.ready.assign(rFree.and(cut.mux(one, role.ar.ready)));
    role.ar.valid.assign(shell.ar.valid.and(coupled).and(rFree));
    role.ar.addr.assign(shell.ar.addr);
    role.ar.prot.assign(shell.ar.prot);
    role.r.ready.assign(rBusy.and(coupled));
    shell.r.valid.assign(rFull);
    shell.r.data.assign(rFull.mux(rData, 0));
    shell.r.resp.assign(rFull.mux(rResp, 0));
    when(shell.ar.fire(), () -> when(cut, () -> {
      rFull.assign(1);
      rData.assign(0);
      rResp.assign(slverr);
    }).otherwise(() -> rBusy.assign(1)));
    when(rBusy, () -> when(cut, () -> {
      rFull.assign(1);
      rData.assign(0);
      rResp.assign(slverr);
      rBusy.assign(0);
    }).elsewhen(role.r.valid, () -> {
      rFull.assign(1);
      rData.assign(role.r.data);
      rResp.assign(role.r.resp);
      rBusy.assign(0);
    }));
    when(shell.r.fire(), () -> rFull.assign(0));

    // Write: address and data may arrive in either order; once both are in, one answer.
    Bool awGot = reg("aw_got", Bool(), 0);
    Bool wGot = reg("w_got", Bool(), 0);
    Bool bFull = reg("b_full", Bool(), 0);
    Bits bResp = reg("b_resp", Bits(2), 0);
    Bool both = awGot.and(wGot);
    shell.aw.ready.assign(awGot.not().and(bFull.not()).and(cut.mux(one, role.aw.ready)));
    shell.w.ready.assign(wGot.not().and(bFull.not()).and(cut.mux(one, role.w.ready)));
    role.aw.valid.assign(shell.aw.valid.and(coupled).and(awGot.not()).and(bFull.not()));
    role.aw.addr.assign(shell.aw.addr);
    role.aw.prot.assign(shell.aw.prot);
    role.w.valid.assign(shell.w.valid.and(coupled).and(wGot.not()).and(bFull.not()));
    role.w.data.assign(shell.w.data);
    role.w.strb.assign(shell.w.strb);
    role.b.ready.assign(both.and(coupled));
    shell.b.valid.assign(bFull);
    shell.b.resp.assign(bFull.mux(bResp, 0));
    when(shell.aw.fire(), () -> awGot.assign(1));
    when(shell.w.fire(), () -> wGot.assign(1));
    when(both, () -> when(cut, () -> {
      bFull.assign(1);
      bResp.assign(slverr);
      awGot.assign(0);
      wGot.assign(0);
    }).elsewhen(role.b.valid, () -> {
      bFull.assign(1);
      bResp.assign(role.b.resp);
      awGot.assign(0);
      wGot.assign(0);
    }));
    when(shell.b.fire(), () -> bFull.assign(0));

    idle.assign(rFree.and(awGot.not()).and(wGot.not()).and(bFull.not()));
  }
}
