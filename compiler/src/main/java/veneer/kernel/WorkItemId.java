package veneer.kernel;

import java.util.Arrays;

/**
 * The identity of one work-item in a {@link WorkRange}: what the built-ins of {@link WorkItem}
 * answer while it runs.
 */
public final class WorkItemId {
  private final WorkRange range;
  private final int[] global;
  private final int[] local;
  private final int[] group;

  WorkItemId(WorkRange range, int[] global, int[] local, int[] group) {
    this.range = range;
    this.global = global;
    this.local = local;
    this.group = group;
  }

  /** The range this item belongs to. */
  public WorkRange range() {
    return range;
  }

  public int globalId(int d) {
    return d >= 0 && d < 3 ? global[d] : 0;
  }

  public int localId(int d) {
    return d >= 0 && d < 3 ? local[d] : 0;
  }

  public int groupId(int d) {
    return d >= 0 && d < 3 ? group[d] : 0;
  }

  /** Row-major linear global index (x fastest): the order in which failures are ranked. */
  public int linearGlobalId() {
    return global[0] + range.globalSize(0) * (global[1] + range.globalSize(1) * global[2]);
  }

  @Override
  public String toString() {
    return "work-item " + Arrays.toString(global);
  }
}
