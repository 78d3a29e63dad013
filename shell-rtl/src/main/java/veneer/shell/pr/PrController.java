package veneer.shell.pr;

import java.math.BigInteger;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;

/**
 * The partial-reconfiguration controller: takes the configuration-port word stream
 * ({@code cfg}, 32-bit words, one per cycle at most), parses the framing of
 * docs/image-format.md section 2 with the CRC-32 computed in RTL, checks the shell interface id
 * against its own and the variant id against the partition's variants, and on success selects
 * the variant, pulses its reset and lets the partition couple again. docs/shell-pr.md has the
 * state machine, the ports and the status codes ({@link PrStatus}).
 *
 * <p>A load starts with any word arriving while idle: the partition is decoupled and the
 * active variant is marked none from that word on. After an error the partition stays
 * decoupled with no active variant; the next image is parsed afresh.
 *
 * <pre>{@code
 * PrController pr = instance("pr", new PrController(shellId, List.of(1L, 2L), 8));
 * Bundle.connect(cfgWords, pr.cfg);
 * rp.select.assign(pr.select); rp.selectValid.assign(pr.selectValid);
 * rp.decouple.assign(pr.decouple); rp.variantReset.assign(pr.variantReset);
 * pr.isolated.assign(rp.isolated);
 * }</pre>
 */
public final class PrController extends Module {
  /** Word 0 of every image. */
  public static final long SYNC_WORD = 0x42524E56L;
  /** The framing version this controller parses. */
  public static final long FRAMING_VERSION = 1;

  private static final int IDLE = 0;
  private static final int HEADER = 1;
  private static final int DATA = 2;
  private static final int CRC = 3;
  private static final int DISCARD = 4;
  private static final int APPLY = 5;

  /** Configuration-port words. */
  public final Stream cfg;
  /** Strobe: the host has sent every word of the image. */
  public final Bool cfgEnd = input("cfg_end", Bool());
  /** Cycles without a word after which a started image counts as truncated; 0 waits forever. */
  public final UInt timeout = input("ctl_timeout", UInt(32));
  /** Manual decouple (PF0); when released, the active variant's reset is pulsed before coupling. */
  public final Bool manualDecouple = input("ctl_decouple", Bool());
  /** Strobe: pulse the active variant's reset (PF0). */
  public final Bool manualReset = input("ctl_role_reset", Bool());
  /** From the partition: decoupled with nothing outstanding. */
  public final Bool isolated = input("isolated", Bool());

  public final Bool decouple = output("decouple", Bool());
  public final Bool variantReset = output("variant_reset", Bool());
  public final UInt select;
  public final Bool selectValid = output("select_valid", Bool());
  public final UInt status = output("st_status", UInt(PrStatus.WIDTH));
  public final Bool busy = output("st_busy", Bool());
  public final UInt activeId = output("st_active_id", UInt(32));
  /** Words received in the current or last load. */
  public final UInt words = output("st_words", UInt(32));

