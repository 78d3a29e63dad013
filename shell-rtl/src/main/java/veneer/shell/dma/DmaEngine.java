package veneer.shell.dma;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Mem;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.Stream;
import veneer.shell.pcie.MessageWrite;
import veneer.shell.pcie.ReadBeat;
import veneer.shell.pcie.TransferCommand;

/**
 * One direction of the scatter-gather DMA: {@code channels} descriptor rings served one
 * descriptor at a time, round robin between channels with work. Per descriptor: fetch it
 * (64 bytes at ring base + 64 x head), check it, move the data, write its status DW back, raise
 * the channel's interrupt if asked, advance {@code head}.
 *
 * <ul>
 *   <li><b>H2C</b>: one read command for the whole transfer (the requester splits it and keeps
 *       many reads outstanding); the data, delivered in order, is written to DRAM through
 *       {@code axi} (AW/W/B) in bursts that never cross 4 KiB; the status is written when
 *       every burst has its write response.
 *   <li><b>C2H</b>: DRAM is read through {@code axi} (AR/R) in 16-beat bursts, as far ahead as
 *       a 256-beat (16 KiB) buffer allows (bursts from different DRAM channels may return in any
 *       order; each has its slot in the buffer and the slots drain in order), and streamed into one write command of the requester (which
 *       splits it by Max_Payload_Size and 4 KiB). The status write follows the last data write
 *       on the same ordered path, so the host sees the data before the status.
 *   <li><b>Checks</b> (a failure stops the channel with a {@link DmaError} code, writes the
 *       descriptor's status with the error bit and raises the interrupt): magic, length,
 *       alignment, the DRAM range inside the DRAM and inside the channel's window
 *       {@code [win_base, win_limit)}, host read errors, DRAM error responses. A stopped channel
 *       does nothing until {@code clear} (retry the descriptor) or {@code skip} (drop it).
 * </ul>
 *
 * <pre>{@code
 * DmaEngine h2c = instance("h2c", new DmaEngine(true, 2, 0, axiParams, 8L << 20));
 * }</pre>
 */
public final class DmaEngine extends Module {
  /** Read contexts: bit 3 is the direction (0 H2C, 1 C2H), bit 2 set for descriptor reads, bits 1:0 the channel. */
  public static int ctx(boolean h2c, boolean descriptor, int channel) {
    return (h2c ? 0 : 8) | (descriptor ? 4 : 0) | channel;
  }

  public final TransferCommand rdCmd;
  public final ReadBeat rdData;
  public final MessageWrite status;
  public final Axi4 axi;
  /** C2H only: the requester's write command and data. */
  public final TransferCommand wrCmd;
  public final Stream wrData;
  public final List<UInt> ringBase = new ArrayList<>();
  public final List<UInt> ringSize = new ArrayList<>();
  public final List<UInt> tail = new ArrayList<>();
  public final List<Bool> run = new ArrayList<>();
  public final List<UInt> winBase = new ArrayList<>();
  public final List<UInt> winLimit = new ArrayList<>();
  public final List<Bool> clear = new ArrayList<>();
  public final List<Bool> skip = new ArrayList<>();
  public final List<UInt> head = new ArrayList<>();
  public final List<UInt> chStatus = new ArrayList<>();
  public final List<UInt> completed = new ArrayList<>();
  public final List<Bool> irq = new ArrayList<>();

  private static final int BEAT_BYTES = 64;
  private static final int C2H_BURST = 16;
  /** C2H bursts in flight by default: 16 x 16 beats = 16 KiB ahead. */
  public static final int DEFAULT_C2H_SLOTS = 16;
  private final int c2hSlots;

  /**
   * @param h2c the direction: host to card (true) or card to host
   * @param channels rings, 1 to 4
   * @param axiParams the DRAM manager port (512-bit data, at least 2 ID bits)
   * @param dramBytes DRAM size; DRAM addresses are 0 to dramBytes - 1
   */
  public DmaEngine(boolean h2c, int channels, Axi4.Params axiParams, long dramBytes) {
    this(h2c, channels, axiParams, dramBytes, DEFAULT_C2H_SLOTS);
  }

