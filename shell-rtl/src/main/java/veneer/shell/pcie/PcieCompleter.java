package veneer.shell.pcie;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;

/**
 * The completer side of the endpoint: takes requests from the host, answers configuration
 * requests from each function's {@link ConfigSpace}, decodes memory requests to the BAR regions
 * of the functions (each region an AXI4-Lite manager port named after it), and sends
 * completions: split at Max_Payload_Size-aligned addresses (which also respects a 64- or
 * 128-byte read completion boundary), with the request's tag and requester id. Requests that hit
 * no region, hit BARs of two functions, name a function that does not exist, or break a rule get
 * an Unsupported Request completion if they are non-posted and are dropped if posted; either way
 * an {@link ShellError} event is raised.
 *
 * <p>Requests are served one at a time, one DW per AXI4-Lite transfer (32-bit regions).
 *
 * <pre>{@code
 * PcieCompleter c = instance("completer", new PcieCompleter(256, functions));
 * Bundle.connect(rxRequests, c.req);
 * Bundle.connect(c.region("mgmt"), mgmtRegs.s);
 * }</pre>
 */
public final class PcieCompleter extends Module {
  private static final int IDLE = 0;
  private static final int DECODE = 1;
  private static final int WR_ISSUE = 2;
  private static final int WR_RESP = 3;
  private static final int RD_CHUNK = 4;
  private static final int RD_ISSUE = 5;
  private static final int RD_WAIT = 6;
  private static final int RD_EMIT = 7;
  private static final int CPL_SHORT = 8;
  private static final int DROP = 9;
  private static final int FINISH = 10;

  /** Requests in (completions are routed elsewhere). */
  public final Tlp req;
  /** Completions out. */
  public final Tlp cpl;
  /** One configuration space per function. */
  public final List<ConfigSpace> configs = new ArrayList<>();
  /** Bus and device number captured from configuration writes (bits 15:3 of our ids). */
  public final UInt busDev = output("bus_dev", UInt(13));
  /** High for one cycle per memory request decoded to a region. */
  public final Bool served = output("served", Bool());
  /** High for one cycle per completion sent. */
  public final Bool completionSent = output("completion_sent", Bool());
  /** High for one cycle per Unsupported Request answered or posted request dropped. */
  public final Bool refused = output("refused", Bool());
  /** Function 0's Max_Payload_Size (it applies to every function), and each function's MRRS and bus master enable. */
  public final UInt mps = output("mps", UInt(3));
  public final UInt mrrs0 = output("mrrs0", UInt(3));
  public final UInt mrrs1 = output("mrrs1", UInt(3));
  public final Bool busMaster0 = output("bus_master0", Bool());
  public final Bool busMaster1 = output("bus_master1", Bool());
  /** PF1's MSI-X Enable and Function Mask (0 when it has no MSI-X capability). */
  public final Bool msixEnable1 = output("msix_enable1", Bool());
  public final Bool msixFunctionMask1 = output("msix_function_mask1", Bool());
  public final Bool errValid = output("err_valid", Bool());
  public final UInt errCode = output("err_code", UInt(8));
  public final UInt errInfo = output("err_info", UInt(24));

  private final List<AxiLite> regionPorts = new ArrayList<>();
  private final List<String> regionNames = new ArrayList<>();

