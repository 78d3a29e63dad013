package veneer.isa.pe;

/**
 * One work-item as the dispatcher CSRs show it: global id (CSR 0xFC4), local id in its
 * work-group (0xFC5) and work-group id (0xFC6). {@link #NONE} (all -1) is what a thread holds
 * before its first claim and after a claim found no work left.
 *
 * <pre>{@code
 * WorkItem w = WorkItem.of(17, 8);   // global 17, local 1, group 2
 * }</pre>
 */
public record WorkItem(int globalId, int localId, int groupId) {
  /** No work-item: every id -1. */
  public static final WorkItem NONE = new WorkItem(-1, -1, -1);

  /**
   * The ids the hardware dispatcher gives global id {@code globalId} for work-groups of
   * {@code localSize} items (unsigned arithmetic): local = global mod size, group = global / size;
   * {@code localSize} 0 means one group of the whole launch (local = global, group = 0). A
   * {@code globalId} of -1 gives {@link #NONE}.
   */
  public static WorkItem of(int globalId, int localSize) {
    if (globalId == -1) {
      return NONE;
    }
    if (localSize == 0) {
      return new WorkItem(globalId, globalId, 0);
    }
    return new WorkItem(globalId, Integer.remainderUnsigned(globalId, localSize),
        Integer.divideUnsigned(globalId, localSize));
  }

  /** Whether this is a real work-item (not {@link #NONE}). */
  public boolean present() {
    return globalId != -1;
  }
}
