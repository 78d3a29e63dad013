package veneer.overlay.pe;

import veneer.isa.pe.PeCsr;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The PE's CSRs ({@link PeCsr}), all read-only: thread id (0xFC0), PE id (0xFC1), thread count
 * (0xFC2), mhartid = (peId << 4) | thread id, cycle/cycleh (the PE's clock cycles since reset)
 * and instret/instreth (instructions retired by the reading thread since start), and the
 * dispatcher's work-item CSRs ({@link WorkItemCsr}). Reading any other CSR, or writing any CSR (CSRRW/CSRRWI,
 * or CSRRS/CSRRC/CSRRSI/CSRRCI with a non-zero rs1 field), is an illegal instruction.
 *
 * <pre>{@code
 * CsrUnit csr = instance("csr", new CsrUnit(config));
 * csr.csr.assign(dec.csr); csr.tid.assign(tid); csr.writes.assign(w);   // csr.value, csr.illegal
 * }</pre>
 */
public final class CsrUnit extends Module {
  private static final int THREAD_ID = PeCsr.THREAD_ID;
  private static final int PE_ID = PeCsr.PE_ID;
  private static final int THREAD_COUNT = PeCsr.THREAD_COUNT;
  private static final int MHARTID = PeCsr.MHARTID;

  public final UInt csr = input("csr", UInt(12));
  public final UInt tid;
  /** The instruction would write the CSR. */
  public final Bool writes = input("writes", Bool());
  /** The PE's cycle counter. */
  public final UInt cycle = input("cycle", UInt(64));
  /** Instructions retired by the reading thread. */
  public final UInt instret = input("instret", UInt(64));
  /** The reading thread holds a work-item: its ids below are valid (else they read as -1). */
  public final Bool holdsItem = input("holds_item", Bool());
  /** The current work-item of the reading thread (WorkItemCsr), meaningful when {@link #holdsItem}. */
  public final UInt globalId = input("global_id", UInt(32));
  public final UInt localId = input("local_id", UInt(32));
  public final UInt groupId = input("group_id", UInt(32));
  public final UInt globalSize = input("global_size", UInt(32));
  public final UInt localSize = input("local_size", UInt(32));
  /** What a WORK_NEXT read returns: the dispatcher's grant in this cycle. */
  public final UInt nextId = input("next_id", UInt(32));
  /** The instruction reads WORK_NEXT (it claims a work-item). */
  public final Bool claims = output("claims", Bool());
  public final UInt value = output("value", UInt(32));
  public final Bool illegal = output("illegal", Bool());

  public CsrUnit(PeConfig config) {
    tid = input("tid", UInt(config.tidBits()));
    UInt t = tid.extend(32);
    Bool isTid = csr.eq(THREAD_ID);
    Bool isPe = csr.eq(PE_ID);
    Bool isCount = csr.eq(THREAD_COUNT);
    Bool isHart = csr.eq(MHARTID);
    Bool isCycle = csr.eq(PeCsr.CYCLE);
    Bool isCycleH = csr.eq(PeCsr.CYCLEH);
    Bool isInstret = csr.eq(PeCsr.INSTRET);
    Bool isInstretH = csr.eq(PeCsr.INSTRETH);
    Bool isNext = csr.eq(WorkItemCsr.WORK_NEXT);
    Bool isGlobal = csr.eq(WorkItemCsr.GLOBAL_ID);
    Bool isLocal = csr.eq(WorkItemCsr.LOCAL_ID);
    Bool isGroup = csr.eq(WorkItemCsr.GROUP_ID);
    Bool isGlobalSize = csr.eq(WorkItemCsr.GLOBAL_SIZE);
    Bool isLocalSize = csr.eq(WorkItemCsr.LOCAL_SIZE);
    // The wide values are chosen by address bits alone (a mux tree rather than a chain of
    // compares); the compares above only say which group is read and whether it exists.
    // Counters: bit 1 picks instret over cycle, bit 7 the high word.
    UInt counter = csr.bit(1).mux(csr.bit(7).mux(instret.bits(63, 32), instret.bits(31, 0)),
        csr.bit(7).mux(cycle.bits(63, 32), cycle.bits(31, 0)));
    Bool isCounter = isCycle.or(isCycleH).or(isInstret).or(isInstretH);
    // Work-item CSRs 0xFC3..0xFC8 by their low four bits.
    UInt low = csr.bits(3, 0);
    UInt item = csr.bit(1).mux(csr.bit(0).mux(nextId, groupId), csr.bit(0).mux(localId, globalId));
    UInt sizes = csr.bit(3).mux(localSize, globalSize);
    UInt work = low.eq(7).or(low.eq(8)).mux(sizes, item);
    Bool isWork = isNext.or(isGlobal).or(isLocal).or(isGroup).or(isGlobalSize).or(isLocalSize);
    UInt small = lit(0, UInt(32));
    small = isTid.mux(t, small);
    small = isPe.mux(lit(config.peId(), UInt(32)), small);
    small = isCount.mux(lit(config.threads(), UInt(32)), small);
    small = isHart.mux(lit((long) config.peId() << 4, UInt(32)).or(t), small);
    // A thread that holds no work-item reads -1 from its ids.
    Bool noItem = isGlobal.or(isLocal).or(isGroup).and(holdsItem.not());
    UInt v = isCounter.mux(counter, isWork.mux(work, small))
        .or(noItem.mux(lit(0xFFFF_FFFFL, UInt(32)), 0));
    value.assign(v);
    claims.assign(isNext);
    Bool known = isTid.or(isPe).or(isCount).or(isHart).or(isCounter).or(isWork);
    illegal.assign(known.not().or(writes));
  }
}
