package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The PE's CSRs, all read-only: thread id (0xFC0), PE id (0xFC1), thread count (0xFC2) and
 * mhartid = (peId << 4) | thread id. Reading any other CSR, or writing any CSR (CSRRW/CSRRWI,
 * or CSRRS/CSRRC/CSRRSI/CSRRCI with a non-zero rs1 field), is an illegal instruction.
 *
 * <pre>{@code
 * CsrUnit csr = instance("csr", new CsrUnit(config));
 * csr.csr.assign(dec.csr); csr.tid.assign(tid); csr.writes.assign(w);   // csr.value, csr.illegal
 * }</pre>
 */
public final class CsrUnit extends Module {
  public static final int THREAD_ID = 0xFC0;
  public static final int PE_ID = 0xFC1;
  public static final int THREAD_COUNT = 0xFC2;
  public static final int MHARTID = 0xF14;

  public final UInt csr = input("csr", UInt(12));
  public final UInt tid;
  /** The instruction would write the CSR. */
  public final Bool writes = input("writes", Bool());
  public final UInt value = output("value", UInt(32));
  public final Bool illegal = output("illegal", Bool());

  public CsrUnit(PeConfig config) {
    tid = input("tid", UInt(config.tidBits()));
    UInt t = tid.extend(32);
    Bool isTid = csr.eq(THREAD_ID);
    Bool isPe = csr.eq(PE_ID);
    Bool isCount = csr.eq(THREAD_COUNT);
    Bool isHart = csr.eq(MHARTID);
    UInt v = lit(0, UInt(32));
    v = isTid.mux(t, v);
    v = isPe.mux(lit(config.peId(), UInt(32)), v);
    v = isCount.mux(lit(config.threads(), UInt(32)), v);
    v = isHart.mux(lit((long) config.peId() << 4, UInt(32)).or(t), v);
    value.assign(v);
    Bool known = isTid.or(isPe).or(isCount).or(isHart);
    illegal.assign(known.not().or(writes));
  }
}
