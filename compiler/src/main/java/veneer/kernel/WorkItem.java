package veneer.kernel;

/**
 * The built-ins a kernel calls to learn which work-item it is. On the overlay they read
 * processing-element registers; on the JVM (inside {@link JvmKernelRunner}) they read the
 * work-item of the calling thread, so the plain Java method gives the reference result.
 *
 * <pre>{@code
 * import static veneer.kernel.WorkItem.*;
 * int i = globalId(0);
 * }</pre>
 */
public final class WorkItem {
  private static final ThreadLocal<WorkItemId> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Runnable> BARRIER = new ThreadLocal<>();

  private WorkItem() {
  }

  /** Global index in dimension {@code dim}; 0 for a dimension the range does not have. */
  public static int globalId(int dim) {
    return current().globalId(dim);
  }

  /** Index inside the work-group in dimension {@code dim}. */
  public static int localId(int dim) {
    return current().localId(dim);
  }

  /** Index of the work-group in dimension {@code dim}. */
  public static int groupId(int dim) {
    return current().groupId(dim);
  }

  /** Global size in dimension {@code dim}; 1 for a dimension the range does not have. */
  public static int globalSize(int dim) {
    return current().range().globalSize(dim);
  }

  /** Work-group size in dimension {@code dim}. */
  public static int localSize(int dim) {
    return current().range().localSize(dim);
  }

  /** Number of work-groups in dimension {@code dim}. */
  public static int numGroups(int dim) {
    return current().range().groupCount(dim);
  }

  /**
   * Waits until every work-item of the group that has not finished reaches a barrier; makes
   * {@link Local} memory written before it visible to the group after it.
   */
  public static void barrier() {
    current();
    BARRIER.get().run();
  }

  private static WorkItemId current() {
    WorkItemId id = CURRENT.get();
    if (id == null) {
      throw new IllegalStateException(
          "a WorkItem built-in was called outside a kernel launch; run kernels with JvmKernelRunner");
    }
    return id;
  }

  static void enter(WorkItemId id, Runnable barrier) {
    CURRENT.set(id);
    BARRIER.set(barrier);
  }

  static void leave() {
    CURRENT.remove();
    BARRIER.remove();
  }
}
