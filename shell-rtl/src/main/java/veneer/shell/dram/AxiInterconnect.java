package veneer.shell.dram;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.StreamFifo;

/**
 * An AXI4 crossbar from {@code masters} managers (ports {@code m0}, {@code m1} ...) to the DRAM
 * channels of an {@link AddressMap} (ports {@code s0}, {@code s1} ...), with an internal
 * subordinate that answers DECERR for every other address.
 *
 * <ul>
 *   <li>Round-robin arbitration per channel for read and for write addresses, and per manager
 *       for the responses coming back from several channels.</li>
 *   <li>Channel-side IDs are {@code {manager index, manager ID}}; responses go back by the top
 *       bits.</li>
 *   <li>Bursts pass unchanged (addresses made channel-local); read bursts are never
 *       interleaved on a manager port.</li>
 *   <li>Write data follows write addresses: per manager a queue of the targets of its granted
 *       AWs, per target a queue of the managers in its AW order ({@link
 *       #WRITE_ORDER_DEPTH} deep). A manager's W beats go to the target at its
 *       queue's head once that target's queue has the manager at its head. So W beats reach each
 *       target in its AW order, a write's W can pass one cycle after its AW, the next AW does
 *       not wait for the previous W (one single-beat write per cycle and manager), and no cycle of managers waiting on each other's write data
 *       can form (both queues are in grant order, a total order over all managers).</li>
 *   <li>A manager's transactions of one ID go to one channel at a time (a second channel waits
 *       until the first has answered them all), so same-ID responses stay in order.</li>
 * </ul>
 *
 * <pre>{@code
 * AxiInterconnect x = instance("xbar", new AxiInterconnect(config));
 * Bundle.connect(x.slaves.get(0), channel.s);
 * }</pre>
 */
public final class AxiInterconnect extends Module {
  /** Write addresses granted ahead of their data, per manager and per target. */
  public static final int WRITE_ORDER_DEPTH = 4;
  /** Manager-facing ports {@code m<i>}. */
  public final List<Axi4> masters = new ArrayList<>();
  /** Channel-facing ports {@code s<j>}. */
  public final List<Axi4> slaves = new ArrayList<>();
  public final InterconnectConfig config;

  private record Route(UInt target, UInt local) {}

  public AxiInterconnect(InterconnectConfig c) {
    this.config = c;
    int n = c.masters();
    int channels = c.map().channels();
    int targets = channels + 1;
    int tw = log2Up(targets);
    int idw = c.idWidth();
    for (int i = 0; i < n; i++) {
      masters.add(slave("m" + i, () -> new Axi4(c.masterParams())));
    }
    for (int j = 0; j < channels; j++) {
      slaves.add(master("s" + j, () -> new Axi4(c.slaveParams())));
    }
    DecodeErrorSlave err = instance("decerr", new DecodeErrorSlave(c.slaveParams()));
    List<Axi4> subs = new ArrayList<>(slaves);
    subs.add(err.s);

    List<Route> arRoute = new ArrayList<>();
    List<Route> awRoute = new ArrayList<>();
    List<Bool> rdAllowed = new ArrayList<>();
    List<Bool> wrAllowed = new ArrayList<>();
    List<IdTracker> rdIds = new ArrayList<>();
    List<IdTracker> wrIds = new ArrayList<>();
    List<UInt> extArId = new ArrayList<>();
    List<UInt> extAwId = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Axi4 m = masters.get(i);
      arRoute.add(route(m.ar.addr, "m" + i + "_ar"));
      awRoute.add(route(m.aw.addr, "m" + i + "_aw"));
      IdTracker rd = new IdTracker(this, "m" + i + "_rd", idw, tw, c.maxOutstandingPerId());
      IdTracker wr = new IdTracker(this, "m" + i + "_wr", idw, tw, c.maxOutstandingPerId());
      rdIds.add(rd);
      wrIds.add(wr);
      rdAllowed.add(rd.allowed(m.ar.id, arRoute.get(i).target()));
      wrAllowed.add(wr.allowed(m.aw.id, awRoute.get(i).target()));
      extArId.add(lit(i, UInt(c.masterBits())).cat(m.ar.id));
      extAwId.add(lit(i, UInt(c.masterBits())).cat(m.aw.id));
    }

