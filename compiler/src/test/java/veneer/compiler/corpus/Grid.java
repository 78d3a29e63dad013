package veneer.compiler.corpus;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.globalSize;

/** 2-D kernels that show whether every work-item ran exactly once with the right ids. */
public final class Grid {
  private Grid() {
  }

  /** Adds (so a work-item run twice shows) a value naming x and y; reads a[] (shorter arrays fail on bounds). */
  @Kernel
  public static void visit(int[] a, int[] out) {
    int x = globalId(0);
    int y = globalId(1);
    int i = y * globalSize(0) + x;
    out[i] += 1 + x * 100 + y * 10000 + a[i];
  }
}
