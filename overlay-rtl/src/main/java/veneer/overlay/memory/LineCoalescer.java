package veneer.overlay.memory;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Bundle;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.StreamFifo;

/**
 * Turns a PE's 32-bit single-beat global-memory requests (AXI ID = access id, at most one
 * request in flight per id) into 512-bit line transactions. Reads that hit the same 64-byte
 * line while it is open, or after its AR was sent, also while its words are handed out (late
 * join), share one AR; the beat is kept and every access gets its own word back. Stores to the
 * same line are merged into one beat with byte strobes (a later store to the same bytes wins).
 * Stores are posted: each is answered (B OKAY) as soon as it is merged into a write line, so
 * its access id is free at once; a store outside the global-memory window
 * ({@link CoalescerConfig#globalBytes()}) is answered DECERR at once and dropped.
 *
 * <p>Up to {@code openLines} read lines and {@code openLines} write lines gather requests at a
 * time. A read line is open for at most {@code window} cycles and is sent earlier when every id
 * has joined it; a write line has no time limit and is sent when every word of it is written,
 * it has taken {@code ids()} stores, a load of it waits or a {@link #seal} comes (an idle PE
 * seals every cycle). Either is sent
 * when a new line finds every entry taken (the oldest entry is closed). Each read
 * line reserves one of {@code readSlots} AXI IDs until all its loads are answered, each write
 * line one of {@code slots} until its B.
 *
 * <p>Area: line data, each read slot's waiting ids and each id's word are in memories
 * (distributed RAM); the slot tags are registers compared with one line per cycle, the
 * load's while AR is valid, else the store's (so a store waits while a load is valid: the PE
 * never presents both at once). docs/coalescer-area.md has the figures.
 *
 * <p>Kept lines: a read slot keeps its line after handing it out, and a later load of the line
 * is served from it without a line read (the slot is re-armed and hands out again), until the
 * slot is taken for another line (the one without data, else the oldest kept), a store to the
 * line is accepted here, or {@link #seal}. A read line's error response is passed on to every
 * load of it, and such a line is not kept; a write line's error raises {@link #writeError}.
 *
 * <p>Memory order. Per line, for this PE: a read waits while a write to its line is gathering
 * or in flight, a write while a read of its line is (also a re-armed kept line), or another
 * write to it is in flight; a store drops the kept line. So this PE's loads see its own
 * stores. {@link #seal} (a FENCE in the PE) ends late joins into reads already sent and drops
 * every kept line, so loads after a FENCE read memory after it. Other PEs' stores are not
 * seen in a kept line until this PE fences: kernels are data-race free between work-items
 * within a launch, and data passed between PEs needs a FENCE on both sides (the writer's
 * FENCE replays until {@link #quiet}, so its stores are written before it stores the flag; the reader FENCEs after reading
 * the flag, in every iteration of a spin loop). {@code ArrayMemory} also seals at a launch
 * start, when the host may have written memory.
 *
 * <pre>{@code
 * LineCoalescer c = instance("coal", new LineCoalescer(CoalescerConfig.forThreads(8)));
 * Bundle.connect(pe.mem, c.s);
 * Bundle.connect(c.m, wideMaster);
 * }</pre>
 */
public final class LineCoalescer extends Module {
  /** The PE side: 32-bit data, ID = access id, single beats. */
  public final Axi4 s;
  /** The memory side: 512-bit single-beat line transactions, ID = slot. */
  public final Axi4 m;
  /** A read request was accepted from the PE this cycle. */
  public final Bool readAccepted = output("read_accepted", Bool());
  /** A load was accepted that found its line kept in a slot (the slot serves it again). */
  public final Bool readKept = output("read_kept", Bool());
  /** A store was accepted from the PE this cycle. */
  public final Bool writeAccepted = output("write_accepted", Bool());
  /**
   * A FENCE executed on the PE: reads already sent take no more late joiners, so that loads
   * after the FENCE read memory after it.
   */
  public final Bool seal = input("seal", Bool());
  /**
   * No write line is gathering or in flight: every store answered so far is in memory. After a
   * {@link #seal} with write lines open or in flight, new stores wait until a later seal finds
   * the coalescer quiet (a FENCE replays, sealing again, until it sees {@code quiet}), so a
   * FENCE is not starved by other threads' stores.
   */
  public final Bool quiet = output("quiet", Bool());
  /** A line write came back with an error response this cycle (its stores were already answered OKAY). */
  public final Bool writeError = output("write_error", Bool());

  /** The AXI4 parameters of the memory side. */
  public static Axi4.Params lineParams(CoalescerConfig c) {
    return new Axi4.Params(c.slotBits(), 32, 512, 0);
  }

  /** The AXI4 parameters of the PE side. */
  public static Axi4.Params peParams(CoalescerConfig c) {
    return new Axi4.Params(c.idBits(), 32, 32, 0);
  }

