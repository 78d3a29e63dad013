package veneer.runtime;

import veneer.kernel.Kernel;
import veneer.kernel.WorkItem;

final class TestKernels {
  private TestKernels() {}

  @Kernel
  static void add(int[] a, int[] b, int[] c) {
    int i = WorkItem.globalId(0);
    c[i] = a[i] + b[i];
  }
}
