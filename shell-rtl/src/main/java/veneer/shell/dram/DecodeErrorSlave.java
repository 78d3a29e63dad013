package veneer.shell.dram;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;

/**
 * The interconnect's default subordinate: takes every burst sent to no DRAM address and answers
 * DECERR, with the full number of read beats (data zero) and after all write beats, one burst
 * at a time per direction.
 */
final class DecodeErrorSlave extends Module {
  final Axi4 s;

  DecodeErrorSlave(Axi4.Params p) {
    s = slave("s", () -> new Axi4(p));
    Bool rBusy = reg("r_busy", Bool(), 0);
    UInt rId = reg("r_id", UInt(p.idWidth()));
    UInt rLeft = reg("r_left", UInt(8));
    s.ar.ready.assign(rBusy.not());
    when(s.ar.fire(), () -> {
      rBusy.assign(1);
      rId.assign(s.ar.id);
      rLeft.assign(s.ar.len);
    });
    s.r.valid.assign(rBusy);
    s.r.id.assign(rId);
    s.r.last.assign(rLeft.eq(0));
    s.r.resp.assign(Axi4.RESP_DECERR);
    s.r.data.assign(0);
    when(s.r.fire(), () -> {
      rLeft.assign(rLeft.sub(1));
      when(rLeft.eq(0), () -> rBusy.assign(0));
    });

    Bool wBusy = reg("w_busy", Bool(), 0);
    Bool bPending = reg("b_pending", Bool(), 0);
    UInt wId = reg("w_id", UInt(p.idWidth()));
    s.aw.ready.assign(wBusy.or(bPending).not());
    when(s.aw.fire(), () -> {
      wBusy.assign(1);
      wId.assign(s.aw.id);
    });
    s.w.ready.assign(wBusy);
    when(s.w.fire().and(s.w.last), () -> {
      wBusy.assign(0);
      bPending.assign(1);
    });
    s.b.valid.assign(bPending);
    s.b.id.assign(wId);
    s.b.resp.assign(Axi4.RESP_DECERR);
    when(s.b.fire(), () -> bPending.assign(0));
  }
}
