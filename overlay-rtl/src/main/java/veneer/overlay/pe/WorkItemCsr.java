package veneer.overlay.pe;

import veneer.isa.pe.PeCsr;

/**
 * The dispatcher's CSRs, in the range that {@link PeCsr} reserves for it (0xFC3..0xFCF). All are
 * read-only. Reading {@link #WORK_NEXT} claims the next work-item for the reading thread and
 * returns its global id, or -1 once every work-item of the launch has been handed out; the
 * other ids then describe the claimed item. See docs/overlay-array.md.
 *
 * <pre>{@code
 * loop: csrr  a0, 0xfc3      # a0 = next global id, or -1
 *       bltz  a0, done
 *       ...                  # process work-item a0 (csrr a1, 0xfc5 for its local id)
 *       j     loop
 * }</pre>
 *
 * <p>The reference model {@code veneer.isa.pe.PeModel} implements the same CSRs; the array
 * lockstep feeds each PE's model the ids this PE was granted ({@code veneer.overlay.run.GrantedWorkItems}).
 */
public final class WorkItemCsr {
  /** Claims the next work-item and returns its global id; -1 when all are handed out. */
  public static final int WORK_NEXT = 0xFC3;
  /** Global id of the thread's current work-item (-1 before its first claim and after the end). */
  public static final int GLOBAL_ID = 0xFC4;
  /** Local id (index in its work-group) of the current work-item. */
  public static final int LOCAL_ID = 0xFC5;
  /** Work-group id of the current work-item. */
  public static final int GROUP_ID = 0xFC6;
  /** Work-items in the launch. */
  public static final int GLOBAL_SIZE = 0xFC7;
  /** Work-items per work-group. */
  public static final int LOCAL_SIZE = 0xFC8;

  private WorkItemCsr() {}

  static {
    if (WORK_NEXT != PeCsr.DISPATCH_RESERVED_FIRST || LOCAL_SIZE > PeCsr.DISPATCH_RESERVED_LAST) {
      throw new AssertionError("dispatcher CSRs must lie in PeCsr's reserved range");
    }
  }
}
