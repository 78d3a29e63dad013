package veneer.shell.pcie;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;

/**
 * The requester side of the PCIe layer: turns bulk reads and writes of host memory into
 * memory request TLPs on {@code rq}, and reassembles the completions arriving on {@code rc}.
 *
 * <ul>
 *   <li><b>Reads</b> ({@code rdCmd} -> {@code rdData}): a command of N beats becomes memory reads
 *       of at most min(Max_Read_Request_Size, {@code maxReadBytes}) that never cross a 4 KiB
 *       boundary, each with its own tag from a pool of {@code tags}, so up to {@code tags}
 *       reads are outstanding. Completions may come split (at any read completion boundary) and
 *       in any order across tags: each beat is written straight into the tag's slot of a reorder
 *       buffer at the offset its Byte Count says, and tags are retired in issue order, so
 *       {@code rdData} delivers every command's data in order. Tags are handed out and retired
 *       in a ring, so a tag is never reused while outstanding.
 *   <li><b>Timeouts and errors</b>: the oldest outstanding read that waits more than
 *       {@code timeoutCycles} is given up: {@link ShellError#COMPLETION_TIMEOUT} (info: tag) is
 *       reported and its beats are delivered with {@code err} set. A completion with a status
 *       other than SC ends its request the same way ({@link ShellError#COMPLETION_STATUS}); a
 *       completion for a tag that is not outstanding is dropped
 *       ({@link ShellError#UNEXPECTED_COMPLETION}). The requester never waits forever.
 *   <li><b>Writes</b> ({@code wrCmd} + {@code wrData}): a command of N beats, followed by its N
 *       beats on {@code wrData}, becomes memory writes of at most Max_Payload_Size that never
 *       cross a 4 KiB boundary.
 *   <li><b>Messages</b> ({@code msg}): one-DW writes (status write-backs, MSI-X messages).
 * </ul>
 *
 * <p>Addresses and lengths are whole beats ({@code dataWidth / 8} bytes, 32 or 64), which is
 * what the DMA engine moves. The three request sources share {@code rq} packet by packet, round
 * robin; writes and messages keep their order within each source. Nothing is sent while bus
 * mastering is disabled.
 *
 * <pre>{@code
 * PcieRequester req = instance("req", new PcieRequester(512, 32, 512, 16384));
 * Bundle.connect(req.rq, endpoint.rq);
 * Bundle.connect(endpoint.rc, req.rc);
 * }</pre>
 */
public final class PcieRequester extends Module {
  public final Tlp rq;
  public final Tlp rc;
  public final TransferCommand rdCmd;
  public final ReadBeat rdData;
  public final TransferCommand wrCmd;
  public final Stream wrData;
  public final MessageWrite msg;
  /** Our requester id (bus, device, function). */
  public final UInt requesterId = input("requester_id", UInt(16));
  /** Max_Payload_Size and Max_Read_Request_Size codes (128 << code bytes). */
  public final UInt mps = input("mps", UInt(3));
  public final UInt mrrs = input("mrrs", UInt(3));
  public final Bool busMaster = input("bus_master", Bool());
  /** Read requests sent and not yet delivered. */
  public final UInt outstanding;
  public final Bool errValid = output("err_valid", Bool());
  public final UInt errCode = output("err_code", UInt(8));
  public final UInt errInfo = output("err_info", UInt(24));

