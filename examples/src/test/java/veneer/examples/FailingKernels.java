package veneer.examples;

import static veneer.kernel.WorkItem.globalId;

import veneer.kernel.Kernel;

/** Kernels that fail the way Java fails, for the error-path tests. */
final class FailingKernels {
  private FailingKernels() {}

  @Kernel
  static void shiftLeft(int[] a, int[] out) {
    int i = globalId(0);
    out[i] = a[i + 1];
  }

  @Kernel
  static void divide(int[] a, int[] b, int[] out) {
    int i = globalId(0);
    out[i] = a[i] / b[i];
  }

  @Kernel
  static void spin(int[] out, int rounds) {
    int i = globalId(0);
    int x = i;
    for (int r = 0; r < rounds; r++) {
      x = x * 1103515245 + 12345;
    }
    out[i] = x;
  }

  /** Pointer chasing: every round waits for a DRAM load, so a launch always has loads in flight. */
  @Kernel
  static void chase(int[] next, int[] out, int rounds) {
    int i = globalId(0);
    int p = i;
    for (int r = 0; r < rounds; r++) {
      p = next[p];
    }
    out[i] = p;
  }
}