    // --- read addresses: per channel, round robin over the managers that address it ---------
    List<List<Bool>> arReq = new ArrayList<>();
    List<RoundRobin> arArb = new ArrayList<>();
    for (int j = 0; j < targets; j++) {
      List<Bool> req = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Axi4 m = masters.get(i);
        req.add(m.ar.valid.and(arRoute.get(i).target().eq(j)).and(rdAllowed.get(i)));
      }
      arReq.add(req);
      RoundRobin arb = new RoundRobin(this, "ar" + j, req);
      arArb.add(arb);
      Axi4.Addr out = subs.get(j).ar;
      out.valid.assign(granted(arb, req));
      driveAddr(out, arb, masters.stream().map(m -> m.ar).toList(), extArId,
          arRoute.stream().map(Route::local).toList());
      arb.finish(out.valid, out.fire(), lit(1, Bool()));
    }
    for (int i = 0; i < n; i++) {
      Bool ready = lit(0, Bool());
      for (int j = 0; j < targets; j++) {
        ready = ready.or(arArb.get(j).grant.get(i).and(arReq.get(j).get(i)).and(subs.get(j).ar.ready));
      }
      masters.get(i).ar.ready.assign(ready);
    }

    // --- write addresses and data -------------------------------------------------------------
    // Write data follows write addresses through two small order queues: per manager the targets
    // of its granted AWs, per target the managers in the order it granted them. A manager's W
    // beats go to the target at the head of its queue once that target's queue has the manager at
    // its head, so every target gets W in its AW order, AW and W flow in the same cycle, and the
    // next AW need not wait for the previous W.
    int mb = c.masterBits();
    List<StreamFifo> mOrder = new ArrayList<>();
    List<StreamFifo> sOrder = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      mOrder.add(instance("m" + i + "_w_order", new StreamFifo(tw, WRITE_ORDER_DEPTH)));
    }
    for (int j = 0; j < targets; j++) {
      sOrder.add(instance("s" + j + "_w_order", new StreamFifo(mb, WRITE_ORDER_DEPTH)));
    }
    List<List<Bool>> awReq = new ArrayList<>();
    List<RoundRobin> awArb = new ArrayList<>();
    for (int j = 0; j < targets; j++) {
      List<Bool> req = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Axi4 m = masters.get(i);
        req.add(m.aw.valid.and(awRoute.get(i).target().eq(j)).and(wrAllowed.get(i)).and(mOrder.get(i).in.ready)
            .and(sOrder.get(j).in.ready));
      }
      awReq.add(req);
      RoundRobin arb = new RoundRobin(this, "aw" + j, req);
      awArb.add(arb);
      Axi4 sub = subs.get(j);
      sub.aw.valid.assign(granted(arb, req));
      driveAddr(sub.aw, arb, masters.stream().map(m -> m.aw).toList(), extAwId,
          awRoute.stream().map(Route::local).toList());
      arb.finish(sub.aw.valid, sub.aw.fire(), lit(1, Bool()));
      StreamFifo order = sOrder.get(j);
      order.in.valid.assign(sub.aw.fire());
      order.in.data.assign(arb.index.resize(mb).asBits());
    }
    for (int i = 0; i < n; i++) {
      Axi4 m = masters.get(i);
      Bool ready = lit(0, Bool());
      for (int j = 0; j < targets; j++) {
        ready = ready.or(awArb.get(j).grant.get(i).and(awReq.get(j).get(i)).and(subs.get(j).aw.ready));
      }
      m.aw.ready.assign(ready);
      StreamFifo order = mOrder.get(i);
      order.in.valid.assign(m.aw.fire());
      order.in.data.assign(awRoute.get(i).target().asBits());
    }
    for (int j = 0; j < targets; j++) {
      Axi4 sub = subs.get(j);
      StreamFifo order = sOrder.get(j);
      UInt owner = order.out.data.asUInt();
      List<Bool> ownerHeadHere = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        StreamFifo mo = mOrder.get(i);
        ownerHeadHere.add(mo.out.valid.and(mo.out.data.asUInt().eq(j)));
      }
      Bool matched = order.out.valid.and(pick(owner, ownerHeadHere));
      sub.w.valid.assign(matched.and(pick(owner, masters.stream().map(m -> m.w.valid).toList())));
      sub.w.data.assign(pick(owner, masters.stream().map(m -> m.w.data).toList()));
      sub.w.strb.assign(pick(owner, masters.stream().map(m -> m.w.strb).toList()));
      sub.w.last.assign(pick(owner, masters.stream().map(m -> m.w.last).toList()));
      order.out.ready.assign(sub.w.fire().and(sub.w.last));
    }
    for (int i = 0; i < n; i++) {
      Axi4 m = masters.get(i);
      StreamFifo order = mOrder.get(i);
      UInt target = order.out.data.asUInt();
      List<Bool> headHere = new ArrayList<>();
      for (int j = 0; j < targets; j++) {
        StreamFifo so = sOrder.get(j);
        headHere.add(so.out.valid.and(so.out.data.asUInt().eq(i)));
      }
      m.w.ready.assign(order.out.valid.and(pick(target, headHere))
          .and(pick(target, subs.stream().map(s -> s.w.ready).toList())));
      order.out.ready.assign(m.w.fire().and(m.w.last));
    }

    // --- responses: per manager, round robin over the channels that answer it -----------------
    List<List<Bool>> bReq = new ArrayList<>();
    List<List<Bool>> rReq = new ArrayList<>();
    List<RoundRobin> bArb = new ArrayList<>();
    List<RoundRobin> rArb = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Axi4 m = masters.get(i);
      List<Bool> bq = new ArrayList<>();
      List<Bool> rq = new ArrayList<>();
      for (Axi4 s : subs) {
        bq.add(s.b.valid.and(s.b.id.bits(idw + mb - 1, idw).eq(i)));
        rq.add(s.r.valid.and(s.r.id.bits(idw + mb - 1, idw).eq(i)));
      }
      bReq.add(bq);
      rReq.add(rq);
      RoundRobin ba = new RoundRobin(this, "b" + i, bq);
      RoundRobin ra = new RoundRobin(this, "r" + i, rq);
      bArb.add(ba);
      rArb.add(ra);
      m.b.valid.assign(granted(ba, bq));
      m.b.id.assign(ba.select(subs.stream().map(s -> s.b.id.bits(idw - 1, 0)).toList()));
      m.b.resp.assign(ba.select(subs.stream().map(s -> s.b.resp).toList()));
      ba.finish(m.b.valid, m.b.fire(), lit(1, Bool()));
      m.r.valid.assign(granted(ra, rq));
      m.r.id.assign(ra.select(subs.stream().map(s -> s.r.id.bits(idw - 1, 0)).toList()));
      m.r.data.assign(ra.select(subs.stream().map(s -> s.r.data).toList()));
      m.r.resp.assign(ra.select(subs.stream().map(s -> s.r.resp).toList()));
      m.r.last.assign(ra.select(subs.stream().map(s -> s.r.last).toList()));
      ra.finish(m.r.valid, m.r.fire(), m.r.last);

      rdIds.get(i).update(this, m.ar.fire(), m.ar.id, arRoute.get(i).target(), m.r.fire().and(m.r.last), m.r.id);
      wrIds.get(i).update(this, m.aw.fire(), m.aw.id, awRoute.get(i).target(), m.b.fire(), m.b.id);
    }
    for (int j = 0; j < targets; j++) {
      Bool bReady = lit(0, Bool());
      Bool rReady = lit(0, Bool());
      for (int i = 0; i < n; i++) {
        bReady = bReady.or(bArb.get(i).grant.get(j).and(bReq.get(i).get(j)).and(masters.get(i).b.ready));
        rReady = rReady.or(rArb.get(i).grant.get(j).and(rReq.get(i).get(j)).and(masters.get(i).r.ready));
      }
      subs.get(j).b.ready.assign(bReady);
      subs.get(j).r.ready.assign(rReady);
    }
  }

  /** Which target (channel, or {@code channels} for DECERR) and channel-local address. */
  private Route route(UInt addr, String name) {
    AddressMap map = config.map();
    int aw = addr.width();
    int channels = map.channels();
    int tw = log2Up(channels + 1L);
    UInt off = addr.sub(map.base());
    Bool inside = addr.ge(map.base()).and(off.extend(aw + 1).lt(map.totalBytes()));
    int lb = map.localBits();
    int g = map.granuleBits();
    int cb = log2Up(channels);
    UInt channel;
    UInt local;
    if (channels == 1) {
      channel = lit(0, UInt(1));
      local = off.bits(lb - 1, 0);
    } else if (map.mode() == AddressMap.Mode.CONTIGUOUS) {
      channel = off.bits(lb + cb - 1, lb);
      local = off.bits(lb - 1, 0);
    } else {
      channel = off.bits(g + cb - 1, g);
      local = lb > g ? off.bits(lb + cb - 1, g + cb).cat(off.bits(g - 1, 0)) : off.bits(g - 1, 0);
    }
    UInt target = inside.mux(channel.resize(tw), lit(channels, UInt(tw))).named(name + "_target");
    return new Route(target, local.named(name + "_local"));
  }

  private Bool granted(RoundRobin arb, List<Bool> req) {
    Bool any = lit(0, Bool());
    for (int i = 0; i < req.size(); i++) {
      any = any.or(arb.grant.get(i).and(req.get(i)));
    }
    return any;
  }

  private static void driveAddr(Axi4.Addr out, RoundRobin arb, List<Axi4.Addr> in, List<UInt> ids,
      List<UInt> locals) {
    out.id.assign(arb.select(ids));
    out.addr.assign(arb.select(locals));
    out.len.assign(arb.select(in.stream().map(a -> a.len).toList()));
    out.size.assign(arb.select(in.stream().map(a -> a.size).toList()));
    out.burst.assign(arb.select(in.stream().map(a -> a.burst).toList()));
    out.lock.assign(arb.select(in.stream().map(a -> a.lock).toList()));
    out.cache.assign(arb.select(in.stream().map(a -> a.cache).toList()));
    out.prot.assign(arb.select(in.stream().map(a -> a.prot).toList()));
    out.qos.assign(arb.select(in.stream().map(a -> a.qos).toList()));
  }

  private static <T extends Data<T>> T pick(UInt index, List<T> values) {
    T out = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      out = index.eq(i).mux(values.get(i), out);
    }
    return out;
  }

}
