package veneer.kernel;

import java.util.Arrays;

/**
 * The index space of a launch: a global size and a work-group (local) size in up to three
 * dimensions. The global size must be a multiple of the local size in every dimension.
 *
 * <pre>{@code
 * WorkRange r = WorkRange.of(1024, 64);          // 1-D, 16 groups of 64
 * WorkRange m = WorkRange.of2d(16, 16, 4, 4);    // 2-D, 4x4 groups of 4x4
 * }</pre>
 */
public final class WorkRange {
  private final int[] global;
  private final int[] local;

  private WorkRange(int[] global, int[] local) {
    for (int d = 0; d < 3; d++) {
      if (global[d] <= 0 || local[d] <= 0) {
        throw new IllegalArgumentException("work range sizes must be positive, found global "
            + Arrays.toString(global) + " local " + Arrays.toString(local));
      }
      if (global[d] % local[d] != 0) {
        throw new IllegalArgumentException("global size " + global[d] + " in dimension " + d
            + " is not a multiple of the local size " + local[d]);
      }
    }
    this.global = global;
    this.local = local;
  }

  /** A 1-D range of {@code global} work-items in groups of one. */
  public static WorkRange of(int global) {
    return of(global, 1);
  }

  /** A 1-D range of {@code global} work-items in groups of {@code local}. */
  public static WorkRange of(int global, int local) {
    return new WorkRange(new int[] {global, 1, 1}, new int[] {local, 1, 1});
  }

  /** A 2-D range. */
  public static WorkRange of2d(int globalX, int globalY, int localX, int localY) {
    return new WorkRange(new int[] {globalX, globalY, 1}, new int[] {localX, localY, 1});
  }

  /** Global size in dimension {@code d} (1 for d outside 0..2). */
  public int globalSize(int d) {
    return d >= 0 && d < 3 ? global[d] : 1;
  }

  /** Local (work-group) size in dimension {@code d} (1 for d outside 0..2). */
  public int localSize(int d) {
    return d >= 0 && d < 3 ? local[d] : 1;
  }

  /** Number of work-groups in dimension {@code d}. */
  public int groupCount(int d) {
    return globalSize(d) / localSize(d);
  }

  /** Total number of work-groups. */
  public int groupCount() {
    return groupCount(0) * groupCount(1) * groupCount(2);
  }

  /** Work-items per group. */
  public int groupSize() {
    return local[0] * local[1] * local[2];
  }

  /** Work-item coordinates of local item {@code localLinear} in group {@code groupLinear}. */
  public WorkItemId item(int groupLinear, int localLinear) {
    int[] group = unlinear(groupLinear, groupCount(0), groupCount(1));
    int[] loc = unlinear(localLinear, local[0], local[1]);
    int[] glob = new int[3];
    for (int d = 0; d < 3; d++) {
      glob[d] = group[d] * local[d] + loc[d];
    }
    return new WorkItemId(this, glob, loc, group);
  }

  private static int[] unlinear(int linear, int nx, int ny) {
    return new int[] {linear % nx, (linear / nx) % ny, linear / (nx * ny)};
  }

  @Override
  public String toString() {
    return "global " + Arrays.toString(global) + " local " + Arrays.toString(local);
  }
}
