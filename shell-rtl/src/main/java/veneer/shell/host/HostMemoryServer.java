package veneer.shell.host;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;
import veneer.shell.pcie.ByteEnables;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpType;

/**
 * The root complex's side of device-initiated requests: host memory and the interrupt log.
 *
 * <p>Host memory is {@code lanes} banks of 32-bit words ({@code bank<i>}: DW address {@code a}
 * is word {@code a / lanes} of bank {@code a % lanes}), so a whole beat is written or read in
 * one cycle at any DW alignment: the server moves one beat per cycle in each direction.
 *
 * <ul>
 *   <li>Memory writes ({@code req}) are written as they arrive (byte enables honoured). A write
 *       into the interrupt window ({@link RootComplex#MSI_BASE}, 1 MiB) logs its first DW with
 *       its address on {@code irq} instead. A write that does not fit host memory is dropped
 *       and counted in {@code bad}.
 *   <li>Memory reads wait in a queue of {@link #PENDING} requests, so the link keeps moving
 *       while completions are produced. Each is answered with completions of at most
 *       {@code cplBytes}, split at {@code cplBytes}-aligned addresses (a multiple of the read
 *       completion boundary). With {@code outOfOrder} the server works on one completion of
 *       the oldest request and then, when a pseudo-random bit says so, moves the rest of that
 *       request behind the others: completions of different tags interleave and requests finish
 *       out of order, as PCIe allows. Reads outside host memory get one Unsupported Request
 *       completion and count in {@code bad}. Reads in the black hole ({@link #BLACK_HOLE_BASE})
 *       are never answered.
 * </ul>
 *
 * <pre>{@code
 * HostMemoryServer mem = instance("mem", new HostMemoryServer(512, 1 << 19, 512, true, 0xACE1));
 * }</pre>
 */
public final class HostMemoryServer extends Module {
  /**
   * Reads at addresses with bits 63:48 equal to 0xDEAD are taken and never answered, so that
   * tests can make a requester wait for a completion that never comes.
   */
  public static final long BLACK_HOLE_BASE = 0xDEAD_0000_0000_0000L;

  /** Read requests waiting for their completions. */
  public static final int PENDING = 8;

  public final Tlp req;
  public final Tlp cpl;
  public final Stream irq;
  public final UInt bad = output("bad", UInt(32));