  public LineCoalescer(CoalescerConfig c) {
    s = slave("s", () -> new Axi4(peParams(c)));
    m = master("m", () -> new Axi4(lineParams(c)));
    final int nt = c.ids();
    final int kr = c.readSlots();
    final int kw = c.slots();
    // Write slots are numbered 0..kw-1 in kb-bit slot ids; their lanes take wb-bit addresses.
    final int wb = RoundRobinArbiter.indexBits(kw);
    final int kb = c.slotBits();
    final int words = CoalescerConfig.LINE_WORDS;

    for (Axi4.Addr ch : new Axi4.Addr[] {m.ar, m.aw}) {
      ch.len.assign(0);
      ch.size.assign(6);
      ch.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
      ch.lock.assign(lit(0, Bool()));
      ch.cache.assign(lit(0, Bits(4)));
      ch.prot.assign(lit(0, Bits(3)));
      ch.qos.assign(lit(0, Bits(4)));
    }

    // ---------------- reads --------------------------------------------------------------------
    // Per access id, the word of the line its load asked for (read once, when it is answered).
    Mem<Bits> wordOf = mem("word_of", Bits(4), nt);
    UInt rBusy = reg("r_busy", UInt(kr), 0);
    // Per read slot, the access ids waiting for its line. Written once per accepted load (a new
    // or re-armed slot starts from the load's bit alone, a join adds its bit: read-modify-write
    // of one word; a one-bit write mask instead cost Yosys a 64-bit mux per bit), read at the
    // hand-out head; the ids already answered from the head are kept beside it (r_done_mem,
    // r_done_hit), not cleared here.
    Mem<Bits> rPending = mem("r_pending", Bits(nt), kr);
    // Loads joined to an open line; each access id has one access in flight, so the line has
    // every id when the count reaches ids().
    final int cb = RoundRobinArbiter.indexBits(nt + 1);
    // Up to openLines lines gather readers at once (loads of a[] and b[] interleave).
    final int lines = c.openLines();
    final int ob = RoundRobinArbiter.indexBits(lines);
    List<Bool> rOpen = new ArrayList<>();
    List<UInt> rLine = new ArrayList<>();
    List<UInt> rCount = new ArrayList<>();
    List<UInt> rSlot = new ArrayList<>();
    List<UInt> rAge = new ArrayList<>();
    List<Bool> rForce = new ArrayList<>();
    for (int o = 0; o < lines; o++) {
      rOpen.add(reg("r_open_" + o, Bool(), 0));
      rLine.add(reg("r_line_" + o, UInt(26), 0));
      rCount.add(reg("r_count_" + o, UInt(cb), 0));
      rSlot.add(reg("r_slot_" + o, UInt(kb), 0));
      rAge.add(reg("r_age_" + o, UInt(8), 0));
      rForce.add(reg("r_force_" + o, Bool(), 0));
    }
    UInt arLine = s.ar.addr.bits(31, 6);
    UInt awLine = s.aw.addr.bits(31, 6);
    // One set of slot tag compares serves both channels: the PE presents a load or a store,
    // never both in one cycle (its GlobalMemoryPort sends the head of one queue), so the
    // compares look at the load's line while a load is valid and at the store's otherwise; a
    // store waits while a load is valid. Halves the slot CAMs (48 26-bit compares fewer).
    UInt probe = s.ar.valid.mux(arLine, awLine).named("probe_line");
    UInt arTid = s.ar.id;
    // Memory order: a read waits while a write to its line is gathering or in flight, and a
    // write waits while a read of its line or another write to it is (the PE sends each
    // thread's accesses in program order, but reads and writes, and different slots, may
    // be reordered on the way to memory).
    List<UInt> rSlotLine = new ArrayList<>();
    List<UInt> wSlotLine = new ArrayList<>();
    for (int j = 0; j < kr; j++) {
      rSlotLine.add(reg("r_slot_line_" + j, UInt(26), 0));
    }
    for (int j = 0; j < kw; j++) {
      wSlotLine.add(reg("w_slot_line_" + j, UInt(26), 0));
    }
    List<Bool> rSlotHit = new ArrayList<>();
    List<Bool> wSlotHit = new ArrayList<>();
    for (int j = 0; j < kr; j++) {
      rSlotHit.add(rSlotLine.get(j).eq(probe));
    }
    for (int j = 0; j < kw; j++) {
      wSlotHit.add(wSlotLine.get(j).eq(probe));
    }
    UInt wBusy = reg("w_busy", UInt(kw), 0);
    Bool readBlocked = lit(0, Bool());
    for (int j = 0; j < kw; j++) {
      readBlocked = readBlocked.or(wBusy.bit(j).and(wSlotHit.get(j)));
    }
    readBlocked = readBlocked.named("r_blocked");
    Bool arValid = s.ar.valid.and(readBlocked.not());
    UInt arBit = lit(1, UInt(nt)).shl(arTid);
    List<Bool> closing = new ArrayList<>();
    Bool anyMatch = lit(0, Bool());
    Bool anyJoin = lit(0, Bool());
    List<Bool> freeList = new ArrayList<>();
    List<Bool> closingList = new ArrayList<>();
    List<Bool> joins = new ArrayList<>();
    UInt openJoinSlot = lit(0, UInt(kb));
    for (int o = 0; o < lines; o++) {
      Bool cl = rOpen.get(o).and(rAge.get(o).ge(c.window()).or(rCount.get(o).eq(nt)).or(rForce.get(o)));
      closing.add(cl.named("r_closing_" + o));
      Bool match = rOpen.get(o).and(arLine.eq(rLine.get(o)));
      Bool join = arValid.and(match).and(cl.not());
      joins.add(join);
      openJoinSlot = openJoinSlot.or(join.mux(rSlot.get(o), 0));
      anyMatch = anyMatch.or(match);
      anyJoin = anyJoin.or(join);
      freeList.add(rOpen.get(o).not());
      closingList.add(cl);
    }
    UInt freeEntries = Data.catLowFirst(freeList);
    UInt closingBits = Data.catLowFirst(closingList);
    // A slot whose line has been handed out keeps its data (r_have) and serves later loads of
    // the line (a hit re-arms it) until it is reused, a store to the line is accepted here, or
    // a FENCE seals. A new line takes a slot without data if there is one, else the retained
    // slot next in allocation order (oldest first).
    UInt rHave = reg("r_have", UInt(kr), 0);
    UInt rNext = reg("r_next", UInt(kb), 0);
    Free rFree = oldestFree(rBusy, rHave, rNext, kr, kb);
    UInt freeEntryBit = freeEntries.and(freeEntries.not().add(1));
    // A load of a line whose read is on its way, waiting or being handed out joins it (late
    // join) unless a FENCE sealed it. Safe for this PE's stores: a store waits while a read of
    // its line is busy, and a read waits while a store to its line is.
    UInt rIssued = reg("r_issued", UInt(kr), 0);
    UInt rSealed = reg("r_sealed", UInt(kr), 0);
    StreamFifo rDone = instance("r_done", new StreamFifo(kb, kr));
    StreamFifo rHits = instance("r_hits", new StreamFifo(kb, kr));
    // Lines from memory are handed out first (their FIFO must keep R flowing), then re-armed ones.
    Bool fromMemory = rDone.out.valid;
    UInt rHead = fromMemory.mux(rDone.out.data.asUInt(), rHits.out.data.asUInt()).named("r_head");
    Bool headValid = rDone.out.valid.or(rHits.out.valid);
    List<Bool> lateList = new ArrayList<>();
    List<Bool> hitList = new ArrayList<>();
    for (int j = 0; j < kr; j++) {
      Bool sameLine = rSlotHit.get(j);
      lateList.add(rIssued.bit(j).and(rSealed.bit(j).not()).and(sameLine));
      hitList.add(rHave.bit(j).and(rBusy.bit(j).not()).and(sameLine));
    }
    Bool lateJoinable = Data.catLowFirst(lateList).orR();
    UInt lateSlot = highest(lateList, kb);
    Bool hittable = Data.catLowFirst(hitList).orR();
    UInt hitSlot = highest(hitList, kb);
    Bool lateJoin = arValid.and(anyMatch.not()).and(lateJoinable).named("r_late_join");
    Bool rHit = arValid.and(anyMatch.not()).and(lateJoinable.not()).and(hittable).named("r_hit");
    Bool needEntry = arValid.and(anyMatch.not()).and(lateJoinable.not()).and(hittable.not());
    Bool rStart = needEntry.and(freeEntries.orR()).and(rFree.any).named("r_start");
    s.ar.ready.assign(anyJoin.or(rStart).or(lateJoin).or(rHit));
    readAccepted.assign(s.ar.fire());
    readKept.assign(rHit);
    rHits.in.valid.assign(rHit);
    rHits.in.data.assign(hitSlot.asBits());
    // A new line with every entry taken: close the oldest entry early, unless one is closing.
    UInt victim = oldest(rAge, ob);
    Bool evict = needEntry.and(freeEntries.orR().not()).and(closingBits.orR().not());
    // The entry being sent is held until ARREADY, so the AR payload stays stable.
    Bool holding = reg("r_holding", Bool(), 0);
    UInt held = reg("r_held", UInt(ob), 0);
    UInt firstClosing = indexOf(closingBits.and(closingBits.not().add(1)), lines, ob);
    UInt iss = holding.mux(held, firstClosing);
    Bool issValid = holding.or(closingBits.orR());
    UInt issSlot = select(rSlot, iss);
    m.ar.valid.assign(issValid);
    m.ar.id.assign(issSlot);
    m.ar.addr.assign(select(rLine, iss).cat(lit(0, UInt(6))));
    Bool rIssue = m.ar.fire();
    holding.assign(issValid.and(m.ar.ready.not()));
    held.assign(iss);
    for (int o = 0; o < lines; o++) {
      final int oo = o;
      Bool open = rOpen.get(o);
      UInt age = rAge.get(o);
      UInt count = rCount.get(o);
      Bool force = rForce.get(o);
      Bool starting = rStart.and(freeEntryBit.bit(o));
      Bool issuing = rIssue.and(iss.eq(o));
      when(starting, () -> {
        open.assign(1);
        rLine.get(oo).assign(arLine);
        count.assign(1);
        rSlot.get(oo).assign(rFree.index);
        age.assign(0);
        force.assign(0);
      }).elsewhen(issuing, () -> {
        open.assign(0);
        force.assign(0);
      }).elsewhen(open, () -> {
        when(joins.get(oo), () -> count.assign(count.add(1)));
        when(age.ne(255), () -> age.assign(age.add(1)));
        when(evict.and(victim.eq(oo)), () -> force.assign(1));
      });
    }
    for (int j = 0; j < kr; j++) {
      final int jj = j;
      when(rStart.and(rFree.onehot.bit(j)), () -> rSlotLine.get(jj).assign(arLine));
    }
    when(s.ar.fire(), () -> wordOf.write(arTid, s.ar.addr.bits(5, 2).asBits()));
    // The accepted load's bit in its slot: alone in a new or re-armed slot, added by a join.
    UInt acceptSlot = rStart.mux(rFree.index, rHit.mux(hitSlot, lateJoin.mux(lateSlot, openJoinSlot)));
    UInt pendingNext = rStart.or(rHit).mux(arBit, rPending.read(acceptSlot).asUInt().or(arBit));
    when(s.ar.fire(), () -> rPending.write(acceptSlot, pendingNext.asBits()));

    // Line data arrives into per-word lanes; the slot waits in order for its threads' answers.
    List<Mem<Bits>> lanes = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      lanes.add(mem("r_lane_" + i, Bits(32), kr));
    }
    // Per read slot, whether its line came back with an error: written with the line, read at the
    // hand-out head only.
    Mem<Bits> rErr = mem("r_err", Bits(1), kr);
    rDone.in.valid.assign(m.r.valid);
    rDone.in.data.assign(m.r.id.asBits());
    m.r.ready.assign(rDone.in.ready);
    when(m.r.fire(), () -> {
      rErr.write(m.r.id, m.r.resp.asUInt().bits(1, 1).asBits());
      for (int i = 0; i < words; i++) {
        lanes.get(i).write(m.r.id, m.r.data.asUInt().bits(32 * i + 31, 32 * i).asBits());
      }
    });

