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
  /** The current work-item of the reading thread (WorkItemCsr), -1 when it holds none. */
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
    UInt v = lit(0, UInt(32));
    v = isTid.mux(t, v);
    v = isPe.mux(lit(config.peId(), UInt(32)), v);
    v = isCount.mux(lit(config.threads(), UInt(32)), v);
    v = isHart.mux(lit((long) config.peId() << 4, UInt(32)).or(t), v);
    v = isCycle.mux(cycle.bits(31, 0), v);
    v = isCycleH.mux(cycle.bits(63, 32), v);
    v = isInstret.mux(instret.bits(31, 0), v);
    v = isInstretH.mux(instret.bits(63, 32), v);
    Bool isNext = csr.eq(WorkItemCsr.WORK_NEXT);
    Bool isGlobal = csr.eq(WorkItemCsr.GLOBAL_ID);
    Bool isLocal = csr.eq(WorkItemCsr.LOCAL_ID);
    Bool isGroup = csr.eq(WorkItemCsr.GROUP_ID);
    Bool isGlobalSize = csr.eq(WorkItemCsr.GLOBAL_SIZE);
    Bool isLocalSize = csr.eq(WorkItemCsr.LOCAL_SIZE);
    v = isNext.mux(nextId, v);
    v = isGlobal.mux(globalId, v);
    v = isLocal.mux(localId, v);
    v = isGroup.mux(groupId, v);
    v = isGlobalSize.mux(globalSize, v);
    v = isLocalSize.mux(localSize, v);
    value.assign(v);
    claims.assign(isNext);
    Bool known = isTid.or(isPe).or(isCount).or(isHart).or(isCycle).or(isCycleH).or(isInstret).or(isInstretH)
        .or(isNext).or(isGlobal).or(isLocal).or(isGroup).or(isGlobalSize).or(isLocalSize);
    illegal.assign(known.not().or(writes));
  }
}
