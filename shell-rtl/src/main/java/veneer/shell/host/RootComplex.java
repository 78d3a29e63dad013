package veneer.shell.host;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;
import veneer.shell.pcie.ByteEnables;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpArbiter;
import veneer.shell.pcie.TlpPacking;
import veneer.shell.pcie.TlpType;

/**
 * The host side of the simulated platform: a PCIe root complex with host memory.
 *
 * <ul>
 *   <li>Request queues {@code q0..q<n-1>} (one per software agent: PF0's driver, PF1's driver,
 *       the configuration/enumeration agent) take request TLPs from Java; the root complex gives
 *       each a tag ({@code queue} in bits 7:6, a per-queue sequence in 5:0) and requester id 0
 *       and sends them down, queues taking turns packet by packet.
 *   <li>Completions coming up are routed by tag to completion queues {@code c0..c<n-1>}, which Java
 *       reads.
 *   <li>Device-initiated memory writes land in host memory ({@code hostmem}, one DW per word,
 *       byte enables honoured), except writes in the interrupt window
 *       ({@link #MSI_BASE}, 1 MiB), which are appended to the interrupt log {@code irq}
 *       (address bits 31:0 in 63:32, data in 31:0).
 *   <li>Device-initiated memory reads are answered from host memory with completions split at
 *       every read completion boundary ({@code rcbBytes}); reads outside host memory get an
 *       Unsupported Request completion and count in {@code bad_dma}.
 * </ul>
 *
 * <pre>{@code
 * RootComplex rc = instance("rc", new RootComplex(256, 65536, 64));
 * }</pre>
 */
public final class RootComplex extends Module {
  /** Base of the interrupt (MSI/MSI-X message) window. */
  public static final long MSI_BASE = 0xFEE0_0000L;
  /** Request and completion queues. */
  public static final int QUEUES = 3;

  public final Tlp down;
  public final Tlp up;
  public final List<Tlp> requestQueues = new ArrayList<>();
  public final List<Tlp> completionQueues = new ArrayList<>();
  public final Stream irq;
  public final UInt badDma = output("bad_dma", UInt(32));

  public RootComplex(int dataWidth, int hostMemDw, int rcbBytes) {
    if (Integer.bitCount(hostMemDw) != 1) {
      throw new IllegalArgumentException("host memory must be a power of two of DW, found " + hostMemDw);
    }
    if (rcbBytes != 64 && rcbBytes != 128) {
      throw new IllegalArgumentException("the read completion boundary is 64 or 128 bytes, found " + rcbBytes);
    }
    down = master("down", () -> new Tlp(dataWidth));
    up = slave("up", () -> new Tlp(dataWidth));
    irq = master("irq", () -> new Stream(64));
    int lanes = dataWidth / 32;
    int laneBits = log2Up(lanes);
    int packed = TlpPacking.width(dataWidth);
    int memBits = log2Up(hostMemDw);

    // --- requests from Java, tagged and merged ----------------------------------------------------
    List<Tlp> tagged = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      final int queue = q;
      Tlp in = slave("q" + q, () -> new Tlp(dataWidth));
      requestQueues.add(in);
      StreamFifo fifo = instance("qfifo" + q, new StreamFifo(packed, 8));
      fifo.in.valid.assign(in.valid);
      fifo.in.data.assign(TlpPacking.pack(in));
      in.ready.assign(fifo.in.ready);
      Tlp t = wire("tagged" + q, () -> new Tlp(dataWidth));
      TlpPacking.unpack(fifo.out.data, t);
      UInt seq = reg("seq" + q, UInt(6), 0);
      t.tag.assign(lit(queue, UInt(2)).cat(seq));
      t.requesterId.assign(0);
      t.valid.assign(fifo.out.valid);
      fifo.out.ready.assign(t.ready);
      when(t.fire().and(t.last), () -> seq.assign(seq.add(1)));
      tagged.add(t);
    }
    TlpArbiter a01 = instance("arb01", new TlpArbiter(dataWidth));
    Bundle.connect(tagged.get(0), a01.a);
    Bundle.connect(tagged.get(1), a01.b);
    TlpArbiter a012 = instance("arb012", new TlpArbiter(dataWidth));
    Bundle.connect(a01.out, a012.a);
    Bundle.connect(tagged.get(2), a012.b);
    TlpArbiter downArb = instance("arb_down", new TlpArbiter(dataWidth));
    Bundle.connect(a012.out, downArb.a);
    Bundle.connect(downArb.out, down);
    Tlp ownCpl = wire("own_cpl", () -> new Tlp(dataWidth));
    Bundle.connect(ownCpl, downArb.b);

