package veneer.compiler.pass;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;

/** Small kernels for the golden tests of each pass. */
final class Small {
  private Small() {
  }

  static int twice(int x) {
    return x + x;
  }

  @Kernel
  static void inlineMe(int[] a) {
    a[0] = twice(a[1]);
  }

  @Kernel
  static void constants(int[] a) {
    int x = 6;
    int y = x * 7;
    if (y > 40) {
      a[0] = y / 2;
    } else {
      a[0] = -1;
    }
  }

  @Kernel
  static void dead(int[] a, int p) {
    int unused = p * 3 + 1;
    a[0] = p;
  }

  @Kernel
  static void common(int[] a, int p, int q) {
    a[0] = (p + q) * (q + p);
  }

  @Kernel
  static void invariant(int[] a, int p, int q) {
    for (int i = 0; i < 8; i++) {
      a[i] = p * q + i;
    }
  }

  @Kernel
  static void strength(int[] a, int p) {
    a[0] = p * 8 + p / 4 + p % 16 + p / 7;
  }

  @Kernel
  static void bounds(int[] a) {
    int i = globalId(0);
    if (i < a.length) {
      a[i] = i;
    }
  }
}