  /**
   * @param dataWidth 256 or 512
   * @param tags outstanding reads, a power of two from 2 to 256
   * @param maxReadBytes the largest read request this requester sends (128 to 4096, a power of two)
   * @param timeoutCycles cycles a read may wait for its completions
   */
  public PcieRequester(int dataWidth, int tags, int maxReadBytes, long timeoutCycles) {
    if (dataWidth != 256 && dataWidth != 512) {
      throw new IllegalArgumentException("the requester moves 256- or 512-bit beats, found " + dataWidth);
    }
    if (tags < 2 || tags > 256 || Integer.bitCount(tags) != 1) {
      throw new IllegalArgumentException("the tag pool must be a power of two from 2 to 256, found " + tags);
    }
    if (maxReadBytes < 128 || maxReadBytes > 4096 || Integer.bitCount(maxReadBytes) != 1) {
      throw new IllegalArgumentException("the largest read must be a power of two from 128 to 4096 bytes, found "
          + maxReadBytes);
    }
    if (timeoutCycles < 16 || timeoutCycles >= (1L << 31)) {
      throw new IllegalArgumentException("the completion timeout must be 16 to 2^31 - 1 cycles, found " + timeoutCycles);
    }
    rq = master("rq", () -> new Tlp(dataWidth));
    rc = slave("rc", () -> new Tlp(dataWidth));
    rdCmd = slave("rd_cmd", TransferCommand::new);
    rdData = master("rd_data", () -> new ReadBeat(dataWidth));
    wrCmd = slave("wr_cmd", TransferCommand::new);
    wrData = slave("wr_data", () -> new Stream(dataWidth));
    msg = slave("msg", MessageWrite::new);
    int beatBytes = dataWidth / 8;
    int beatShift = Integer.numberOfTrailingZeros(beatBytes);
    int dwPerBeat = beatBytes / 4;
    int slotBeats = maxReadBytes / beatBytes;
    int slotBits = log2Up(slotBeats);
    int tagBits = log2Up(tags);
    int cntBits = log2Up(slotBeats + 1L);
    int pageBeats = 4096 / beatBytes;
    int pageBits = log2Up(pageBeats + 1L);
    int beatCountBits = TransferCommand.BEAT_BITS;
    outstanding = output("outstanding", UInt(tagBits + 1));

    UInt now = reg("now", UInt(32), 0);
    now.assign(now.add(1));

    Tlp rdReq = wire("rd_req", () -> new Tlp(dataWidth));
    Tlp wrReq = wire("wr_req", () -> new Tlp(dataWidth));
    Tlp msgReq = wire("msg_req", () -> new Tlp(dataWidth));
    TlpArbiter arb1 = instance("arb_data", new TlpArbiter(dataWidth));
    Bundle.connect(rdReq, arb1.a);
    Bundle.connect(wrReq, arb1.b);
    TlpArbiter arb2 = instance("arb_msg", new TlpArbiter(dataWidth));
    Bundle.connect(arb1.out, arb2.a);
    Bundle.connect(msgReq, arb2.b);
    Bundle.connect(arb2.out, rq);

    // --- read requests -------------------------------------------------------------------------------
    UInt mrrsBeats = lit(128 / beatBytes, UInt(pageBits)).shl(mrrs);
    UInt maxBeats = mrrsBeats.gt(slotBeats).mux(lit(slotBeats, UInt(pageBits)), mrrsBeats);
    Bool rdActive = reg("rd_active", Bool(), 0);
    UInt rdAddr = reg("rd_addr", UInt(64), 0);
    UInt rdLeft = reg("rd_left", UInt(beatCountBits), 0);
    UInt rdCtx = reg("rd_ctx", UInt(TransferCommand.CTX_BITS), 0);
    UInt issuePtr = reg("issue_ptr", UInt(tagBits), 0);
    UInt retirePtr = reg("retire_ptr", UInt(tagBits), 0);
    UInt count = reg("count", UInt(tagBits + 1), 0);
    outstanding.assign(count);
    rdCmd.ready.assign(rdActive.not());
    when(rdCmd.fire(), () -> {
      rdActive.assign(rdCmd.beats.ne(0));
      rdAddr.assign(rdCmd.address);
      rdLeft.assign(rdCmd.beats);
      rdCtx.assign(rdCmd.ctx);
    });
    UInt rdChunk = chunk(rdAddr, rdLeft, maxBeats, pageBeats, pageBits, beatShift);
    Bool rdLastOfCmd = rdLeft.eq(rdChunk.resize(beatCountBits));
    requestHeader(rdReq, rdAddr, rdChunk, dwPerBeat, false);
    rdReq.tag.assign(issuePtr.resize(8));
    rdReq.valid.assign(rdActive.and(count.lt(tags)).and(busMaster));
    rdReq.last.assign(1);
    rdReq.data.assign(lit(0, Bits(dataWidth)));

    // per tag: beats asked (slot bits + 1), context, last of its command; issue time
    int infoBits = cntBits + TransferCommand.CTX_BITS + 1;
    Mem<UInt> info = mem("tag_info", UInt(infoBits), tags);
    Mem<UInt> issued = mem("tag_time", UInt(32), tags);
    when(rdReq.fire(), () -> {
      info.write(issuePtr, rdChunk.resize(cntBits).cat(rdCtx, rdLastOfCmd));
      issued.write(issuePtr, now);
      issuePtr.assign(issuePtr.add(1));
      rdAddr.assign(rdAddr.add(rdChunk.resize(64).shl(beatShift)));
      rdLeft.assign(rdLeft.sub(rdChunk.resize(beatCountBits)));
      when(rdLastOfCmd, () -> rdActive.assign(0));
    });

    // --- completions into the reorder buffer ---------------------------------------------------------
    Mem<Bits> buffer = mem("reorder", Bits(dataWidth), tags * slotBeats);
    List<UInt> received = new ArrayList<>();
    List<Bool> failed = new ArrayList<>();
    for (int t = 0; t < tags; t++) {
      received.add(reg("received" + t, UInt(cntBits), 0));
      failed.add(reg("failed" + t, Bool(), 0));
    }
    UInt cTag = rc.tag.bits(tagBits - 1, 0);
    Bool tagInPool = tagBits == 8 ? lit(1, Bool()) : rc.tag.bits(7, tagBits).eq(0);
    Bool tagOutstanding = tagInPool.and(cTag.sub(retirePtr).resize(tagBits + 1).lt(count));
    UInt cInfo = info.read(cTag);
    UInt cAsked = cInfo.bits(infoBits - 1, infoBits - cntBits);
    UInt cBeat = reg("cpl_beat", UInt(slotBits + 1), 0);
    UInt owedBeats = rc.byteCount.shr(beatShift).resize(cntBits + 1);
    UInt offset = cAsked.resize(cntBits + 1).sub(owedBeats).add(cBeat.resize(cntBits + 1));
    Bool cOk = rc.status.eq(TlpType.CPL_SC);
    Bool cHasData = rc.fmtType.bit(6);
    rc.ready.assign(1);
    UInt errReason = wire("cpl_err", UInt(2));   // 0 none, 1 unexpected, 2 status
    errReason.assign(0);
    when(rc.fire(), () -> {
      cBeat.assign(rc.last.mux(lit(0, UInt(slotBits + 1)), cBeat.add(1)));
      when(tagOutstanding.not(), () -> when(rc.last, () -> errReason.assign(1)))
          .elsewhen(cOk.not(), () -> when(rc.last, () -> errReason.assign(2)))
          .elsewhen(cHasData.and(offset.lt(cAsked.resize(cntBits + 1))), () ->
              buffer.write(cTag.cat(offset.resize(slotBits)), rc.data));
    });
    for (int t = 0; t < tags; t++) {
      final int tag = t;
      Bool hit = rc.fire().and(tagOutstanding).and(cTag.eq(tag));
      Bool retiring = wire("retiring" + t, Bool());
      retiring.assign(0);
      when(hit.and(cOk).and(cHasData), () -> received.get(tag).assign(received.get(tag).add(1)));
      when(hit.and(cOk.not()), () -> failed.get(tag).assign(1));
      when(rdReq.fire().and(issuePtr.eq(tag)), () -> {
        received.get(tag).assign(0);
        failed.get(tag).assign(0);
      });
    }

    // --- retiring in issue order ---------------------------------------------------------------------
    UInt hInfo = info.read(retirePtr);
    UInt hAsked = hInfo.bits(infoBits - 1, infoBits - cntBits);
    UInt hCtx = hInfo.bits(TransferCommand.CTX_BITS, 1);
    Bool hLastOfCmd = hInfo.bit(0);
    UInt hReceived = received.get(0);
    Bool hFailed = failed.get(0);
    for (int t = 1; t < tags; t++) {
      hReceived = retirePtr.eq(t).mux(received.get(t), hReceived);
      hFailed = retirePtr.eq(t).mux(failed.get(t), hFailed);
    }
    Bool expired = reg("expired", Bool(), 0);
    UInt outBeat = reg("out_beat", UInt(slotBits + 1), 0);
    Bool any = count.ne(0);
    Bool late = any.and(now.sub(issued.read(retirePtr)).gt(timeoutCycles));
    Bool headDone = any.and(hReceived.eq(hAsked).or(hFailed).or(expired));
    Bool timeoutNow = wire("timeout_now", Bool());
    timeoutNow.assign(0);
    when(any.and(late).and(headDone.not()), () -> {
      expired.assign(1);
      timeoutNow.assign(1);
    });
    rdData.valid.assign(headDone);
    rdData.data.assign(buffer.read(retirePtr.cat(outBeat.resize(slotBits))));
    rdData.ctx.assign(hCtx);
    Bool hLastBeat = outBeat.add(1).eq(hAsked.resize(slotBits + 1));
    rdData.last.assign(hLastOfCmd.and(hLastBeat));
    rdData.err.assign(hFailed.or(expired));
    Bool retire = rdData.fire().and(hLastBeat);
    when(rdData.fire(), () -> outBeat.assign(hLastBeat.mux(lit(0, UInt(slotBits + 1)), outBeat.add(1))));
    when(retire, () -> {
      retirePtr.assign(retirePtr.add(1));
      expired.assign(0);
    });
    UInt inc = rdReq.fire().mux(lit(1, UInt(tagBits + 1)), lit(0, UInt(tagBits + 1)));
    UInt dec = retire.mux(lit(1, UInt(tagBits + 1)), lit(0, UInt(tagBits + 1)));
    count.assign(count.add(inc).sub(dec));

    // --- errors to the management log (one per cycle; a timeout is reported when it happens) --------
    errValid.assign(errReason.ne(0).or(timeoutNow));
    errCode.assign(timeoutNow.mux(lit(ShellError.COMPLETION_TIMEOUT.code, UInt(8)),
        errReason.eq(1).mux(lit(ShellError.UNEXPECTED_COMPLETION.code, UInt(8)),
            lit(ShellError.COMPLETION_STATUS.code, UInt(8)))));
    errInfo.assign(timeoutNow.mux(retirePtr.resize(24),
        errReason.eq(1).mux(rc.tag.resize(24), rc.status.resize(4).cat(rc.tag).resize(24))));

    // --- bulk writes -------------------------------------------------------------------------------------
    UInt mpsBeats = lit(128 / beatBytes, UInt(pageBits)).shl(mps);
    UInt mpsCapped = mpsBeats.gt(pageBeats).mux(lit(pageBeats, UInt(pageBits)), mpsBeats);
    Bool wrActive = reg("wr_active", Bool(), 0);
    UInt wrAddr = reg("wr_addr", UInt(64), 0);
    UInt wrLeft = reg("wr_left", UInt(beatCountBits), 0);
    Bool inPkt = reg("in_pkt", Bool(), 0);
    UInt pktLen = reg("pkt_len", UInt(pageBits), 0);
    UInt pktBeat = reg("pkt_beat", UInt(pageBits), 0);
    wrCmd.ready.assign(wrActive.not());
    when(wrCmd.fire(), () -> {
      wrActive.assign(wrCmd.beats.ne(0));
      wrAddr.assign(wrCmd.address);
      wrLeft.assign(wrCmd.beats);
      inPkt.assign(0);
      pktBeat.assign(0);
    });
    UInt wrChunk = inPkt.mux(pktLen, chunk(wrAddr, wrLeft, mpsCapped, pageBeats, pageBits, beatShift));
    requestHeader(wrReq, wrAddr, wrChunk, dwPerBeat, true);
    wrReq.tag.assign(0);
    wrReq.data.assign(wrData.data);
    Bool pktLast = pktBeat.add(1).eq(wrChunk);
    wrReq.last.assign(pktLast);
    wrReq.valid.assign(wrActive.and(wrData.valid).and(busMaster));
    wrData.ready.assign(wrActive.and(wrReq.ready).and(busMaster));
    when(wrReq.fire(), () -> {
      when(pktLast, () -> {
        inPkt.assign(0);
        pktBeat.assign(0);
        wrAddr.assign(wrAddr.add(wrChunk.resize(64).shl(beatShift)));
        wrLeft.assign(wrLeft.sub(wrChunk.resize(beatCountBits)));
        when(wrLeft.eq(wrChunk.resize(beatCountBits)), () -> wrActive.assign(0));
      }).otherwise(() -> {
        inPkt.assign(1);
        pktLen.assign(wrChunk);
        pktBeat.assign(pktBeat.add(1));
      });
    });

    // --- one-DW messages ---------------------------------------------------------------------------------
    Bool msgHigh = msg.address.bits(63, 32).ne(0);
    msgReq.valid.assign(msg.valid.and(busMaster));
    msg.ready.assign(msgReq.ready.and(busMaster));
    msgReq.last.assign(1);
    msgReq.fmtType.assign(msgHigh.mux(lit(TlpType.MWR64, UInt(8)), lit(TlpType.MWR32, UInt(8))));
    msgReq.lengthDw.assign(1);
    msgReq.requesterId.assign(requesterId);
    msgReq.tag.assign(0);
    msgReq.address.assign(msg.address.bits(63, 2).cat(lit(0, UInt(2))));
    msgReq.firstBe.assign(lit(0xF, Bits(4)));
    msgReq.lastBe.assign(lit(0, Bits(4)));
    msgReq.completerId.assign(0);
    msgReq.status.assign(0);
    msgReq.byteCount.assign(0);
    msgReq.lowerAddress.assign(0);
    msgReq.poisoned.assign(0);
    msgReq.data.assign(msg.data.resize(dataWidth).asBits());
  }