  public PcieCompleter(int dataWidth, List<FunctionConfig> functions) {
    if (functions.isEmpty() || functions.size() > 8) {
      throw new IllegalArgumentException("an endpoint has 1 to 8 functions, found " + functions.size());
    }
    req = slave("req", () -> new Tlp(dataWidth));
    cpl = master("cpl", () -> new Tlp(dataWidth));
    int lanes = dataWidth / 32;
    int laneBits = log2Up(lanes);

    // --- captured request -------------------------------------------------------------------
    UInt state = reg("state", UInt(4), IDLE);
    UInt fmtType = reg("q_fmt_type", UInt(8));
    UInt len = reg("q_len", UInt(11));
    UInt reqId = reg("q_requester_id", UInt(16));
    UInt tag = reg("q_tag", UInt(8));
    UInt addr = reg("q_addr", UInt(64));
    Bits firstBe = reg("q_first_be", Bits(4));
    Bits lastBe = reg("q_last_be", Bits(4));
    UInt target = reg("q_target", UInt(16));
    Bool poisoned = reg("q_poisoned", Bool());
    Bits cfgWord = reg("q_cfg_word", Bits(32));
    Bool rest = reg("q_rest", Bool(), 0);
    Bool popped = reg("q_popped", Bool(), 0);
    Bool idle = state.eq(IDLE);
    // Requests answered without touching their payload beats (reads, configuration writes) are
    // taken off the link at once; memory writes leave beat by beat as their DWs are written.
    Bool popAtOnce = req.fmtType.bit(6).not().or(req.fmtType.eq(TlpType.CFGWR0));
    when(idle.and(req.valid), () -> {
      cfgWord.assign(req.data.asUInt().bits(31, 0).asBits());
      rest.assign(popAtOnce.and(req.last.not()));
      popped.assign(popAtOnce);
      fmtType.assign(req.fmtType);
      len.assign(req.lengthDw);
      reqId.assign(req.requesterId);
      tag.assign(req.tag);
      addr.assign(req.address);
      firstBe.assign(req.firstBe);
      lastBe.assign(req.lastBe);
      target.assign(req.completerId);
      poisoned.assign(req.poisoned);
      state.assign(DECODE);
    });

    // --- classification -----------------------------------------------------------------------
    Bool isMemRd = fmtType.eq(TlpType.MRD32).or(fmtType.eq(TlpType.MRD64));
    Bool isMemWr = fmtType.eq(TlpType.MWR32).or(fmtType.eq(TlpType.MWR64));
    Bool isCfgRd = fmtType.eq(TlpType.CFGRD0);
    Bool isCfgWr = fmtType.eq(TlpType.CFGWR0);
    Bool isMem = isMemRd.or(isMemWr);
    Bool isCfg = isCfgRd.or(isCfgWr);
    Bool posted = fmtType.bit(6).and(fmtType.bits(4, 0).eq(0).or(fmtType.bits(4, 3).eq(2)));
    UInt endOffset = addr.bits(11, 0).extend(13).add(len.extend(13).shl(2));
    Bool malformed = len.eq(0).or(len.gt(1024))
        .or(len.eq(1).and(lastBe.ne(lit(0, Bits(4)))))
        .or(len.gt(1).and(firstBe.eq(lit(0, Bits(4))).or(lastBe.eq(lit(0, Bits(4))))))
        .or(isMem.and(endOffset.gt(4096).or(addr.bits(1, 0).ne(0))))
        .or(isCfg.and(len.ne(1).or(addr.bits(1, 0).ne(0))));
    UInt cfgFunction = target.bits(2, 0);
    Bool functionExists = cfgFunction.lt(functions.size());

    // --- configuration spaces -----------------------------------------------------------------
    Bool cfgWriteNow = state.eq(DECODE).and(isCfgWr).and(malformed.not()).and(poisoned.not())
        .and(functionExists);
    Bits cfgRead = lit(0, Bits(32));
    for (int f = 0; f < functions.size(); f++) {
      ConfigSpace cs = instance("cfg" + f, new ConfigSpace(functions.get(f), functions.size() > 1));
      configs.add(cs);
      cs.write.assign(cfgWriteNow.and(cfgFunction.eq(f)));
      cs.reg.assign(addr.bits(11, 2));
      cs.wdata.assign(cfgWord);
      cs.be.assign(firstBe);
      cfgRead = cfgFunction.eq(f).mux(cs.rdata, cfgRead);
    }
    ConfigSpace second = configs.get(Math.min(1, functions.size() - 1));
    mps.assign(configs.get(0).mps);
    mrrs0.assign(configs.get(0).mrrs);
    busMaster0.assign(configs.get(0).busMaster);
    mrrs1.assign(second.mrrs);
    busMaster1.assign(second.busMaster);
    msixEnable1.assign(second.msixEnable);
    msixFunctionMask1.assign(second.msixFunctionMask);
    UInt busDevQ = reg("bus_dev_q", UInt(13), 0);
    busDev.assign(busDevQ);
    when(cfgWriteNow, () -> busDevQ.assign(target.bits(15, 3)));

    // --- BAR and region decode ------------------------------------------------------------------
    UInt lastByte = addr.add(len.extend(64).shl(2)).sub(1);
    List<Bool> regionHit = new ArrayList<>();
    UInt barHits = lit(0, UInt(4));
    for (int f = 0; f < functions.size(); f++) {
      FunctionConfig fc = functions.get(f);
      ConfigSpace cs = configs.get(f);
      for (int b = 0; b < fc.bars().size(); b++) {
        BarConfig bar = fc.bars().get(b);
        UInt base = cs.barBase.get(b);
        int bits = bar.addrBits();
        Bool barHit = cs.memEnable.and(addr.bits(63, bits).eq(base.bits(63, bits)));
        barHits = barHits.add(barHit.mux(lit(1, UInt(4)), 0));
        for (BarRegion r : bar.regions()) {
          int rb = r.addrBits();
          UInt regionBase = (rb == bits ? base.bits(63, bits)
              : base.bits(63, bits).cat(lit(r.offset() >> rb, UInt(bits - rb)))).named("f" + f + "_" + r.name() + "_base");
          Bool hit = barHit.and(addr.bits(63, rb).eq(regionBase)).and(lastByte.bits(63, rb).eq(regionBase));
          regionHit.add(hit);
          regionNames.add(r.name());
          regionPorts.add(master(r.name(), () -> new AxiLite(rb, 32)));
        }
      }
    }
    int nRegions = regionPorts.size();
    int selBits = log2Up(Math.max(2, nRegions));
    UInt hitIndex = lit(0, UInt(selBits));
    Bool anyRegion = lit(0, Bool());
    for (int r = nRegions - 1; r >= 0; r--) {
      hitIndex = regionHit.get(r).mux(lit(r, UInt(selBits)), hitIndex);
      anyRegion = anyRegion.or(regionHit.get(r));
    }
    Bool overlap = barHits.gt(1);

    // --- what DECODE decides ----------------------------------------------------------------------
    UInt errorNow = wire("error_now", UInt(8));
    errorNow.assign(0);
    when(poisoned, () -> errorNow.assign(ShellError.POISONED.code))
        .elsewhen(malformed, () -> errorNow.assign(ShellError.MALFORMED.code))
        .elsewhen(isCfg.and(functionExists.not()), () -> errorNow.assign(ShellError.BAD_FUNCTION.code))
        .elsewhen(isMem.and(overlap), () -> errorNow.assign(ShellError.BAR_OVERLAP.code))
        .elsewhen(isMem.and(anyRegion.not()), () -> errorNow.assign(ShellError.UNMAPPED.code))
        .elsewhen(isMem.or(isCfg).not(), () -> errorNow.assign(ShellError.UNSUPPORTED_TYPE.code));
    Bool decodeError = state.eq(DECODE).and(errorNow.ne(0));

    // --- completion bookkeeping -------------------------------------------------------------------
    UInt sel = reg("sel", UInt(selBits), 0);
    UInt dw = reg("dw", UInt(11), 0);
    UInt lane = reg("lane", UInt(laneBits), 0);
    UInt chunkEnd = reg("chunk_end", UInt(11), 0);
    Bits beat = reg("beat", Bits(dataWidth), 0);
    UInt cplFmt = reg("next_cpl_fmt", UInt(8), 0);
    UInt cplStatus = reg("next_cpl_status", UInt(3), 0);
    UInt cplLen = reg("next_cpl_len", UInt(11), 0);
    UInt cplBytes = reg("next_cpl_bytes", UInt(13), 0);
    UInt cplLower = reg("next_cpl_lower", UInt(7), 0);
    Bool awDone = reg("aw_done", Bool(), 0);
    Bool wDone = reg("w_done", Bool(), 0);

    UInt lowFirst = ByteEnables.lowestSet(this, firstBe);
    UInt bytesTotal = ByteEnables.requestBytes(this, len, firstBe, lastBe);
    UInt firstLower = addr.bits(6, 2).cat(lowFirst);

    // --- the bus side: one DW at a time to the selected region ----------------------------------
    UInt dwAddr = addr.add(dw.extend(64).shl(2));
    Bool lastDw = dw.add(1).eq(len);
    Bits strb = dw.eq(0).mux(firstBe, lastDw.mux(lastBe, lit(0xF, Bits(4))));
    UInt wordIn = req.data.asUInt().shr(dw.bits(laneBits - 1, 0).cat(lit(0, UInt(5)))).bits(31, 0);
    Bool awReady = lit(0, Bool());
    Bool wReady = lit(0, Bool());
    Bool bValid = lit(0, Bool());
    Bits bResp = lit(0, Bits(2));
    Bool arReady = lit(0, Bool());
    Bool rValid = lit(0, Bool());
    Bits rData = lit(0, Bits(32));
    Bits rResp = lit(0, Bits(2));
    for (int r = 0; r < nRegions; r++) {
      AxiLite p = regionPorts.get(r);
      int rb = p.addrWidth;
      Bool mine = sel.eq(r);
      p.aw.valid.assign(mine.and(state.eq(WR_ISSUE)).and(req.valid).and(awDone.not()));
      p.aw.addr.assign(dwAddr.bits(rb - 1, 0));
      p.aw.prot.assign(lit(0, Bits(3)));
      p.w.valid.assign(mine.and(state.eq(WR_ISSUE)).and(req.valid).and(wDone.not()));
      p.w.data.assign(wordIn.asBits());
      p.w.strb.assign(strb);
      p.b.ready.assign(mine.and(state.eq(WR_RESP)));
      p.ar.valid.assign(mine.and(state.eq(RD_ISSUE)));
      p.ar.addr.assign(dwAddr.bits(rb - 1, 0));
      p.ar.prot.assign(lit(0, Bits(3)));
      p.r.ready.assign(mine.and(state.eq(RD_WAIT)));
      awReady = mine.mux(p.aw.ready, awReady);
      wReady = mine.mux(p.w.ready, wReady);
      bValid = mine.mux(p.b.valid, bValid);
      bResp = mine.mux(p.b.resp, bResp);
      arReady = mine.mux(p.ar.ready, arReady);
      rValid = mine.mux(p.r.valid, rValid);
      rData = mine.mux(p.r.data, rData);
      rResp = mine.mux(p.r.resp, rResp);
    }

    UInt hitSel = hitIndex;
    Bits cfgReadData = cfgRead;
    Bool awReadySel = awReady;
    Bool wReadySel = wReady;
    Bits bRespSel = bResp;
    Bits rRespSel = rResp;

    // --- outputs with defaults --- (req.ready is given at capture, below)-----------------------------------------------------------------
    req.ready.assign(idle.and(popAtOnce));
    cpl.valid.assign(0);
    cpl.last.assign(1);
    cpl.fmtType.assign(cplFmt);
    cpl.lengthDw.assign(cplLen);
    cpl.requesterId.assign(reqId);
    cpl.tag.assign(tag);
    cpl.address.assign(0);
    cpl.firstBe.assign(lit(0, Bits(4)));
    cpl.lastBe.assign(lit(0, Bits(4)));
    cpl.completerId.assign(busDevQ.cat(lit(0, UInt(3))));
    cpl.status.assign(cplStatus);
    cpl.byteCount.assign(cplBytes);
    cpl.lowerAddress.assign(cplLower);
    cpl.poisoned.assign(0);
    cpl.data.assign(beat);
    errValid.assign(0);
    errCode.assign(errorNow);
    errInfo.assign(addr.bits(23, 0));
    served.assign(0);
    refused.assign(0);
    completionSent.assign(cpl.fire().and(cpl.last));

    // --- the state machine -------------------------------------------------------------------------
    when(state.eq(DECODE), () -> {
      dw.assign(0);
      lane.assign(0);
      awDone.assign(0);
      wDone.assign(0);
      sel.assign(hitSel);
      beat.assign(lit(0, Bits(dataWidth)));
      when(decodeError, () -> {
        errValid.assign(1);
        refused.assign(1);
        when(errorNow.eq(ShellError.BAD_FUNCTION.code), () -> errInfo.assign(cfgFunction.extend(24)))
            .elsewhen(errorNow.eq(ShellError.UNSUPPORTED_TYPE.code), () -> errInfo.assign(fmtType.extend(24)));
        when(posted.and(popped.not()), () -> state.assign(DROP))
            .elsewhen(posted, () -> state.assign(rest.mux(lit(DROP, UInt(4)), lit(IDLE, UInt(4)))))
            .otherwise(() -> {
          cplFmt.assign(TlpType.CPL);
          cplStatus.assign(TlpType.CPL_UR);
          cplLen.assign(0);
          cplBytes.assign(isMemRd.mux(bytesTotal, lit(4, UInt(13))));
          cplLower.assign(isMemRd.mux(firstLower, lit(0, UInt(7))));
          state.assign(CPL_SHORT);
        });
      }).elsewhen(isCfg, () -> {
        cplFmt.assign(isCfgRd.mux(lit(TlpType.CPLD, UInt(8)), lit(TlpType.CPL, UInt(8))));
        cplStatus.assign(TlpType.CPL_SC);
        cplLen.assign(isCfgRd.mux(lit(1, UInt(11)), lit(0, UInt(11))));
        cplBytes.assign(4);
        cplLower.assign(0);
        beat.assign(cfgReadData.resize(dataWidth));
        state.assign(CPL_SHORT);
      }).otherwise(() -> {
        served.assign(1);
        when(isMemWr, () -> state.assign(WR_ISSUE)).otherwise(() -> state.assign(RD_CHUNK));
      });
    });

    when(state.eq(WR_ISSUE).and(req.valid), () -> {
      Bool awNow = awDone.or(awReadySel);
      Bool wNow = wDone.or(wReadySel);
      awDone.assign(awNow);
      wDone.assign(wNow);
      when(awNow.and(wNow), () -> state.assign(WR_RESP));
    });
    when(state.eq(WR_RESP).and(bValid), () -> {
      awDone.assign(0);
      wDone.assign(0);
      when(bRespSel.ne(lit(0, Bits(2))), () -> {
        errValid.assign(1);
        errCode.assign(ShellError.BUS_ERROR.code);
        errInfo.assign(dwAddr.bits(23, 0));
      });
      req.ready.assign(lastDw.or(dw.bits(laneBits - 1, 0).eq(lanes - 1)));
      dw.assign(dw.add(1));
      when(lastDw, () -> state.assign(IDLE)).otherwise(() -> state.assign(WR_ISSUE));
    });

    // A completion ends at the next Max_Payload_Size-aligned address or at the end of the request.
    UInt mpsDw = lit(32, UInt(11)).shl(configs.get(0).mps);
    UInt dwInMps = addr.bits(12, 2).add(dw).and(mpsDw.sub(1));
    UInt toBoundary = mpsDw.sub(dwInMps);
    UInt remainingDw = len.sub(dw);
    UInt thisChunk = toBoundary.lt(remainingDw).mux(toBoundary, remainingDw);
    when(state.eq(RD_CHUNK), () -> {
      chunkEnd.assign(dw.add(thisChunk));
      cplFmt.assign(TlpType.CPLD);
      cplStatus.assign(TlpType.CPL_SC);
      cplLen.assign(thisChunk);
      cplBytes.assign(dw.eq(0).mux(bytesTotal, bytesTotal.sub(dw.extend(13).shl(2)).add(lowFirst.extend(13))));
      cplLower.assign(dw.eq(0).mux(firstLower, dwAddr.bits(6, 0)));
      lane.assign(0);
      beat.assign(lit(0, Bits(dataWidth)));
      state.assign(RD_ISSUE);
    });
    when(state.eq(RD_ISSUE).and(arReady), () -> state.assign(RD_WAIT));
    UInt laneShift = lane.cat(lit(0, UInt(5)));
    Bits laneMask = lit(0xFFFF_FFFFL, UInt(dataWidth)).shl(laneShift).asBits();
    Bits placed = rData.asUInt().resize(dataWidth).shl(laneShift).asBits();
    when(state.eq(RD_WAIT).and(rValid), () -> {
      beat.assign(beat.and(laneMask.not()).or(placed));
      when(rRespSel.ne(lit(0, Bits(2))), () -> {
        errValid.assign(1);
        errCode.assign(ShellError.BUS_ERROR.code);
        errInfo.assign(dwAddr.bits(23, 0));
      });
      dw.assign(dw.add(1));
      lane.assign(lane.add(1));
      when(dw.add(1).eq(chunkEnd).or(lane.eq(lanes - 1)), () -> state.assign(RD_EMIT))
          .otherwise(() -> state.assign(RD_ISSUE));
    });
    when(state.eq(RD_EMIT), () -> {
      cpl.valid.assign(1);
      cpl.last.assign(dw.eq(chunkEnd));
      when(cpl.ready, () -> {
        beat.assign(lit(0, Bits(dataWidth)));
        when(dw.ne(chunkEnd), () -> state.assign(RD_ISSUE))
            .elsewhen(dw.eq(len), () -> state.assign(FINISH))
            .otherwise(() -> state.assign(RD_CHUNK));
      });
    });
    when(state.eq(CPL_SHORT), () -> {
      cpl.valid.assign(1);
      when(cpl.ready, () -> state.assign(FINISH));
    });
    when(state.eq(FINISH), () -> state.assign(rest.mux(lit(DROP, UInt(4)), lit(IDLE, UInt(4)))));
    when(state.eq(DROP), () -> {
      req.ready.assign(1);
      when(req.valid.and(req.last), () -> state.assign(IDLE));
    });
  }

  /** The AXI4-Lite manager port of region {@code name}. */
  public AxiLite region(String name) {
    int i = regionNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no BAR region '" + name + "'; regions are " + regionNames);
    }
    return regionPorts.get(i);
  }

  /** The region names, in decode order (function, BAR, region). */
  public List<String> regionNames() {
    return List.copyOf(regionNames);
  }
}