  /**
   * @param shellInterfaceId this Shell's 128-bit interface id
   * @param variantIds the partition's variant ids, in slot order
   * @param resetCycles cycles the reset of a freshly selected variant is held, at least 1
   */
  public PrController(BigInteger shellInterfaceId, List<Long> variantIds, int resetCycles) {
    super("PrController");
    if (shellInterfaceId.signum() < 0 || shellInterfaceId.bitLength() > 128) {
      throw new IllegalArgumentException("a shell interface id is a 128-bit unsigned number, found " + shellInterfaceId);
    }
    if (variantIds.isEmpty()) {
      throw new IllegalArgumentException("the PR controller needs at least one variant id");
    }
    if (resetCycles < 1 || resetCycles > 1 << 16) {
      throw new IllegalArgumentException("the variant reset lasts 1 to 65536 cycles, found " + resetCycles);
    }
    cfg = slave("cfg", () -> new Stream(32));
    int iw = ReconfigurablePartition.indexWidth(variantIds.size());
    select = output("select", UInt(iw));

    UInt state = reg("state", UInt(3), IDLE);
    UInt header = reg("header_word", UInt(3), 0);
    UInt crc = reg("crc", UInt(32), 0xFFFF_FFFFL);
    UInt remaining = reg("remaining", UInt(31), 0);
    UInt length = reg("length", UInt(32), 0);
    UInt variantId = reg("variant_id", UInt(32), 0);
    UInt variantIndex = reg("variant_index", UInt(iw), 0);
    Bool variantFound = reg("variant_found", Bool(), 0);
    Bool idMismatch = reg("id_mismatch", Bool(), 0);
    Bool badPadding = reg("bad_padding", Bool(), 0);
    UInt discardCode = reg("discard_code", UInt(PrStatus.WIDTH), 0);
    UInt result = reg("result", UInt(PrStatus.WIDTH), PrStatus.NONE.code);
    UInt idle = reg("idle_cycles", UInt(32), 0);
    UInt wordCount = reg("word_count", UInt(32), 0);
    Bool endPending = reg("end_pending", Bool(), 0);
    Bool loading = reg("loading", Bool(), 0);
    Bool active = reg("active", Bool(), 0);
    UInt activeIndex = reg("active_index", UInt(iw), 0);
    UInt activeIdReg = reg("active_id", UInt(32), 0);
    int rw = log2Up(resetCycles + 1L);
    UInt resetLeft = reg("reset_left", UInt(rw), 0);
    Bool manualBefore = reg("manual_before", Bool(), 0);

    Bool inIdle = state.eq(IDLE);
    cfg.ready.assign(state.ne(APPLY));
    Bool take = cfg.fire();
    Bits word = cfg.data;
    UInt wordU = word.asUInt();
    UInt nextCrc = Crc32Word.next(this, crc, word);

    // Truncation: the end strobe (remembered if it coincides with a word) or the word timeout.
    when(inIdle, () -> endPending.assign(0)).elsewhen(cfgEnd, () -> endPending.assign(1));
    when(take.or(inIdle), () -> idle.assign(0))
        .elsewhen(idle.ne(0xFFFF_FFFFL), () -> idle.assign(idle.add(1)));
    Bool timedOut = timeout.ne(0).and(idle.ge(timeout));
    Bool ended = take.not().and(cfgEnd.or(endPending).or(timedOut));
    Bool parsing = state.eq(HEADER).or(state.eq(DATA)).or(state.eq(CRC));

    when(take, () -> {
      crc.assign(nextCrc);
      wordCount.assign(wordCount.add(1));
    });

    // Variant lookup and interface-id words.
    Bool found = lit(0, Bool());
    UInt index = lit(0, UInt(iw));
    for (int i = 0; i < variantIds.size(); i++) {
      Bool hit = wordU.eq(variantIds.get(i));
      found = found.or(hit);
      index = hit.mux(lit(i, UInt(iw)), index);
    }
    Bool foundNow = found;
    UInt indexNow = index;
    UInt idPart = lit(0, UInt(32));
    for (int k = 0; k < 4; k++) {
      long part = shellInterfaceId.shiftRight(32 * k).longValue() & 0xFFFF_FFFFL;
      idPart = header.eq(3 + k).mux(lit(part, UInt(32)), idPart);
    }
    UInt expectedIdPart = idPart;
    UInt dataWords = wordU.addWide(lit(3, UInt(32))).shr(2).truncate(31);
    // Bytes of the last data word after the data must be zero: L mod 4 = 1, 2, 3 leaves 3, 2, 1.
    UInt tail = length.bits(1, 0);
    UInt padMask = tail.eq(1).mux(lit(0xFFFF_FF00L, UInt(32)),
        tail.eq(2).mux(lit(0xFFFF_0000L, UInt(32)), tail.eq(3).mux(lit(0xFF00_0000L, UInt(32)), 0)));
    Bool crcOk = wordU.eq(crc.not());
    UInt finalCode = badPadding.mux(lit(PrStatus.BAD_PADDING.code, UInt(4)),
        crcOk.not().mux(lit(PrStatus.BAD_CRC.code, UInt(4)),
            idMismatch.mux(lit(PrStatus.WRONG_INTERFACE_ID.code, UInt(4)),
                variantFound.not().mux(lit(PrStatus.UNKNOWN_VARIANT.code, UInt(4)), PrStatus.OK.code))));

    when(inIdle, () -> when(take, () -> {
      loading.assign(1);
      active.assign(0);
      crc.assign(Crc32Word.next(this, lit(0xFFFF_FFFFL, UInt(32)), word));
      wordCount.assign(1);
      idMismatch.assign(0);
      badPadding.assign(0);
      variantFound.assign(0);
      header.assign(1);
      when(wordU.eq(SYNC_WORD), () -> state.assign(HEADER)).otherwise(() -> {
        discardCode.assign(PrStatus.BAD_SYNC.code);
        state.assign(DISCARD);
      });
    })).elsewhen(parsing.and(ended), () -> {
      result.assign(PrStatus.TRUNCATED.code);
      state.assign(IDLE);
    }).elsewhen(state.eq(HEADER).and(take), () -> {
      header.assign(header.add(1));
      when(header.eq(1).and(wordU.ne(FRAMING_VERSION)), () -> {
        discardCode.assign(PrStatus.BAD_VERSION.code);
        state.assign(DISCARD);
      });
      when(header.eq(2), () -> {
        variantId.assign(wordU);
        variantFound.assign(foundNow);
        variantIndex.assign(indexNow);
      });
      when(header.ge(3).and(header.le(6)).and(wordU.ne(expectedIdPart)), () -> idMismatch.assign(1));
      when(header.eq(7), () -> {
        length.assign(wordU);
        remaining.assign(dataWords);
        state.assign(dataWords.eq(0).mux(lit(CRC, UInt(3)), DATA));
      });
    }).elsewhen(state.eq(DATA).and(take), () -> {
      remaining.assign(remaining.sub(1));
      when(remaining.eq(1), () -> {
        when(wordU.and(padMask).ne(0), () -> badPadding.assign(1));
        state.assign(CRC);
      });
    }).elsewhen(state.eq(CRC).and(take), () -> {
      UInt code = finalCode;
      when(code.eq(PrStatus.OK.code), () -> state.assign(APPLY)).otherwise(() -> {
        result.assign(code);
        state.assign(IDLE);
      });
    }).elsewhen(state.eq(DISCARD).and(ended), () -> {
      result.assign(discardCode);
      state.assign(IDLE);
    });

    // Apply once the partition is quiet: select, reset pulse, then couple again.
    Bool applyNow = state.eq(APPLY).and(isolated);
    when(applyNow, () -> {
      active.assign(1);
      activeIndex.assign(variantIndex);
      activeIdReg.assign(variantId);
      result.assign(PrStatus.OK.code);
      loading.assign(0);
      state.assign(IDLE);
    });
    Bool manualRelease = manualBefore.and(manualDecouple.not());
    manualBefore.assign(manualDecouple);
    Bool startReset = applyNow.or(active.and(manualReset.or(manualRelease)));
    Bool pulse = startReset;
    when(pulse, () -> resetLeft.assign(resetCycles))
        .elsewhen(resetLeft.ne(0), () -> resetLeft.assign(resetLeft.sub(1)));

    Bool resetting = resetLeft.ne(0);
    decouple.assign(loading.or(manualDecouple).or(resetting).or(active.not()));
    variantReset.assign(resetting);
    select.assign(activeIndex);
    selectValid.assign(active);
    Bool isBusy = inIdle.not().or(resetting);
    busy.assign(isBusy);
    status.assign(isBusy.mux(lit(PrStatus.BUSY.code, UInt(4)), result));
    activeId.assign(active.mux(activeIdReg, 0));
    words.assign(wordCount);
  }
}