    // --- completions up, routed by tag ---------------------------------------------------------------
    Bool upIsCpl = up.fmtType.bits(4, 1).eq(0b0101);
    UInt cplQueue = up.tag.bits(7, 6);
    Bool cplRouted = lit(0, Bool());
    for (int q = 0; q < QUEUES; q++) {
      StreamFifo fifo = instance("cfifo" + q, new StreamFifo(packed, 64));
      Bool mine = upIsCpl.and(cplQueue.eq(q));
      fifo.in.valid.assign(up.valid.and(mine));
      fifo.in.data.assign(TlpPacking.pack(up));
      Tlp out = master("c" + q, () -> new Tlp(dataWidth));
      TlpPacking.unpack(fifo.out.data, out);
      out.valid.assign(fifo.out.valid);
      fifo.out.ready.assign(out.ready);
      completionQueues.add(out);
      cplRouted = mine.mux(fifo.in.ready, cplRouted);
    }
    Bool cplReady = cplRouted.or(cplQueue.eq(3));  // stray tags are dropped

    // --- device-initiated requests -------------------------------------------------------------------
    final int idle = 0;
    final int write = 1;
    final int readChunk = 2;
    final int readFill = 3;
    final int readEmit = 4;
    final int drop = 5;
    final int urCpl = 6;
    Mem<Bits> mem = mem("hostmem", Bits(32), hostMemDw);
    StreamFifo irqLog = instance("irq_log", new StreamFifo(64, 64));
    Bundle.connect(irqLog.out, irq);
    UInt state = reg("state", UInt(3), idle);
    UInt addr = reg("addr", UInt(64), 0);
    UInt len = reg("len", UInt(11), 0);
    UInt tag = reg("tag", UInt(8), 0);
    UInt reqId = reg("req_id", UInt(16), 0);
    Bits firstBe = reg("first_be", Bits(4), 0);
    Bits lastBe = reg("last_be", Bits(4), 0);
    UInt dw = reg("dw", UInt(11), 0);
    UInt chunkEnd = reg("chunk_end", UInt(11), 0);
    UInt lane = reg("lane", UInt(laneBits), 0);
    Bits beat = reg("beat", Bits(dataWidth), 0);
    UInt cplLen = reg("next_cpl_len", UInt(11), 0);
    UInt cplBytes = reg("next_cpl_bytes", UInt(13), 0);
    UInt cplLower = reg("next_cpl_lower", UInt(7), 0);
    UInt bad = reg("bad", UInt(32), 0);
    badDma.assign(bad);

    UInt dwAddr = addr.add(dw.resize(64).shl(2));
    Bool inMemory = dwAddr.bits(63, memBits + 2).eq(0);
    Bool inMsi = dwAddr.bits(63, 20).eq(MSI_BASE >> 20);
    Bool lastDw = dw.add(1).eq(len);
    Bits be = dw.eq(0).mux(firstBe, lastDw.mux(lastBe, lit(0xF, Bits(4))));
    UInt word = up.data.asUInt().shr(dw.bits(laneBits - 1, 0).cat(lit(0, UInt(5)))).bits(31, 0);

    up.ready.assign(0);
    irqLog.in.valid.assign(0);
    irqLog.in.data.assign(dwAddr.bits(31, 0).cat(word).asBits());
    ownCpl.valid.assign(0);
    ownCpl.last.assign(1);
    ownCpl.fmtType.assign(TlpType.CPLD);
    ownCpl.lengthDw.assign(cplLen);
    ownCpl.requesterId.assign(reqId);
    ownCpl.tag.assign(tag);
    ownCpl.address.assign(0);
    ownCpl.firstBe.assign(lit(0, Bits(4)));
    ownCpl.lastBe.assign(lit(0, Bits(4)));
    ownCpl.completerId.assign(0);
    ownCpl.status.assign(TlpType.CPL_SC);
    ownCpl.byteCount.assign(cplBytes);
    ownCpl.lowerAddress.assign(cplLower);
    ownCpl.poisoned.assign(0);
    ownCpl.data.assign(beat);

