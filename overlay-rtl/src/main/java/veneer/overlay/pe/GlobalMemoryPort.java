package veneer.overlay.pe;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;

/**
 * The PE's global-memory port: a queue of single-beat requests sent as AXI4 transactions whose
 * ID is the request's <em>access id</em> (its entry in the PE's table of accesses in flight,
 * {@link PeConfig#accessIds()}), so that many accesses can be in flight and responses may
 * return in any order. Responses (R before B) are offered on {@code resp_*} until taken.
 *
 * <p>The request side is a plain valid-only interface. The queue has one entry per access id
 * and an id is in use until its response is taken, so it never overflows (an assertion checks
 * it). The line coalescer sits between this port and the array's wide AXI port.
 *
 * <pre>{@code
 * GlobalMemoryPort gmp = instance("gmp", new GlobalMemoryPort(config));
 * Bundle.connect(gmp.m, mem);
 * gmp.reqValid.assign(go); ...; gmp.respReady.assign(canTake);
 * }</pre>
 */
public final class GlobalMemoryPort extends Module {
  public final Axi4 m;
  public final Bool reqValid = input("req_valid", Bool());
  public final Bool reqWrite = input("req_write", Bool());
  /** The access id (AXI ID) of the request. */
  public final UInt reqTid;
  public final UInt reqAddr = input("req_addr", UInt(32));
  /** Store data already on its byte lanes. */
  public final UInt reqData = input("req_data", UInt(32));
  public final Bits reqStrb = input("req_strb", Bits(4));
  public final UInt reqSize = input("req_size", UInt(2));
  public final Bool respValid = output("resp_valid", Bool());
  public final Bool respReady = input("resp_ready", Bool());
  public final Bool respWrite = output("resp_write", Bool());
  public final UInt respTid;
  /** Read data on its byte lanes. */
  public final UInt respData = output("resp_data", UInt(32));
  /** SLVERR or DECERR. */
  public final Bool respError = output("resp_error", Bool());

  /** The AXI4 parameters of a PE: access-id IDs, 32-bit addresses and data. */
  public static Axi4.Params axiParams(PeConfig config) {
    return new Axi4.Params(config.accessIdBits(), 32, 32, 0);
  }

  public GlobalMemoryPort(PeConfig config) {
    int tb = config.accessIdBits();
    m = master("m", () -> new Axi4(axiParams(config)));
    reqTid = input("req_tid", UInt(tb));
    respTid = output("resp_tid", UInt(tb));

    int entryWidth = 1 + tb + 32 + 32 + 4 + 2;
    Mem<Bits> fifo = mem("fifo", Bits(entryWidth), 1 << tb);
    // head and tail with one bit more than the index: the queue is empty when they are equal
    // and full (every access id queued) when they differ in that bit only, so no count.
    UInt head = reg("head", UInt(tb + 1), 0);
    UInt tail = reg("tail", UInt(tb + 1), 0);
    Bool awSent = reg("aw_sent", Bool(), 0);
    Bool wSent = reg("w_sent", Bool(), 0);

    when(reqValid, () -> fifo.write(tail.resize(tb),
        reqWrite.cat(reqTid, reqAddr, reqData, reqStrb, reqSize).asBits()));
    UInt e = fifo.read(head.resize(tb)).asUInt();
    Bool isWrite = e.bit(entryWidth - 1);
    UInt tid = e.bits(entryWidth - 2, 70);
    UInt addr = e.bits(69, 38);
    UInt data = e.bits(37, 6);
    UInt strb = e.bits(5, 2);
    UInt size = e.bits(1, 0);
    Bool any = head.ne(tail);

    m.ar.valid.assign(any.and(isWrite.not()));
    m.ar.id.assign(tid);
    m.ar.addr.assign(addr);
    m.ar.size.assign(size.extend(3));
    m.aw.valid.assign(any.and(isWrite).and(awSent.not()));
    m.aw.id.assign(tid);
    m.aw.addr.assign(addr);
    m.aw.size.assign(size.extend(3));
    for (Axi4.Addr ch : new Axi4.Addr[] {m.ar, m.aw}) {
      ch.len.assign(0);
      ch.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
      ch.lock.assign(lit(0, Bool()));
      ch.cache.assign(lit(0, Bits(4)));
      ch.prot.assign(lit(0, Bits(3)));
      ch.qos.assign(lit(0, Bits(4)));
    }
    m.w.valid.assign(any.and(isWrite).and(wSent.not()));
    m.w.data.assign(data.asBits());
    m.w.strb.assign(strb.asBits());
    m.w.last.assign(lit(1, Bool()));

    // A write is done with AW and W each sent (now or before). While the head is a write, AW's
    // valid is !aw_sent, so "sent now" is just the ready; and a sent flag is kept only while the
    // other half is still missing (both done pops the entry), which needs no pop in the flags.
    Bool writing = any.and(isWrite);
    Bool awDone = awSent.or(m.aw.ready);
    Bool wDone = wSent.or(m.w.ready);
    Bool pop = writing.mux(awDone.and(wDone), m.ar.fire());
    // head + pop rather than an enabled head + 1: Yosys moves head's flip-flops into the LUT
    // RAM's read port as its address register and copies them back out for the increment; with
    // an enable, that copy needed a 2:1 mux per bit in front (6 LUTs, 6 flip-flops).
    head.assign(head.add(pop.asUInt()));
    awSent.assign(writing.and(awDone).and(wDone.not()));
    wSent.assign(writing.and(wDone).and(awDone.not()));
    when(reqValid, () -> tail.assign(tail.add(1)));
    assertThat(reqValid.implies(tail.xor(head).ne(1 << tb).or(pop)),
        "global-memory request queue overflow: an access id was used twice");

    Bool rv = m.r.valid;
    respValid.assign(rv.or(m.b.valid));
    respWrite.assign(rv.not());
    respTid.assign(rv.mux(m.r.id, m.b.id));
    respData.assign(m.r.data.asUInt());
    respError.assign(rv.mux(m.r.resp.asUInt().bit(1), m.b.resp.asUInt().bit(1)));
    m.r.ready.assign(respReady);
    m.b.ready.assign(respReady.and(rv.not()));
  }
}
