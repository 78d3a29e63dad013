package veneer.compiler.corpus;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;

/** c[i] = a[i] + b[i]. */
public final class VectorAdd {
  private VectorAdd() {
  }

  @Kernel
  public static void add(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i];
  }
}