    Bool isMemWr = up.fmtType.eq(TlpType.MWR32).or(up.fmtType.eq(TlpType.MWR64));
    Bool isMemRd = up.fmtType.eq(TlpType.MRD32).or(up.fmtType.eq(TlpType.MRD64));
    when(upIsCpl, () -> up.ready.assign(cplReady));
    when(state.eq(idle).and(up.valid).and(upIsCpl.not()), () -> {
      addr.assign(up.address);
      len.assign(up.lengthDw);
      tag.assign(up.tag);
      reqId.assign(up.requesterId);
      firstBe.assign(up.firstBe);
      lastBe.assign(up.lastBe);
      dw.assign(0);
      when(isMemWr, () -> state.assign(write))
          .elsewhen(isMemRd, () -> {
            up.ready.assign(1);
            state.assign(readChunk);
          })
          .otherwise(() -> state.assign(drop));
    });
    when(state.eq(write).and(up.valid), () -> {
      Bool irqBlocked = inMsi.and(irqLog.in.ready.not());
      when(irqBlocked.not(), () -> {
        when(inMsi, () -> irqLog.in.valid.assign(1))
            .elsewhen(inMemory, () -> mem.write(dwAddr.bits(memBits + 1, 2), word.asBits(), be))
            .otherwise(() -> bad.assign(bad.add(1)));
        up.ready.assign(lastDw.or(dw.bits(laneBits - 1, 0).eq(lanes - 1)));
        dw.assign(dw.add(1));
        when(lastDw, () -> state.assign(idle));
      });
    });
    when(state.eq(drop), () -> {
      up.ready.assign(1);
      when(up.valid.and(up.last), () -> state.assign(idle));
    });

    int rcbDw = rcbBytes / 4;
    UInt lowFirst = ByteEnables.lowestSet(this, firstBe);
    UInt bytesTotal = ByteEnables.requestBytes(this, len, firstBe, lastBe);
    UInt toBoundary = lit(rcbDw, UInt(11)).sub(addr.bits(12, 2).add(dw).and(rcbDw - 1));
    UInt remaining = len.sub(dw);
    UInt chunk = toBoundary.lt(remaining).mux(toBoundary, remaining);
    Bool lastInMemory = addr.add(len.resize(64).shl(2)).sub(1).bits(63, memBits + 2).eq(0);
    when(state.eq(readChunk), () -> {
      chunkEnd.assign(dw.add(chunk));
      cplLen.assign(chunk);
      cplBytes.assign(dw.eq(0).mux(bytesTotal, bytesTotal.sub(dw.resize(13).shl(2)).add(lowFirst.resize(13))));
      cplLower.assign(dw.eq(0).mux(addr.bits(6, 2).cat(lowFirst), dwAddr.bits(6, 0)));
      lane.assign(0);
      beat.assign(lit(0, Bits(dataWidth)));
      when(inMemory.and(lastInMemory), () -> state.assign(readFill)).otherwise(() -> {
        bad.assign(bad.add(1));
        cplBytes.assign(bytesTotal);
        state.assign(urCpl);
      });
    });
    UInt shift = lane.cat(lit(0, UInt(5)));
    Bits laneMask = lit(0xFFFF_FFFFL, UInt(dataWidth)).shl(shift).asBits();
    Bits placed = mem.read(dwAddr.bits(memBits + 1, 2)).asUInt().resize(dataWidth).shl(shift).asBits();
    when(state.eq(readFill), () -> {
      beat.assign(beat.and(laneMask.not()).or(placed));
      dw.assign(dw.add(1));
      lane.assign(lane.add(1));
      when(dw.add(1).eq(chunkEnd).or(lane.eq(lanes - 1)), () -> state.assign(readEmit));
    });
    when(state.eq(readEmit), () -> {
      ownCpl.valid.assign(1);
      ownCpl.last.assign(dw.eq(chunkEnd));
      when(ownCpl.ready, () -> {
        beat.assign(lit(0, Bits(dataWidth)));
        when(dw.ne(chunkEnd), () -> state.assign(readFill))
            .elsewhen(dw.eq(len), () -> state.assign(idle))
            .otherwise(() -> state.assign(readChunk));
      });
    });
    when(state.eq(urCpl), () -> {
      ownCpl.valid.assign(1);
      ownCpl.fmtType.assign(TlpType.CPL);
      ownCpl.lengthDw.assign(0);
      ownCpl.status.assign(TlpType.CPL_UR);
      when(ownCpl.ready, () -> state.assign(idle));
    });
  }
}
