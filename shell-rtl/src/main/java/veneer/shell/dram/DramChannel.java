package veneer.shell.dram;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.StreamFifo;

/**
 * A DRAM channel model: an AXI4 subordinate port {@code s} in front of a memory, with a
 * latency and bandwidth model (see docs/shell-dram.md).
 *
 * <ul>
 *   <li>One data path, shared by reads and writes, moves at most one beat per cycle: the peak
 *       bandwidth is {@code dataWidth / 8} bytes per cycle.</li>
 *   <li>A read burst's first beat is offered {@code readLatency} cycles after its address
 *       handshake when the data path is free; later beats follow one per cycle while RREADY is
 *       high.</li>
 *   <li>Bursts are served whole, one after another; reads are returned in the order their
 *       addresses were accepted (whatever their IDs), writes are answered in address order.
 *       When both a read and a write are waiting, they take turns burst by burst.</li>
 *   <li>FIXED, INCR (up to 256 beats) and WRAP bursts, narrow transfers and write strobes.</li>
 * </ul>
 *
 * <pre>{@code
 * DramChannel ch = instance("ch0", new DramChannel(DramConfig.defaults()));
 * Bundle.connect(xbar.slave(0), ch.s);
 * }</pre>
 */
public final class DramChannel extends Module {
  /** Depth of the read data queue: enough for one beat per cycle with one beat in flight. */
  private static final int READ_DATA_DEPTH = 4;

  /** The subordinate port. */
  public final Axi4 s;
  /** The configuration it was built with. */
  public final DramConfig config;

  public DramChannel(DramConfig c) {
    this.config = c;
    s = slave("s", () -> new Axi4(c.axiParams()));
    int aw = c.addrWidth();
    int idw = c.idWidth();
    int dw = c.dataWidth();
    int offBits = Integer.numberOfTrailingZeros(c.dataBytes());
    Mem<Bits> ram = mem("ram", Bits(dw), c.words());

    UInt now = reg("now", UInt(32), 0);
    now.assign(now.add(1));

    // Read requests wait here, stamped with the cycle from which their first beat may be read.
    BurstFields arIn = BurstFields.of(s.ar);
    UInt readyAt = now.add(c.readLatency() - 2);
    StreamFifo rq = instance("read_queue", new StreamFifo(32 + arIn.width(), c.maxOutstandingReads()));
    rq.in.valid.assign(s.ar.valid);
    s.ar.ready.assign(rq.in.ready);
    rq.in.data.assign(readyAt.cat(arIn.packed()).asBits());
    BurstFields arHead = BurstFields.unpack(rq.out.data.asUInt(), idw, aw);
    UInt headReadyAt = rq.out.data.asUInt().bits(32 + arIn.width() - 1, arIn.width());

    StreamFifo wq = instance("write_queue", new StreamFifo(BurstFields.of(s.aw).width(), c.writeQueueDepth()));
    wq.in.valid.assign(s.aw.valid);
    s.aw.ready.assign(wq.in.ready);
    wq.in.data.assign(BurstFields.of(s.aw).packed().asBits());
    BurstFields awHead = BurstFields.unpack(wq.out.data.asUInt(), idw, aw);

    StreamFifo rdata = instance("read_data", new StreamFifo(idw + 1 + dw, READ_DATA_DEPTH));
    StreamFifo bq = instance("write_resp", new StreamFifo(idw, 2));

    Bool stall = penalties(c);

    // The burst on the data path: registers while active, the chosen queue head when starting.
    Bool active = reg("active", Bool(), 0);
    Bool isWrite = reg("is_write", Bool(), 0);
    Bool preferWrite = reg("prefer_write", Bool(), 0);
    UInt curAddr = reg("cur_addr", UInt(aw));
    UInt curLeft = reg("cur_left", UInt(8));
    UInt curSize = reg("cur_size", UInt(3));
    Bits curBurst = reg("cur_burst", Bits(2));
    UInt curId = reg("cur_id", UInt(idw));
    UInt curWrapMask = reg("cur_wrap_mask", UInt(aw));

    Bool readReady = rq.out.valid.and(now.sub(headReadyAt).bit(31).not());
    Bool writeReady = wq.out.valid;
    Bool canPick = active.not().and(stall.not());
    Bool pickWrite = canPick.and(writeReady).and(readReady.not().or(preferWrite)).named("pick_write");
    Bool pickRead = canPick.and(readReady).and(writeReady.not().or(preferWrite.not())).named("pick_read");
    rq.out.ready.assign(pickRead);
    wq.out.ready.assign(pickWrite);
    when(pickRead, () -> preferWrite.assign(1));
    when(pickWrite, () -> preferWrite.assign(0));

    Bool busy = active.or(pickRead).or(pickWrite);
    Bool effWrite = active.mux(isWrite, pickWrite);
    UInt effAddr = active.mux(curAddr, pickWrite.mux(awHead.addr(), arHead.addr()));
    UInt effLeft = active.mux(curLeft, pickWrite.mux(awHead.len(), arHead.len()));
    UInt effSize = active.mux(curSize, pickWrite.mux(awHead.size(), arHead.size()));
    Bits effBurst = active.mux(curBurst, pickWrite.mux(awHead.burst(), arHead.burst()));
    UInt effId = active.mux(curId, pickWrite.mux(awHead.id(), arHead.id()));
    UInt effWrapMask = active.mux(curWrapMask, pickWrite.mux(wrapMask(awHead, aw), wrapMask(arHead, aw)));

    // The read data queue must have room for this beat and the one already in flight.
    Bool inFlight = reg("read_in_flight", Bool(), 0);
    Bool credit = rdata.count.add(inFlight.asUInt().resize(rdata.count.width()))
        .le(READ_DATA_DEPTH - 1);
    Bool doRead = busy.and(effWrite.not()).and(stall.not()).and(credit).named("do_read");
    Bool writeOpen = busy.and(effWrite).and(stall.not()).and(bq.in.ready);
    s.w.ready.assign(writeOpen);
    Bool doWrite = writeOpen.and(s.w.valid).named("do_write");
    Bool beat = doRead.or(doWrite);
    Bool lastBeat = effLeft.eq(0);
    UInt word = effAddr.bits(aw - 1, offBits);

    Bits readWord = ram.readSync(word, doRead);
    when(doWrite, () -> ram.write(word, s.w.data, s.w.strb));

    when(busy, () -> {
      active.assign(beat.and(lastBeat).not());
      isWrite.assign(effWrite);
      curSize.assign(effSize);
      curBurst.assign(effBurst);
      curId.assign(effId);
      curWrapMask.assign(effWrapMask);
      curAddr.assign(beat.mux(nextAddress(effAddr, effSize, effBurst, effWrapMask), effAddr));
      curLeft.assign(beat.mux(effLeft.sub(1), effLeft));
    });
    burstGap(c, beat.and(lastBeat));

    // Read data: the memory answers one cycle after the issue; the queue decouples RREADY.
    inFlight.assign(doRead);
    UInt idD1 = regNext("read_id_d1", effId);
    Bool lastD1 = regNext("read_last_d1", lastBeat);
    rdata.in.valid.assign(inFlight);
    rdata.in.data.assign(idD1.cat(lastD1, readWord).asBits());
    UInt rOut = rdata.out.data.asUInt();
    s.r.valid.assign(rdata.out.valid);
    s.r.data.assign(rOut.bits(dw - 1, 0).asBits());
    s.r.last.assign(rOut.bit(dw));
    s.r.id.assign(rOut.bits(dw + idw, dw + 1));
    s.r.resp.assign(lit(Axi4.RESP_OKAY, Bits(2)));
    rdata.out.ready.assign(s.r.ready);

    bq.in.valid.assign(doWrite.and(lastBeat));
    bq.in.data.assign(effId.asBits());
    s.b.valid.assign(bq.out.valid);
    s.b.id.assign(bq.out.data.asUInt());
    s.b.resp.assign(lit(Axi4.RESP_OKAY, Bits(2)));
    bq.out.ready.assign(s.b.ready);
  }