    // Ids answered so far from the head of each hand-out queue; a queue's head stays until it is
    // done, but a line from memory overtakes a re-armed one, so each queue keeps its own.
    UInt doneMem = reg("r_done_mem", UInt(nt), 0);
    UInt doneHit = reg("r_done_hit", UInt(nt), 0);
    UInt rLeft = rPending.read(rHead).asUInt().and(fromMemory.mux(doneMem, doneHit).not()).named("r_left");
    UInt rBit = rLeft.and(rLeft.not().add(1));
    UInt rTid = indexOf(rBit, nt, c.idBits());
    List<UInt> laneWords = new ArrayList<>();
    for (Mem<Bits> lane : lanes) {
      laneWords.add(lane.read(rHead).asUInt());
    }
    s.r.valid.assign(headValid);
    s.r.id.assign(rTid);
    s.r.data.assign(select(laneWords, wordOf.read(rTid).asUInt()).asBits());
    s.r.resp.assign(rErr.read(rHead).asUInt().bit(0).mux(lit(Axi4.RESP_SLVERR, Bits(2)), Axi4.RESP_OKAY));
    s.r.last.assign(lit(1, Bool()));
    Bool rAnswered = s.r.fire();
    // The head slot is done with its last access unless a load joins it in the same cycle.
    Bool rSlotDone = rAnswered.and(rLeft.and(rBit.not()).eq(0))
        .and(lateJoin.and(lateSlot.eq(rHead)).not()).named("r_slot_done");
    rDone.out.ready.assign(rSlotDone.and(fromMemory));
    rHits.out.ready.assign(rSlotDone.and(fromMemory.not()));
    // A late join into a queue head takes its id out of that head's answered set (the id was
    // answered from this slot before and now waits again).
    UInt memHeadJoin = lateJoin.and(rDone.out.valid).and(lateSlot.eq(rDone.out.data.asUInt())).mux(arBit, 0);
    UInt hitHeadJoin = lateJoin.and(rHits.out.valid).and(lateSlot.eq(rHits.out.data.asUInt())).mux(arBit, 0);
    UInt answeredBit = rAnswered.mux(rBit, 0);
    when(rDone.out.fire(), () -> doneMem.assign(0))
        .otherwise(() -> doneMem.assign(doneMem.or(fromMemory.mux(answeredBit, 0)).and(memHeadJoin.not())));
    when(rHits.out.fire(), () -> doneHit.assign(0))
        .otherwise(() -> doneHit.assign(doneHit.or(fromMemory.not().mux(answeredBit, 0)).and(hitHeadJoin.not())));
    UInt rHitBit = rHit.mux(lit(1, UInt(kr)).shl(hitSlot), 0);
    UInt rStartBit = rStart.mux(rFree.onehot, 0);
    UInt rBusySet = rStartBit.or(rHitBit);
    UInt rBusyClr = rSlotDone.mux(lit(1, UInt(kr)).shl(rHead), 0);
    rBusy.assign(rBusy.and(rBusyClr.not()).or(rBusySet));
    UInt rIssuedSet = rIssue.mux(lit(1, UInt(kr)).shl(issSlot), 0).or(rHitBit);
    rIssued.assign(rIssued.and(rBusyClr.not()).or(rIssuedSet));
    // A FENCE seals the reads already issued and any re-armed in its cycle (their data is older).
    rSealed.assign(rSealed.and(rBusySet.not()).or(seal.mux(rIssued.or(rHitBit), 0)));
    when(rStart.and(rFree.retained), () -> rNext.assign(rFree.index.add(1)));

