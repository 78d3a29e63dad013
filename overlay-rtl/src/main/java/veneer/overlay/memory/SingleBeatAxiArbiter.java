package veneer.overlay.memory;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.StreamFifo;

/**
 * Shares one AXI4 manager port among {@code n} managers that issue single-beat transactions
 * (the {@link LineCoalescer}s of the PEs). Round robin, one read address and one write per
 * cycle; the port's ID is {@code {manager index, manager ID}} and R/B go back by the top bits.
 * A write is taken from its manager with its address and data in the same cycle and queued,
 * so W beats leave in AW order and AW and W flow independently downstream.
 *
 * <pre>{@code
 * SingleBeatAxiArbiter arb = instance("arb", new SingleBeatAxiArbiter(4, LineCoalescer.lineParams(c)));
 * Bundle.connect(coalescer0.m, arb.s(0));
 * Bundle.connect(arb.m, mem);
 * }</pre>
 */
public final class SingleBeatAxiArbiter extends Module {
  private final List<Axi4> ports = new ArrayList<>();
  /** The shared port: ID width = manager ID bits + index bits. */
  public final Axi4 m;

  /** The shared port's parameters for {@code n} managers with parameters {@code p}. */
  public static Axi4.Params sharedParams(int n, Axi4.Params p) {
    return new Axi4.Params(p.idWidth() + RoundRobinArbiter.indexBits(n), p.addrWidth(), p.dataWidth(), 0);
  }

  public SingleBeatAxiArbiter(int n, Axi4.Params p) {
    if (n < 1 || n > 32) {
      throw new IllegalArgumentException("the arbiter serves 1 to 32 managers, found " + n);
    }
    int ib = RoundRobinArbiter.indexBits(n);
    int idw = p.idWidth();
    for (int i = 0; i < n; i++) {
      ports.add(slave("s" + i, () -> new Axi4(p)));
    }
    Axi4.Params sp = sharedParams(n, p);
    m = master("m", () -> new Axi4(sp));

    // Reads: a sticky round robin keeps the AR payload stable while ARREADY is low.
    RoundRobinArbiter ar = instance("ar_arb", new RoundRobinArbiter(n, true));
    ar.request.assign(validBits(n, i -> ports.get(i).ar.valid));
    m.ar.valid.assign(ar.any);
    m.ar.id.assign(ar.index.cat(pick(n, ar.index, i -> ports.get(i).ar.id)));
    m.ar.addr.assign(pick(n, ar.index, i -> ports.get(i).ar.addr));
    m.ar.len.assign(pick(n, ar.index, i -> ports.get(i).ar.len));
    m.ar.size.assign(pick(n, ar.index, i -> ports.get(i).ar.size));
    m.ar.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
    ar.advance.assign(m.ar.fire());
    for (int i = 0; i < n; i++) {
      ports.get(i).ar.ready.assign(m.ar.ready.and(ar.index.eq(i)).and(ar.any));
    }

    // Writes: address and data of one manager together into two queues.
    int awWidth = idw + ib + p.addrWidth() + 3;
    StreamFifo awq = instance("aw_q", new StreamFifo(awWidth, 2));
    StreamFifo wq = instance("w_q", new StreamFifo(p.dataWidth() + p.dataBytes(), 2));
    RoundRobinArbiter aw = instance("aw_arb", new RoundRobinArbiter(n, true));
    aw.request.assign(validBits(n, i -> ports.get(i).aw.valid.and(ports.get(i).w.valid)));
    Bool space = awq.in.ready.and(wq.in.ready);
    Bool takeWrite = aw.any.and(space);
    aw.advance.assign(takeWrite);
    awq.in.valid.assign(takeWrite);
    wq.in.valid.assign(takeWrite);
    awq.in.data.assign(aw.index.cat(pick(n, aw.index, i -> ports.get(i).aw.id),
        pick(n, aw.index, i -> ports.get(i).aw.addr), pick(n, aw.index, i -> ports.get(i).aw.size)).asBits());
    wq.in.data.assign(pick(n, aw.index, i -> ports.get(i).w.data.asUInt())
        .cat(pick(n, aw.index, i -> ports.get(i).w.strb.asUInt())).asBits());
    for (int i = 0; i < n; i++) {
      Bool mine = takeWrite.and(aw.index.eq(i));
      ports.get(i).aw.ready.assign(mine);
      ports.get(i).w.ready.assign(mine);
    }
    UInt awe = awq.out.data.asUInt();
    m.aw.valid.assign(awq.out.valid);
    m.aw.id.assign(awe.bits(awWidth - 1, p.addrWidth() + 3));
    m.aw.addr.assign(awe.bits(p.addrWidth() + 2, 3));
    m.aw.size.assign(awe.bits(2, 0));
    m.aw.len.assign(0);
    m.aw.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
    awq.out.ready.assign(m.aw.ready);
    UInt we = wq.out.data.asUInt();
    m.w.valid.assign(wq.out.valid);
    m.w.data.assign(we.bits(p.dataWidth() + p.dataBytes() - 1, p.dataBytes()).asBits());
    m.w.strb.assign(we.bits(p.dataBytes() - 1, 0).asBits());
    m.w.last.assign(lit(1, Bool()));
    wq.out.ready.assign(m.w.ready);
    for (Axi4.Addr ch : new Axi4.Addr[] {m.ar, m.aw}) {
      ch.lock.assign(lit(0, Bool()));
      ch.cache.assign(lit(0, Bits(4)));
      ch.prot.assign(lit(0, Bits(3)));
      ch.qos.assign(lit(0, Bits(4)));
    }

    // Responses go back by the top ID bits.
    UInt rTo = m.r.id.bits(idw + ib - 1, idw);
    UInt bTo = m.b.id.bits(idw + ib - 1, idw);
    Bool rReady = lit(0, Bool());
    Bool bReady = lit(0, Bool());
    for (int i = 0; i < n; i++) {
      Axi4 s = ports.get(i);
      Bool rMine = rTo.eq(i);
      Bool bMine = bTo.eq(i);
      s.r.valid.assign(m.r.valid.and(rMine));
      s.r.id.assign(m.r.id.bits(idw - 1, 0));
      s.r.data.assign(m.r.data);
      s.r.resp.assign(m.r.resp);
      s.r.last.assign(m.r.last);
      s.b.valid.assign(m.b.valid.and(bMine));
      s.b.id.assign(m.b.id.bits(idw - 1, 0));
      s.b.resp.assign(m.b.resp);
      rReady = rMine.mux(s.r.ready, rReady);
      bReady = bMine.mux(s.b.ready, bReady);
    }
    m.r.ready.assign(rReady);
    m.b.ready.assign(bReady);
    for (Axi4 s : ports) {
      assertThat(s.ar.valid.implies(s.ar.len.eq(0)), "arbiter: single-beat reads only");
      assertThat(s.aw.valid.implies(s.aw.len.eq(0)), "arbiter: single-beat writes only");
    }
  }

  /** Manager port {@code i}. */
  public Axi4 s(int i) {
    return ports.get(i);
  }

  private UInt validBits(int n, java.util.function.IntFunction<Bool> bit) {
    UInt v = lit(0, UInt(n));
    for (int i = 0; i < n; i++) {
      v = bit.apply(i).mux(v.or(1L << i), v);
    }
    return v;
  }

  private static UInt pick(int n, UInt index, java.util.function.IntFunction<UInt> value) {
    UInt out = value.apply(0);
    for (int i = 1; i < n; i++) {
      out = index.eq(i).mux(value.apply(i), out);
    }
    return out;
  }
}