  /**
   * @param hostMemDw DW of host memory, a power of two, at least {@code dataWidth / 32}
   * @param cplBytes largest completion payload: 64 to 4096, a power of two
   * @param outOfOrder interleave completions of different requests and finish them out of order
   * @param seed the pseudo-random sequence's start (non-zero, 16 bits)
   */
  public HostMemoryServer(int dataWidth, int hostMemDw, int cplBytes, boolean outOfOrder, int seed) {
    int lanes = dataWidth / 32;
    if (Integer.bitCount(hostMemDw) != 1 || hostMemDw < lanes) {
      throw new IllegalArgumentException("host memory must be a power of two of at least " + lanes + " DW, found "
          + hostMemDw);
    }
    if (cplBytes < 64 || cplBytes > 4096 || Integer.bitCount(cplBytes) != 1) {
      throw new IllegalArgumentException("the completion size must be a power of two from 64 to 4096 bytes, found "
          + cplBytes);
    }
    if (seed <= 0 || seed > 0xFFFF) {
      throw new IllegalArgumentException("the seed must be 1 to 0xFFFF, found " + seed);
    }
    req = slave("req", () -> new Tlp(dataWidth));
    cpl = master("cpl", () -> new Tlp(dataWidth));
    irq = master("irq", () -> new Stream(64));
    int laneBits = log2Up(lanes);
    int memBits = log2Up(hostMemDw);
    int bankBits = Math.max(1, memBits - laneBits);
    List<Mem<Bits>> banks = new ArrayList<>();
    for (int b = 0; b < lanes; b++) {
      banks.add(mem("bank" + b, Bits(32), hostMemDw / lanes));
    }
    UInt badCount = reg("bad_count", UInt(32), 0);
    bad.assign(badCount);
    StreamFifo irqLog = instance("irq_log", new StreamFifo(64, 64));
    veneer.hdl.Bundle.connect(irqLog.out, irq);
    irqLog.in.valid.assign(0);

    Bool isWrite = req.fmtType.eq(TlpType.MWR32).or(req.fmtType.eq(TlpType.MWR64));
    Bool isRead = req.fmtType.eq(TlpType.MRD32).or(req.fmtType.eq(TlpType.MRD64));

    // --- writes: one beat per cycle, rotated onto the banks ----------------------------------------
    UInt beatIndex = reg("wr_beat", UInt(11), 0);
    UInt a0 = req.address.bits(63, 2);
    UInt endDw = a0.add(req.lengthDw.resize(62));
    Bool inMemory = endDw.le(hostMemDw).and(req.address.bits(63, 62).eq(0));
    Bool inMsi = req.address.bits(63, 20).eq(RootComplex.MSI_BASE >> 20);
    UInt rot = a0.bits(laneBits - 1, 0);
    Bits rotated = rotateLanes(req.data, rot, lanes, true);
    UInt baseWord = a0.bits(memBits - 1, laneBits).resize(bankBits);
    irqLog.in.data.assign(req.address.bits(31, 0).cat(req.data.asUInt().bits(31, 0)).asBits());
    when(req.valid.and(isWrite), () -> {
      when(inMsi, () -> irqLog.in.valid.assign(beatIndex.eq(0)));
      for (int b = 0; b < lanes; b++) {
        final int bank = b;
        UInt l = lit(bank, UInt(laneBits)).sub(rot);
        UInt i = beatIndex.resize(11).shl(laneBits).or(l.resize(11));
        Bool used = i.lt(req.lengthDw);
        Bits be = i.eq(0).mux(req.firstBe, i.add(1).eq(req.lengthDw).mux(req.lastBe, lit(0xF, Bits(4))));
        UInt word = baseWord.add(beatIndex.resize(bankBits)).add(lit(bank, UInt(laneBits)).lt(rot).mux(
            lit(1, UInt(bankBits)), lit(0, UInt(bankBits))));
        Bits dw = rotated.asUInt().bits(32 * bank + 31, 32 * bank).asBits();
        when(req.ready.and(inMemory).and(inMsi.not()).and(used), () -> banks.get(bank).write(word, dw, be));
      }
    });
    Bool wrReady = inMsi.not().or(beatIndex.ne(0)).or(irqLog.in.ready);

    // --- reads: a queue of pending requests ----------------------------------------------------------
    // entry: address (64) | length DW (11) | first BE (4) | last BE (4) | tag (8) | requester (16) | done DW (11)
    int entryBits = 64 + 11 + 4 + 4 + 8 + 16 + 11;
    Mem<Bits> queue = mem("pending", Bits(entryBits), PENDING);
    int qBits = log2Up(PENDING);
    UInt qHead = reg("q_head", UInt(qBits), 0);
    UInt qTail = reg("q_tail", UInt(qBits), 0);
    UInt qCount = reg("q_count", UInt(qBits + 1), 0);

    // the request being answered
    Bool busy = reg("busy", Bool(), 0);
    UInt addr = reg("addr", UInt(64), 0);
    UInt len = reg("len", UInt(11), 0);
    Bits firstBe = reg("first_be", Bits(4), 0);
    Bits lastBe = reg("last_be", Bits(4), 0);
    UInt tag = reg("tag", UInt(8), 0);
    UInt reqId = reg("req_id", UInt(16), 0);
    UInt done = reg("done", UInt(11), 0);
    Bool inChunk = reg("in_chunk", Bool(), 0);
    UInt chunkLen = reg("chunk_len", UInt(11), 0);
    UInt chunkBeat = reg("chunk_beat", UInt(11), 0);
    UInt lfsr = reg("lfsr", UInt(16), seed);

    Bool pushBack = wire("push_back", Bool());
    pushBack.assign(0);
    UInt reserved = busy.mux(lit(1, UInt(qBits + 1)), lit(0, UInt(qBits + 1)));
    Bool roomForNew = qCount.add(reserved).lt(PENDING).and(pushBack.not());
    req.ready.assign(isWrite.mux(wrReady, isRead.mux(roomForNew, lit(1, Bool()))));
    Bits newEntry = req.address.cat(req.lengthDw, req.firstBe, req.lastBe, req.tag, req.requesterId,
        lit(0, UInt(11))).asBits();
    UInt doneAfter = wire("done_after", UInt(11));   // DW answered once this cycle's completion is out
    Bits backEntry = addr.cat(len, firstBe, lastBe, tag, reqId, doneAfter).asBits();
    Bool blackHole = req.address.bits(63, 48).eq(BLACK_HOLE_BASE >>> 48);
    Bool pushNew = req.fire().and(isRead).and(blackHole.not());
    Bool pop = wire("pop", Bool());
    pop.assign(0);
    when(pushBack, () -> queue.write(qTail, backEntry)).elsewhen(pushNew, () -> queue.write(qTail, newEntry));
    when(pushBack.or(pushNew), () -> qTail.assign(qTail.add(1)));
    when(pop, () -> qHead.assign(qHead.add(1)));
    UInt pushes = pushBack.or(pushNew).mux(lit(1, UInt(qBits + 1)), lit(0, UInt(qBits + 1)));
    UInt pops = pop.mux(lit(1, UInt(qBits + 1)), lit(0, UInt(qBits + 1)));
    qCount.assign(qCount.add(pushes).sub(pops));
    when(req.fire().and(isWrite), () -> {
      beatIndex.assign(req.last.mux(lit(0, UInt(11)), beatIndex.add(1)));
      when(req.last.and(inMemory.not()).and(inMsi.not()), () -> badCount.assign(badCount.add(1)));
    });

    Bits head = queue.read(qHead);
    UInt hDone = head.asUInt().bits(10, 0);
    UInt hReqId = head.asUInt().bits(26, 11);
    UInt hTag = head.asUInt().bits(34, 27);
    Bits hLastBe = head.asUInt().bits(38, 35).asBits();
    Bits hFirstBe = head.asUInt().bits(42, 39).asBits();
    UInt hLen = head.asUInt().bits(53, 43);
    UInt hAddr = head.asUInt().bits(117, 54);
    // completion fields of the next chunk
    int cplDw = cplBytes / 4;
    UInt dwAddr = addr.bits(63, 2).add(done.resize(62));
    UInt toBoundary = lit(cplDw, UInt(11)).sub(dwAddr.bits(10, 0).and(cplDw - 1));
    UInt remaining = len.sub(done);
    UInt chunk = toBoundary.lt(remaining).mux(toBoundary, remaining);
    UInt lowFirst = ByteEnables.lowestSet(this, firstBe);
    UInt bytesTotal = ByteEnables.requestBytes(this, len, firstBe, lastBe);
    Bool readInMemory = addr.bits(63, 2).add(len.resize(62)).le(hostMemDw).and(addr.bits(63, 62).eq(0));

    int cplDwBits = 11;
    UInt curLen = inChunk.mux(chunkLen, chunk);
    UInt curBeat = inChunk.mux(chunkBeat, lit(0, UInt(11)));
    doneAfter.assign(done.add(curLen));
    Bool finishing = wire("finishing", Bool());
    finishing.assign(0);
    UInt cRot = dwAddr.bits(laneBits - 1, 0);
    UInt cBase = dwAddr.bits(memBits - 1, laneBits).resize(bankBits);
    List<Bits> laneWords = new ArrayList<>();
    for (int b = 0; b < lanes; b++) {
      UInt word = cBase.add(curBeat.resize(bankBits)).add(lit(b, UInt(laneBits)).lt(cRot).mux(
          lit(1, UInt(bankBits)), lit(0, UInt(bankBits))));
      laneWords.add(banks.get(b).read(word));
    }
    Bits fromBanks = laneWords.get(lanes - 1);
    for (int b = lanes - 2; b >= 0; b--) {
      fromBanks = fromBanks.asUInt().cat(laneWords.get(b)).asBits();
    }
    Bits beat = rotateLanes(fromBanks, cRot, lanes, false);

    cpl.valid.assign(0);
    cpl.last.assign(1);
    cpl.fmtType.assign(TlpType.CPLD);
    cpl.lengthDw.assign(curLen);
    cpl.requesterId.assign(reqId);
    cpl.tag.assign(tag);
    cpl.address.assign(0);
    cpl.firstBe.assign(lit(0, Bits(4)));
    cpl.lastBe.assign(lit(0, Bits(4)));
    cpl.completerId.assign(0);
    cpl.status.assign(TlpType.CPL_SC);
    cpl.byteCount.assign(done.eq(0).mux(bytesTotal, bytesTotal.sub(done.resize(13).shl(2)).add(lowFirst.resize(13))));
    cpl.lowerAddress.assign(done.eq(0).mux(addr.bits(6, 2).cat(lowFirst), dwAddr.bits(4, 0).cat(lit(0, UInt(2)))));
    cpl.poisoned.assign(0);
    cpl.data.assign(beat);

    when(busy.and(readInMemory.not()), () -> {
      cpl.valid.assign(1);
      cpl.fmtType.assign(TlpType.CPL);
      cpl.lengthDw.assign(0);
      cpl.status.assign(TlpType.CPL_UR);
      cpl.byteCount.assign(bytesTotal);
      when(cpl.ready, () -> {
        busy.assign(0);
        badCount.assign(badCount.add(1));
      });
    });
    when(busy.and(readInMemory), () -> {
      cpl.valid.assign(1);
      Bool lastBeat = curBeat.add(1).resize(cplDwBits + 1).shl(laneBits).ge(curLen.resize(cplDwBits + 1));
      cpl.last.assign(lastBeat);
      when(cpl.ready, () -> {
        when(lastBeat, () -> {
          inChunk.assign(0);
          UInt newDone = doneAfter;
          done.assign(newDone);
          lfsr.assign(lfsr.shr(1).xor(lfsr.bit(0).mux(lit(0xB400, UInt(16)), lit(0, UInt(16)))));
          when(newDone.eq(len), () -> {
            finishing.assign(1);
            busy.assign(0);
          });
          if (outOfOrder) {
            when(newDone.ne(len).and(lfsr.bit(0)).and(qCount.ne(0)), () -> {
              pushBack.assign(1);
              finishing.assign(1);
              busy.assign(0);
            });
          }
        }).otherwise(() -> {
          inChunk.assign(1);
          chunkLen.assign(curLen);
          chunkBeat.assign(curBeat.add(1));
        });
      });
    });
    when(busy.not().or(finishing).and(qCount.ne(0)), () -> {
      pop.assign(1);
      busy.assign(1);
      addr.assign(hAddr);
      len.assign(hLen);
      firstBe.assign(hFirstBe);
      lastBe.assign(hLastBe);
      tag.assign(hTag);
      reqId.assign(hReqId);
      done.assign(hDone);
    });

  }

  /**
   * Rotates the 32-bit lanes of {@code data}: with {@code up}, lane {@code l} moves to
   * {@code (l + by) % lanes}; otherwise lane {@code (l + by) % lanes} moves to {@code l}.
   */
  private Bits rotateLanes(Bits data, UInt by, int lanes, boolean up) {
    int w = 32 * lanes;
    UInt doubled = data.asUInt().cat(data.asUInt());
    UInt shift = by.cat(lit(0, UInt(5)));
    if (up) {
      return doubled.shl(shift).bits(2 * w - 1, w).asBits();
    }
    return doubled.shr(shift).bits(w - 1, 0).asBits();
  }
}