  /** High in cycles where the data path moves nothing because of a refresh or a burst gap. */
  private Bool penalties(DramConfig c) {
    Bool stall = lit(0, Bool());
    if (c.refreshInterval() > 0) {
      int w = log2Up(c.refreshInterval() + 1L);
      UInt timer = reg("refresh_timer", UInt(w), 0);
      Bool refreshing = timer.lt(c.refreshCycles()).named("refreshing");
      timer.assign(timer.eq(c.refreshInterval() - 1).mux(lit(0, UInt(w)), timer.add(1)));
      stall = stall.or(refreshing);
    }
    if (c.burstGapCycles() > 0) {
      gap = reg("burst_gap", UInt(log2Up(c.burstGapCycles() + 1L)), 0);
      stall = stall.or(gap.ne(0));
    }
    return stall.named("stall");
  }

  private UInt gap;

  private void burstGap(DramConfig c, Bool burstDone) {
    if (gap == null) {
      return;
    }
    when(burstDone, () -> gap.assign(c.burstGapCycles()))
        .elsewhen(gap.ne(0), () -> gap.assign(gap.sub(1)));
  }

  /** Address bits that wrap in a WRAP burst: its total size minus one. */
  private UInt wrapMask(BurstFields f, int aw) {
    int w = Math.max(aw, 16);
    UInt total = f.len().resize(w).add(1).shl(f.size());
    return total.sub(1).resize(aw);
  }

  /** The AXI "burst address" rule: FIXED stays, INCR steps by the size, WRAP steps and wraps. */
  private UInt nextAddress(UInt addr, UInt size, Bits burst, UInt wrapMask) {
    int aw = addr.width();
    UInt bytes = lit(1, UInt(aw)).shl(size);
    UInt incr = addr.and(bytes.sub(1).not()).add(bytes);
    UInt wrapped = addr.and(wrapMask.not()).or(incr.and(wrapMask));
    return burst.eq(Axi4.BURST_FIXED).mux(addr, burst.eq(Axi4.BURST_WRAP).mux(wrapped, incr));
  }
}