  /** Beats of the next request: at most {@code max}, up to the next 4 KiB boundary, at most {@code left}. */
  private UInt chunk(UInt addr, UInt left, UInt max, int pageBeats, int pageBits, int beatShift) {
    UInt toPage = lit(pageBeats, UInt(pageBits)).sub(addr.bits(11, beatShift).resize(pageBits));
    UInt c = toPage.lt(max).mux(toPage, max);
    Bool leftSmaller = left.lt(c.resize(left.width()));
    return leftSmaller.mux(left.resize(pageBits), c);
  }

  /** The header of a memory request of {@code beats} beats at {@code addr}. */
  private void requestHeader(Tlp t, UInt addr, UInt beats, int dwPerBeat, boolean write) {
    Bool high = addr.bits(63, 32).ne(0);
    int fmt32 = write ? TlpType.MWR32 : TlpType.MRD32;
    int fmt64 = write ? TlpType.MWR64 : TlpType.MRD64;
    t.fmtType.assign(high.mux(lit(fmt64, UInt(8)), lit(fmt32, UInt(8))));
    t.lengthDw.assign(beats.resize(11).shl(Integer.numberOfTrailingZeros(dwPerBeat)));
    t.requesterId.assign(requesterId);
    t.address.assign(addr);
    t.firstBe.assign(lit(0xF, Bits(4)));
    t.lastBe.assign(lit(0xF, Bits(4)));
    t.completerId.assign(0);
    t.status.assign(0);
    t.byteCount.assign(0);
    t.lowerAddress.assign(0);
    t.poisoned.assign(0);
  }
}
