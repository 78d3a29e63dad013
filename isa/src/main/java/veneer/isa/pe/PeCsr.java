package veneer.isa.pe;

/**
 * CSRs of the PE. All are read-only: any CSR instruction that would write (CSRRW/CSRRWI always,
 * CSRRS/CSRRC with rs1 != x0, CSRRSI/CSRRCI with uimm != 0) or names another CSR raises an
 * illegal-instruction fault.
 *
 * <p>The custom read-only range 0xFC0..0xFFF (machine-level, read-only, custom per the
 * privileged spec) holds the PE's identity; 0xFC3..0xFCF is reserved for the dispatcher, of
 * which 0xFC3..0xFC8 are in use (work-item ids and launch sizes, see {@link WorkItemSource}).
 *
 * <pre>{@code
 * csrrs a0, 0xfc0, x0    # a0 = this hardware thread's index 0..T-1
 * }</pre>
 */
public final class PeCsr {
    /** Cycle counter, low word. In the model: PE issue slots so far (see docs/pe-isa.md). */
    public static final int CYCLE = 0xC00;
    /** Instructions retired by this thread, low word. */
    public static final int INSTRET = 0xC02;
    /** Cycle counter, high word. */
    public static final int CYCLEH = 0xC80;
    /** Instructions retired, high word. */
    public static final int INSTRETH = 0xC82;
    /** (peId << 4) | threadId. */
    public static final int MHARTID = 0xF14;
    /** Custom: hardware thread index 0..T-1. */
    public static final int THREAD_ID = 0xFC0;
    /** Custom: PE index in the array. */
    public static final int PE_ID = 0xFC1;
    /** Custom: number of hardware threads T of this PE. */
    public static final int THREAD_COUNT = 0xFC2;
    /** Dispatcher: claims the next work-item and returns its global id, -1 when none is left. */
    public static final int WORK_NEXT = 0xFC3;
    /** Dispatcher: global id of the thread's current work-item (-1 before its first claim and after the end). */
    public static final int GLOBAL_ID = 0xFC4;
    /** Dispatcher: index of the current work-item in its work-group (-1 likewise). */
    public static final int LOCAL_ID = 0xFC5;
    /** Dispatcher: work-group of the current work-item (-1 likewise). */
    public static final int GROUP_ID = 0xFC6;
    /** Dispatcher: work-items in the launch. */
    public static final int GLOBAL_SIZE = 0xFC7;
    /** Dispatcher: work-items per work-group (0 = one group). */
    public static final int LOCAL_SIZE = 0xFC8;
    /** First CSR reserved for the dispatcher (work-item ids etc.). */
    public static final int DISPATCH_RESERVED_FIRST = 0xFC3;
    /** Last CSR reserved for the dispatcher. */
    public static final int DISPATCH_RESERVED_LAST = 0xFCF;

    private PeCsr() {
    }

    /** Whether a read of {@code csr} depends on timing (RTL and model may differ: compare the rest). */
    public static boolean isTimingDependent(int csr) {
        return csr == CYCLE || csr == CYCLEH;
    }
}