  /**
   * The engine with {@code c2hSlots} 16-beat DRAM bursts in flight (card to host; a power of two,
   * 2 to 64): the buffer is {@code c2hSlots} KiB.
   */
  public DmaEngine(boolean h2c, int channels, Axi4.Params axiParams, long dramBytes, int c2hSlots) {
    super(h2c ? "DmaEngineH2c" : "DmaEngineC2h");
    if (c2hSlots < 2 || c2hSlots > 64 || Integer.bitCount(c2hSlots) != 1) {
      throw new IllegalArgumentException("the C2H buffer holds 2 to 64 bursts, a power of two; found " + c2hSlots);
    }
    this.c2hSlots = c2hSlots;
    if (channels < 1 || channels > 4) {
      throw new IllegalArgumentException("a DMA engine serves 1 to 4 channels, found " + channels);
    }
    if (axiParams.dataWidth() != 512 || axiParams.idWidth() < 2) {
      throw new IllegalArgumentException("the DMA engine needs a 512-bit AXI4 port with at least 2 ID bits, found "
          + axiParams);
    }
    rdCmd = master("rd_cmd", TransferCommand::new);
    rdData = slave("rd_data", () -> new ReadBeat(512));
    status = master("status", MessageWrite::new);
    axi = master("axi", () -> new Axi4(axiParams));
    wrCmd = master("wr_cmd", TransferCommand::new);
    wrData = master("wr_data", () -> new Stream(512));
    for (int c = 0; c < channels; c++) {
      ringBase.add(input("ring_base" + c, UInt(64)));
      ringSize.add(input("ring_size" + c, UInt(16)));
      tail.add(input("tail" + c, UInt(16)));
      run.add(input("run" + c, Bool()));
      winBase.add(input("win_base" + c, UInt(64)));
      winLimit.add(input("win_limit" + c, UInt(64)));
      clear.add(input("clear" + c, Bool()));
      skip.add(input("skip" + c, Bool()));
      head.add(output("head" + c, UInt(16)));
      chStatus.add(output("status" + c, UInt(32)));
      completed.add(output("completed" + c, UInt(32)));
      irq.add(output("irq" + c, Bool()));
    }
    int chBits = 2;
    int addrW = axiParams.addrWidth();

    // --- per-channel state ---------------------------------------------------------------------------
    List<UInt> headReg = new ArrayList<>();
    List<Bool> failed = new ArrayList<>();
    List<UInt> failCode = new ArrayList<>();
    List<UInt> doneCount = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      headReg.add(reg("head_r" + c, UInt(16), 0));
      failed.add(reg("failed" + c, Bool(), 0));
      failCode.add(reg("fail_code" + c, UInt(8), 0));
      doneCount.add(reg("done_count" + c, UInt(32), 0));
    }

    final int idle = 0;
    final int fetch = 1;
    final int waitDesc = 2;
    final int check = 3;
    final int move = 4;
    final int writeStatus = 5;
    final int finish = 6;
    UInt state = reg("state", UInt(3), idle);
    UInt ch = reg("ch", UInt(chBits), 0);
    UInt lastCh = reg("last_ch", UInt(chBits), channels - 1);

    // the chosen channel's inputs
    UInt cRing = sel(ch, ringBase);
    UInt cSize = sel(ch, ringSize);
    UInt cHead = sel(ch, headReg);
    UInt cWinBase = sel(ch, winBase);
    UInt cWinLimit = sel(ch, winLimit);