    // ---------------- writes -------------------------------------------------------------------
    // Like reads: up to openLines lines gather stores at once (each thread of a PE may be
    // writing its own line); the data waits in per-slot word lanes with byte strobes.
    List<Bool> wOpen = new ArrayList<>();
    List<UInt> wLine = new ArrayList<>();
    // Stores merged into the line, saturating at ids(): a line that has taken as many stores as
    // the PE has access ids is sent.
    List<UInt> wCount = new ArrayList<>();
    List<UInt> wSlot = new ArrayList<>();
    List<UInt> wAge = new ArrayList<>();
    List<Bool> wForce = new ArrayList<>();
    // Words of the line whose four bytes are all written, counted when a store makes a word whole
    // (a word's strobes only grow while its line is open, so each word counts once): a line with
    // all 16 words whole has nothing to wait for and is sent at once.
    final int fb = RoundRobinArbiter.indexBits(words + 1);
    List<UInt> wWhole = new ArrayList<>();
    for (int o = 0; o < lines; o++) {
      wOpen.add(reg("w_open_" + o, Bool(), 0));
      wLine.add(reg("w_line_" + o, UInt(26), 0));
      wCount.add(reg("w_count_" + o, UInt(cb), 0));
      wSlot.add(reg("w_slot_" + o, UInt(kb), 0));
      wAge.add(reg("w_age_" + o, UInt(8), 0));
      wForce.add(reg("w_force_" + o, Bool(), 0));
      wWhole.add(reg("w_whole_" + o, UInt(fb), 0));
    }
    Bool awSent = reg("aw_sent", Bool(), 0);
    Bool wSent = reg("w_sent", Bool(), 0);
    List<Mem<Bits>> wLanes = new ArrayList<>();
    List<Mem<Bits>> wStrbLanes = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      wLanes.add(mem("w_lane_" + i, Bits(32), kw));
      wStrbLanes.add(mem("w_strb_lane_" + i, Bits(4), kw));
    }

    UInt awTid = s.aw.id;
    List<Bool> wClosing = new ArrayList<>();
    Bool writeBlocked = lit(0, Bool());
    for (int o = 0; o < lines; o++) {
      // No age limit: a thread's stores to one line may come more than 255 cycles apart (compiled
      // vector add wrote each line twice with a 255-cycle window); a partial line goes when
      // another line needs its entry, a load of it waits, or at a seal (FENCE, idle PE).
      wClosing.add(wOpen.get(o).and(wCount.get(o).eq(nt)
          .or(wWhole.get(o).eq(words)).or(wForce.get(o))).named("w_closing_" + o));
    }
    for (int j = 0; j < kr; j++) {
      writeBlocked = writeBlocked.or(rBusy.bit(j).and(rSlotHit.get(j)));
    }
    // A store waits for a busy write slot of its line unless an open entry of the line takes it.
    // A line has at most one busy write slot (a new one starts only when no busy slot has the
    // line: that one is joined or blocks), so the entries' own tag compares say which.
    List<Bool> wMatch = new ArrayList<>();
    Bool wJoinable = lit(0, Bool());
    for (int o = 0; o < lines; o++) {
      Bool match = wOpen.get(o).and(wLine.get(o).eq(probe));
      wMatch.add(match);
      wJoinable = wJoinable.or(match.and(wClosing.get(o).not()));
    }
    Bool wSlotBusy = lit(0, Bool());
    for (int j = 0; j < kw; j++) {
      wSlotBusy = wSlotBusy.or(wBusy.bit(j).and(wSlotHit.get(j)));
    }
    writeBlocked = writeBlocked.or(wSlotBusy.and(wJoinable.not()));
    writeBlocked = writeBlocked.named("w_blocked");
    // Posted stores: a store is answered from this queue once it is merged into a write line
    // (OKAY), or at once with DECERR when it is outside the global-memory window; so its
    // access id is free long before the line is written. One entry per access id: the queue is
    // never full, so a store never waits for the PE to take B (R has priority there).
    StreamFifo bPosted = instance("b_posted", new StreamFifo(c.idBits() + 1, c.ids()));
    Bool storeValid = s.aw.valid.and(s.w.valid).and(bPosted.in.ready);
    Bool inWindow = s.aw.addr.bit(31);
    if (c.globalBytes() < CoalescerConfig.ALL_GLOBAL_BYTES) {
      inWindow = inWindow.and(s.aw.addr.bits(30, 0).lt(c.globalBytes()));
    }
    Bool outside = storeValid.and(inWindow.not()).named("w_outside");
    // After a seal that found lines open or in flight, stores wait until a seal finds none.
    Bool drain = reg("w_drain", Bool(), 0);
    Bool both = storeValid.and(inWindow).and(writeBlocked.not()).and(drain.not()).and(s.ar.valid.not());
    Bool wAnyMatch = lit(0, Bool());
    Bool wAnyJoin = lit(0, Bool());
    List<Bool> wFreeList = new ArrayList<>();
    List<Bool> wJoins = new ArrayList<>();
    UInt joinSlot = lit(0, UInt(kb));
    for (int o = 0; o < lines; o++) {
      Bool match = wMatch.get(o);
      Bool join = both.and(match).and(wClosing.get(o).not());
      wJoins.add(join);
      wAnyMatch = wAnyMatch.or(match);
      wAnyJoin = wAnyJoin.or(join);
      joinSlot = join.mux(wSlot.get(o), joinSlot);
      wFreeList.add(wOpen.get(o).not());
    }
    UInt wFreeEntries = Data.catLowFirst(wFreeList);
    UInt wClosingBits = Data.catLowFirst(wClosing);
    Free wFree = lowestFree(wBusy, kw, kb);
    UInt wFreeEntryBit = wFreeEntries.and(wFreeEntries.not().add(1));
    Bool wNeedEntry = both.and(wAnyMatch.not());
    Bool wStart = wNeedEntry.and(wFreeEntries.orR()).and(wFree.any).named("w_start");
    Bool take = wAnyJoin.or(wStart);
    s.aw.ready.assign(take.or(outside));
    s.w.ready.assign(take.or(outside));
    writeAccepted.assign(take.or(outside));
    bPosted.in.valid.assign(take.or(outside));
    bPosted.in.data.assign(outside.asUInt().cat(s.aw.id).asBits());
    s.b.valid.assign(bPosted.out.valid);
    s.b.id.assign(bPosted.out.data.asUInt().bits(c.idBits() - 1, 0));
    s.b.resp.assign(bPosted.out.data.asUInt().bit(c.idBits())
        .mux(lit(Axi4.RESP_DECERR, Bits(2)), lit(Axi4.RESP_OKAY, Bits(2))));
    bPosted.out.ready.assign(s.b.ready);
    UInt wVictim = oldest(wAge, ob);
    Bool wEvict = wNeedEntry.and(wFreeEntries.orR().not()).and(wClosingBits.orR().not());

    // The entry being sent stays chosen until both AW and W are taken.
    Bool wHolding = reg("w_holding", Bool(), 0);
    UInt wHeld = reg("w_held", UInt(ob), 0);
    UInt wFirstClosing = indexOf(wClosingBits.and(wClosingBits.not().add(1)), lines, ob);
    UInt wIss = wHolding.mux(wHeld, wFirstClosing);
    Bool wIssValid = wHolding.or(wClosingBits.orR());
    UInt wIssSlot = select(wSlot, wIss);
    m.aw.valid.assign(wIssValid.and(awSent.not()));
    m.aw.id.assign(wIssSlot);
    m.aw.addr.assign(select(wLine, wIss).cat(lit(0, UInt(6))));
    m.w.valid.assign(wIssValid.and(wSent.not()));
    List<UInt> laneData = new ArrayList<>();
    List<UInt> laneStrb = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      laneData.add(wLanes.get(i).read(wIssSlot.resize(wb)).asUInt());
      laneStrb.add(wStrbLanes.get(i).read(wIssSlot.resize(wb)).asUInt());
    }
    m.w.data.assign(Data.catLowFirst(laneData).asBits());
    m.w.strb.assign(Data.catLowFirst(laneStrb).asBits());
    m.w.last.assign(lit(1, Bool()));
    Bool awDone = awSent.or(m.aw.fire());
    Bool wDone = wSent.or(m.w.fire());
    Bool wIssue = wIssValid.and(awDone).and(wDone).named("w_issue");
    wHolding.assign(wIssValid.and(wIssue.not()));
    wHeld.assign(wIss);
    when(wIssue, () -> {
      awSent.assign(0);
      wSent.assign(0);
    }).otherwise(() -> {
      awSent.assign(awDone.and(wIssValid));
      wSent.assign(wDone.and(wIssValid));
    });
    UInt newData = s.w.data.asUInt();
    UInt newStrb = s.w.strb.asUInt();
    UInt takeSlot = wStart.mux(wFree.index, joinSlot).resize(wb);
    List<UInt> oldStrbs = new ArrayList<>();
    Bool madeWhole = lit(0, Bool());
    for (int i = 0; i < words; i++) {
      Bool hit = s.aw.addr.bits(5, 2).eq(i);
      UInt oldStrb = wStrbLanes.get(i).read(takeSlot).asUInt();
      oldStrbs.add(oldStrb);
      madeWhole = madeWhole.or(hit.and(oldStrb.andR().not()).and(oldStrb.or(newStrb).andR()));
    }
    UInt wholeStart = newStrb.andR().mux(lit(1, UInt(fb)), 0);
    UInt wholeJoin = madeWhole.mux(lit(1, UInt(fb)), 0);
    for (int o = 0; o < lines; o++) {
      final int oo = o;
      Bool open = wOpen.get(o);
      UInt whole = wWhole.get(o);
      UInt age = wAge.get(o);
      UInt count = wCount.get(o);
      Bool force = wForce.get(o);
      Bool starting = wStart.and(wFreeEntryBit.bit(o));
      Bool issuing = wIssue.and(wIss.eq(o));
      when(starting, () -> {
        open.assign(1);
        wLine.get(oo).assign(awLine);
        count.assign(1);
        wSlot.get(oo).assign(wFree.index);
        age.assign(0);
        force.assign(0);
        whole.assign(wholeStart);
      }).elsewhen(issuing, () -> {
        open.assign(0);
        force.assign(0);
      }).elsewhen(open, () -> {
        when(wJoins.get(oo), () -> {
          when(count.ne(nt), () -> count.assign(count.add(1)));
          whole.assign(whole.add(wholeJoin));
        });
        when(age.ne(255), () -> age.assign(age.add(1)));
        // A load of a line being gathered waits for its write (memory order), so the line goes now.
        // A seal (FENCE) closes every open line: the FENCE waits until they are written.
        Bool readWaits = s.ar.valid.and(wMatch.get(oo));
        when(wEvict.and(wVictim.eq(oo)).or(readWaits).or(seal), () -> force.assign(1));
      });
    }
    for (int j = 0; j < kw; j++) {
      final int jj = j;
      when(wStart.and(wFree.onehot.bit(j)), () -> wSlotLine.get(jj).assign(awLine));
    }
    // Store data into the slot's lanes: a new line clears every strobe but the new word's; a
    // joining store merges its bytes (a later store to the same bytes wins).
    for (int i = 0; i < words; i++) {
      Bool hit = s.aw.addr.bits(5, 2).eq(i);
      Mem<Bits> lane = wLanes.get(i);
      Mem<Bits> strbLane = wStrbLanes.get(i);
      UInt oldStrb = oldStrbs.get(i);
      when(take.and(hit), () -> lane.write(takeSlot, newData.asBits(), newStrb.asBits()));
      when(wStart, () -> strbLane.write(takeSlot, hit.mux(newStrb, lit(0, UInt(4))).asBits()))
          .elsewhen(wAnyJoin.and(hit), () -> strbLane.write(takeSlot, oldStrb.or(newStrb).asBits()));
    }

    // A line's B frees its slot; its stores were answered when they were merged.
    m.b.ready.assign(lit(1, Bool()));
    writeError.assign(m.b.fire().and(m.b.resp.asUInt().bit(1)));
    UInt wBusySet = wStart.mux(wFree.onehot, 0);
    UInt wBusyClr = m.b.fire().mux(lit(1, UInt(kw)).shl(m.b.id.resize(wb)), 0);
    wBusy.assign(wBusy.and(wBusyClr.not()).or(wBusySet));
    Bool quietNow = wBusy.eq(0).named("w_quiet");
    quiet.assign(quietNow);
    when(seal, () -> drain.assign(quietNow.not()));

    // Retained lines: data of a line read after the last FENCE and not stored to since by this
    // PE. A slot's data counts from its R (unless sealed or in error) until the slot is taken
    // for another line, a store to its line is accepted, or a FENCE.
    UInt haveSet = m.r.fire().and(m.r.resp.asUInt().bit(1).not()).and(rSealed.shr(m.r.id).bit(0).not())
        .mux(lit(1, UInt(kr)).shl(m.r.id), 0);
    List<Bool> storedList = new ArrayList<>();
    for (int j = 0; j < kr; j++) {
      storedList.add(take.and(rSlotHit.get(j)));
    }
    UInt storedTo = Data.catLowFirst(storedList);
    when(seal, () -> rHave.assign(0))
        .otherwise(() -> rHave.assign(rHave.and(rStartBit.or(storedTo).not()).or(haveSet)));

    assertThat(s.ar.valid.implies(s.ar.len.eq(0)), "coalescer: the PE side carries single-beat reads only");
    assertThat(s.aw.valid.implies(s.aw.len.eq(0)), "coalescer: the PE side carries single-beat writes only");
  }

  /**
   * The index of the entry with the greatest age (the lowest such index on a tie), as a
   * tournament tree: the older of each pair goes on, the left one on a tie.
   */
  private UInt oldest(List<UInt> ages, int bits) {
    List<UInt> index = new ArrayList<>();
    List<UInt> age = new ArrayList<>(ages);
    for (int o = 0; o < ages.size(); o++) {
      index.add(lit(o, UInt(bits)));
    }
    while (age.size() > 1) {
      List<UInt> nextIndex = new ArrayList<>();
      List<UInt> nextAge = new ArrayList<>();
      for (int i = 0; i + 1 < age.size(); i += 2) {
        Bool right = age.get(i + 1).gt(age.get(i));
        nextIndex.add(right.mux(index.get(i + 1), index.get(i)));
        nextAge.add(right.mux(age.get(i + 1), age.get(i)));
      }
      if (age.size() % 2 == 1) {
        nextIndex.add(index.get(age.size() - 1));
        nextAge.add(age.get(age.size() - 1));
      }
      index = nextIndex;
      age = nextAge;
    }
    return index.get(0);
  }

  /** Bits as a number, element 0 the lowest bit. */
  /**
   * The index of the highest set bit ({@code bits}-bit, 0 when none is set), as a tree: the
   * upper half's index when it has a set bit, else the lower half's.
   */
  private UInt highest(List<Bool> set, int bits) {
    return highestIn(set, 0, 1 << bits, bits);
  }

  /** {@code highest} over set[from, from + size), size a power of two; the index relative to from. */
  private UInt highestIn(List<Bool> set, int from, int size, int bits) {
    if (size == 1) {
      return lit(0, UInt(bits));
    }
    int half = size / 2;
    UInt low = highestIn(set, from, half, bits);
    if (from + half >= set.size()) {
      return low;
    }
    UInt high = highestIn(set, from + half, half, bits).or(lit(half, UInt(bits)));
    Bool upper = lit(0, Bool());
    for (int i = from + half; i < Math.min(from + size, set.size()); i++) {
      upper = upper.or(set.get(i));
    }
    return upper.mux(high, low);
  }


  private record Free(Bool any, UInt index, UInt onehot, Bool retained) {}

  /**
   * A slot that is not busy: the lowest without retained data, else the first retained one at
   * or after {@code next} (wrapping), which is the oldest when slots are taken in turn.
   */
  private Free oldestFree(UInt busy, UInt have, UInt next, int k, int kb) {
    UInt free = busy.not();
    UInt empty = free.and(have.not());
    UInt emptyBit = empty.and(empty.not().add(1));
    UInt later = free.and(lit(java.math.BigInteger.ONE.shiftLeft(k).subtract(java.math.BigInteger.ONE), UInt(k)).shl(next));
    UInt pool = later.orR().mux(later, free);
    UInt poolBit = pool.and(pool.not().add(1));
    Bool anyEmpty = empty.orR();
    UInt index = anyEmpty.mux(indexOf(emptyBit, k, kb), indexOf(poolBit, k, kb));
    return new Free(free.orR(), index, anyEmpty.mux(emptyBit, poolBit), anyEmpty.not());
  }

  private Free lowestFree(UInt busy, int k, int kb) {
    UInt free = busy.not();
    UInt bit = free.and(free.not().add(1));
    return new Free(free.orR(), indexOf(bit, k, kb), bit, lit(0, Bool()));
  }

  /**
   * The index of the set bit of a one-hot value (0 when none is set): bit b of the index is the
   * OR of the inputs whose index has bit b, a tree of log2(n) levels instead of a chain of n muxes.
   */
  private UInt indexOf(UInt onehot, int n, int bits) {
    UInt idx = lit(0, UInt(bits));
    for (int b = 0; b < bits; b++) {
      Bool any = lit(0, Bool());
      for (int i = 1; i < n; i++) {
        if ((i >> b & 1) != 0) {
          any = any.or(onehot.bit(i));
        }
      }
      idx = idx.or(any.mux(lit(1L << b, UInt(bits)), 0));
    }
    return idx;
  }

  /**
   * {@code values[index]} (values[0] for an index past the end) as a balanced tree of 2:1 muxes
   * on the index bits, one level per bit.
   */
  private static UInt select(List<UInt> values, UInt index) {
    int bits = RoundRobinArbiter.indexBits(values.size());
    List<UInt> level = new ArrayList<>();
    for (int i = 0; i < 1 << bits; i++) {
      level.add(values.get(i < values.size() ? i : 0));
    }
    for (int b = 0; b < bits; b++) {
      Bool high = b < index.width() ? index.bit(b) : null;
      List<UInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(high == null ? level.get(i) : high.mux(level.get(i + 1), level.get(i)));
      }
      level = next;
    }
    if (index.width() > bits) {
      return index.bits(index.width() - 1, bits).eq(0).mux(level.get(0), values.get(0));
    }
    return level.get(0);
  }
}