    // --- pick a channel with work (round robin after the last one served) -----------------------------
    List<Bool> ready = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ready.add(run.get(c).and(failed.get(c).not()).and(ringSize.get(c).ne(0)).and(headReg.get(c).ne(tail.get(c))));
    }
    Bool anyReady = lit(0, Bool());
    UInt pickAcc = lit(0, UInt(chBits));
    // the last assignment wins, so walk from the lowest priority (lastCh itself) to the highest (lastCh + 1)
    for (int l = 0; l < channels; l++) {
      for (int k = channels; k >= 1; k--) {
        int c = (l + k) % channels;
        Bool take = lastCh.eq(l).and(ready.get(c));
        pickAcc = take.mux(lit(c, UInt(chBits)), pickAcc);
        anyReady = anyReady.or(take);
      }
    }
    final UInt pick = pickAcc;

    // --- the descriptor ----------------------------------------------------------------------------------
    UInt descAddr = cRing.add(cHead.resize(64).shl(6));
    UInt src = reg("src", UInt(64), 0);
    UInt dst = reg("dst", UInt(64), 0);
    UInt len = reg("len", UInt(32), 0);
    UInt control = reg("control", UInt(32), 0);
    Bool dataError = reg("data_error", Bool(), 0);
    Bool dramError = reg("dram_error", Bool(), 0);
    UInt errCode = reg("err_code", UInt(8), 0);

    rdCmd.valid.assign(0);
    rdCmd.address.assign(descAddr);
    rdCmd.beats.assign(1);
    rdCmd.ctx.assign(lit(ctx(h2c, true, 0), UInt(4)).or(ch.resize(4)));
    when(state.eq(idle).and(anyReady), () -> {
      ch.assign(pick);
      state.assign(fetch);
    });
    when(state.eq(fetch), () -> {
      rdCmd.valid.assign(1);
      when(rdCmd.ready, () -> state.assign(waitDesc));
    });
    UInt d = rdData.data.asUInt();
    Bool descBeat = rdData.valid.and(rdData.ctx.bit(2));
    when(state.eq(waitDesc).and(descBeat), () -> {
      src.assign(d.bits(63, 0));
      dst.assign(d.bits(127, 64));
      len.assign(d.bits(159, 128));
      control.assign(d.bits(191, 160));
      dataError.assign(rdData.err);
      dramError.assign(0);
      state.assign(check);
    });

    UInt dramAddr = h2c ? dst : src;
    UInt dramEnd = dramAddr.resize(65).add(len.resize(65));
    Bool badMagic = control.bits(31, 16).ne(DmaDescriptor.MAGIC);
    Bool badLength = len.eq(0).or(len.bits(5, 0).ne(0)).or(len.bits(31, 30).ne(0));
    Bool badAlign = src.bits(5, 0).ne(0).or(dst.bits(5, 0).ne(0));
    Bool outsideDram = dramEnd.gt(dramBytes);
    Bool outsideWindow = dramAddr.lt(cWinBase).or(dramEnd.gt(cWinLimit.resize(65)));
    UInt beats = len.bits(29, 6).resize(TransferCommand.BEAT_BITS);

    // --- data movers ----------------------------------------------------------------------------------------
    Bool cmdSent = reg("cmd_sent", Bool(), 0);
    UInt aAddr = reg("a_addr", UInt(64), 0);     // next AXI address (AW for H2C, AR for C2H)
    UInt aLeft = reg("a_left", UInt(TransferCommand.BEAT_BITS), 0);
    UInt dAddr = reg("d_addr", UInt(64), 0);     // next W beat's address (H2C)
    UInt dLeft = reg("d_left", UInt(TransferCommand.BEAT_BITS), 0);
    UInt dInBurst = reg("d_in_burst", UInt(7), 0);
    UInt bursts = reg("bursts", UInt(16), 0);    // H2C: bursts waiting for B
    when(state.eq(check), () -> {
      when(badMagic, () -> errCode.assign(DmaError.BAD_MAGIC.code))
          .elsewhen(dataError, () -> errCode.assign(DmaError.HOST_READ.code))
          .elsewhen(badLength, () -> errCode.assign(DmaError.BAD_LENGTH.code))
          .elsewhen(badAlign, () -> errCode.assign(DmaError.BAD_ALIGNMENT.code))
          .elsewhen(outsideDram, () -> errCode.assign(DmaError.OUTSIDE_DRAM.code))
          .elsewhen(outsideWindow, () -> errCode.assign(DmaError.OUTSIDE_WINDOW.code))
          .otherwise(() -> errCode.assign(0));
      Bool bad = badMagic.or(dataError).or(badLength).or(badAlign).or(outsideDram).or(outsideWindow);
      state.assign(bad.mux(lit(writeStatus, UInt(3)), lit(move, UInt(3))));
      cmdSent.assign(0);
      aAddr.assign(dramAddr);
      aLeft.assign(beats);
      dAddr.assign(dramAddr);
      dLeft.assign(beats);
      dInBurst.assign(0);
      bursts.assign(0);
    });

    // unused halves of the AXI port
    axi.aw.valid.assign(0);
    axi.w.valid.assign(0);
    axi.b.ready.assign(1);
    axi.ar.valid.assign(0);
    axi.r.ready.assign(0);
    for (Axi4.Addr a : List.of(axi.aw, axi.ar)) {
      a.id.assign(aAddr.bits(13, 12).resize(axiParams.idWidth()));
      a.addr.assign(aAddr.resize(addrW));
      a.size.assign(6);
      a.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
      a.lock.assign(0);
      a.cache.assign(lit(0, Bits(4)));
      a.prot.assign(lit(0, Bits(3)));
      a.qos.assign(lit(0, Bits(4)));
    }
    wrCmd.valid.assign(0);
    wrCmd.address.assign(dst);
    wrCmd.beats.assign(beats);
    wrCmd.ctx.assign(0);
    wrData.valid.assign(0);
    wrData.data.assign(lit(0, Bits(512)));
    rdData.ready.assign(state.eq(waitDesc));

    Bool moveDone;
    if (h2c) {
      UInt aBurst = burst(aAddr, aLeft, 64);
      axi.aw.len.assign(aBurst.sub(1).resize(8));
      axi.ar.len.assign(0);
      UInt dBurst = burst(dAddr, dLeft.add(dInBurst.resize(TransferCommand.BEAT_BITS)), 64);  // left at the burst start
      Bool wLast = dInBurst.add(1).eq(dBurst);
      axi.w.data.assign(rdData.data);
      axi.w.strb.assign(lit(java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE), Bits(64)));
      axi.w.last.assign(wLast);
      Bool dataBeat = rdData.valid.and(rdData.ctx.bit(2).not());
      when(state.eq(move), () -> {
        rdCmd.valid.assign(cmdSent.not());
        rdCmd.address.assign(src);
        rdCmd.beats.assign(beats);
        rdCmd.ctx.assign(lit(ctx(true, false, 0), UInt(4)).or(ch.resize(4)));
        when(rdCmd.ready, () -> cmdSent.assign(1));
        axi.aw.valid.assign(aLeft.ne(0));
        axi.w.valid.assign(dataBeat.and(dLeft.ne(0)));
        rdData.ready.assign(axi.w.ready.and(dLeft.ne(0)));
      });
      when(axi.aw.fire(), () -> {
        aAddr.assign(aAddr.add(aBurst.resize(64).shl(6)));
        aLeft.assign(aLeft.sub(aBurst.resize(TransferCommand.BEAT_BITS)));
      });
      UInt inc = axi.aw.fire().mux(lit(1, UInt(16)), lit(0, UInt(16)));
      UInt dec = axi.b.fire().mux(lit(1, UInt(16)), lit(0, UInt(16)));
      bursts.assign(bursts.add(inc).sub(dec));
      when(axi.b.fire().and(axi.b.resp.ne(lit(0, Bits(2)))), () -> dramError.assign(1));
      when(axi.w.fire(), () -> {
        when(rdData.err, () -> dataError.assign(1));
        dLeft.assign(dLeft.sub(1));
        when(wLast, () -> {
          dInBurst.assign(0);
          dAddr.assign(dAddr.add(dBurst.resize(64).shl(6)));
        }).otherwise(() -> dInBurst.assign(dInBurst.add(1)));
      });
      moveDone = cmdSent.and(aLeft.eq(0)).and(dLeft.eq(0)).and(bursts.eq(0));
    } else {
      // DRAM bursts on different channels (different IDs) come back in any order: each burst gets
      // a 16-beat slot of the buffer when its address is sent, R beats go to their burst's slot
      // (per ID, bursts return in order), and slots are drained to the host in issue order.
      int slots = c2hSlots;
      int slotBits = log2Up(slots);
      int ids = 1 << axiParams.idWidth();
      Mem<Bits> buffer = mem("r_buffer", Bits(513), slots * C2H_BURST);
      List<Bool> slotDone = new ArrayList<>();
      List<UInt> slotLen = new ArrayList<>();
      for (int k = 0; k < slots; k++) {
        slotDone.add(reg("slot_done" + k, Bool(), 0));
        slotLen.add(reg("slot_len" + k, UInt(5), 0));
      }
      UInt issueSlot = reg("issue_slot", UInt(slotBits), 0);
      UInt drainSlot = reg("drain_slot", UInt(slotBits), 0);
      UInt slotsUsed = reg("slots_used", UInt(slotBits + 1), 0);
      UInt rBeat = reg("r_beat", UInt(5), 0);
      List<Mem<UInt>> idSlots = new ArrayList<>();
      List<UInt> idHead = new ArrayList<>();
      List<UInt> idTail = new ArrayList<>();
      for (int k = 0; k < ids; k++) {
        idSlots.add(mem("id_slots" + k, UInt(slotBits), slots));
        idHead.add(reg("id_head" + k, UInt(slotBits), 0));
        idTail.add(reg("id_tail" + k, UInt(slotBits), 0));
      }
      UInt aBurst = burst(aAddr, aLeft, C2H_BURST);
      axi.ar.len.assign(aBurst.sub(1).resize(8));
      axi.aw.len.assign(0);
      axi.w.data.assign(lit(0, Bits(512)));
      axi.w.strb.assign(lit(0, Bits(64)));
      axi.w.last.assign(0);
      when(state.eq(move), () -> {
        wrCmd.valid.assign(cmdSent.not());
        when(wrCmd.ready, () -> cmdSent.assign(1));
        axi.ar.valid.assign(aLeft.ne(0).and(slotsUsed.lt(slots)));
      });
      UInt arId = axi.ar.id;
      for (int k = 0; k < ids; k++) {
        final int id = k;
        when(axi.ar.fire().and(arId.eq(id)), () -> {
          idSlots.get(id).write(idTail.get(id), issueSlot);
          idTail.get(id).assign(idTail.get(id).add(1));
        });
      }
      for (int k = 0; k < slots; k++) {
        final int sl = k;
        when(axi.ar.fire().and(issueSlot.eq(sl)), () -> slotLen.get(sl).assign(aBurst.resize(5)));
      }
      when(axi.ar.fire(), () -> {
        issueSlot.assign(issueSlot.add(1));
        aAddr.assign(aAddr.add(aBurst.resize(64).shl(6)));
        aLeft.assign(aLeft.sub(aBurst.resize(TransferCommand.BEAT_BITS)));
      });
      UInt rSlot = idSlots.get(0).read(idHead.get(0));
      for (int k = 1; k < ids; k++) {
        rSlot = axi.r.id.eq(k).mux(idSlots.get(k).read(idHead.get(k)), rSlot);
      }
      final UInt rSlotF = rSlot;
      axi.r.ready.assign(1);
      when(axi.r.fire(), () -> {
        buffer.write(rSlotF.cat(rBeat.resize(4)), axi.r.resp.ne(lit(0, Bits(2))).asUInt().cat(axi.r.data).asBits());
        rBeat.assign(axi.r.last.mux(lit(0, UInt(5)), rBeat.add(1)));
      });
      for (int k = 0; k < ids; k++) {
        final int id = k;
        when(axi.r.fire().and(axi.r.last).and(axi.r.id.eq(id)), () -> idHead.get(id).assign(idHead.get(id).add(1)));
      }
      // drain
      UInt oBeat = reg("o_beat", UInt(5), 0);
      Bool headDone = sel(drainSlot, slotDone.stream().map(Bool::asUInt).toList()).bit(0);
      UInt headLen = sel(drainSlot, slotLen);
      Bits word = buffer.read(drainSlot.cat(oBeat.resize(4)));
      Bool oLast = oBeat.add(1).eq(headLen);
      wrData.valid.assign(headDone);
      wrData.data.assign(word.asUInt().bits(511, 0).asBits());
      when(wrData.fire(), () -> {
        dLeft.assign(dLeft.sub(1));
        when(word.asUInt().bit(512), () -> dramError.assign(1));
        oBeat.assign(oLast.mux(lit(0, UInt(5)), oBeat.add(1)));
        when(oLast, () -> drainSlot.assign(drainSlot.add(1)));
      });
      Bool freed = wrData.fire().and(oLast);
      for (int k = 0; k < slots; k++) {
        final int sl = k;
        when(axi.r.fire().and(axi.r.last).and(rSlotF.eq(sl)), () -> slotDone.get(sl).assign(1));
        when(freed.and(drainSlot.eq(sl)), () -> slotDone.get(sl).assign(0));
      }
      UInt inc = axi.ar.fire().mux(lit(1, UInt(slotBits + 1)), lit(0, UInt(slotBits + 1)));
      UInt dec = freed.mux(lit(1, UInt(slotBits + 1)), lit(0, UInt(slotBits + 1)));
      slotsUsed.assign(slotsUsed.add(inc).sub(dec));
      moveDone = cmdSent.and(aLeft.eq(0)).and(dLeft.eq(0));
    }
    when(state.eq(move).and(moveDone), () -> {
      when(dataError, () -> errCode.assign(DmaError.HOST_READ.code))
          .elsewhen(dramError, () -> errCode.assign(DmaError.DRAM_ERROR.code));
      state.assign(writeStatus);
    });

    // --- status write-back, interrupt, next -------------------------------------------------------------
    Bool isError = errCode.ne(0);
    status.valid.assign(state.eq(writeStatus));
    status.address.assign(descAddr.add(DmaDescriptor.STATUS_OFFSET));
    status.data.assign(errCode.resize(24).shl(8).or(isError.mux(
        lit(DmaDescriptor.STATUS_DONE | DmaDescriptor.STATUS_ERROR, UInt(24)), lit(DmaDescriptor.STATUS_DONE, UInt(24))))
        .resize(32));
    when(state.eq(writeStatus).and(status.ready), () -> state.assign(finish));
    Bool finishing = state.eq(finish);
    when(finishing, () -> {
      state.assign(idle);
      lastCh.assign(ch);
    });
    for (int c = 0; c < channels; c++) {
      final int chan = c;
      Bool mine = finishing.and(ch.eq(chan));
      UInt h = headReg.get(chan);
      UInt next = h.add(1).eq(ringSize.get(chan)).mux(lit(0, UInt(16)), h.add(1));
      irq.get(chan).assign(mine.and(isError.or(control.bit(0))));
      when(mine.and(isError.not()), () -> {
        h.assign(next);
        doneCount.get(chan).assign(doneCount.get(chan).add(1));
      });
      when(mine.and(isError), () -> {
        failed.get(chan).assign(1);
        failCode.get(chan).assign(errCode);
      });
      when(clear.get(chan).or(skip.get(chan)), () -> failed.get(chan).assign(0));
      when(skip.get(chan).and(failed.get(chan)), () -> h.assign(next));
      head.get(chan).assign(h);
      Bool busy = state.ne(idle).and(ch.eq(chan));
      chStatus.get(chan).assign(h.cat(failCode.get(chan), lit(0, UInt(6)), failed.get(chan), busy));
      completed.get(chan).assign(doneCount.get(chan));
    }
  }

  /** Beats of the next burst: up to the next 4 KiB boundary, at most {@code max} and {@code left}. */
  private UInt burst(UInt addr, UInt left, int max) {
    UInt toPage = lit(64, UInt(7)).sub(addr.bits(11, 6).resize(7));
    UInt c = toPage.gt(max).mux(lit(max, UInt(7)), toPage);
    return left.lt(c.resize(left.width())).mux(left.resize(7), c);
  }

  private UInt sel(UInt index, List<UInt> values) {
    UInt v = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      v = index.eq(i).mux(values.get(i), v);
    }
    return v;
  }
}
