package veneer.compiler.coarsen;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.globalSize;
import static veneer.kernel.WorkItem.groupId;
import static veneer.kernel.WorkItem.localId;

/** Kernels for the work-item coarsening tests: what may be coarsened, what may not, and where it can fail. */
public final class Coarse {
  private Coarse() {
  }

  @Kernel
  public static void add(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i]; // add
  }

  /** A division check stays in every copy: a zero divisor fails inside a block. */
  @Kernel
  public static void divide(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] / b[i]; // divide
  }

  /** a[i + 1] is not indexed by the work-item, so its bounds check stays in every copy. */
  @Kernel
  public static void next(int[] a, int[] c) {
    int i = globalId(0);
    c[i] = a[i + 1] * 3; // next
  }

  /** Items depend on each other (item i writes what item i + 1 reads): one thread must run them in order. */
  @Kernel
  public static void chain(int[] a) {
    int i = globalId(0);
    a[i + 1] = a[i] + 1; // chain
  }

  /** 64-bit elements: two words per access. */
  @Kernel
  public static void mixLongs(long[] a, long[] b, long[] out) {
    int i = globalId(0);
    out[i] = a[i] * 3 - (b[i] >> 7) + i;
  }

  /** Sub-word elements of several types. */
  @Kernel
  public static void narrow(byte[] b, short[] s, char[] c, boolean[] f, int[] out) {
    int i = globalId(0);
    f[i] = (b[i] & 1) == 0;
    s[i] = (short) (s[i] + c[i]);
    out[i] = b[i] + s[i] + c[i] + (f[i] ? 1000 : 0);
  }

  /** globalSize(0) is the launch's size, not the number of blocks. */
  @Kernel
  public static void sizes(int[] out) {
    int i = globalId(0);
    out[i] = globalSize(0) * 1000 + i;
  }

  /** Guarded by a range test instead of a bounds check. */
  @Kernel
  public static void guarded(int[] x, int[] y) {
    int i = globalId(0);
    if (i < y.length) {
      y[i] = x[i] * 2 + y[i];
    }
  }

  /** 2-D, x coarsened: every row writes the same values (so rows may run in any order). */
  @Kernel
  public static void rows(int[] a, int[] out) {
    int i = globalId(0);
    out[i] = a[i] * 3 + globalSize(1); // rows
  }

  /** 2-D with a computed index: not coarsened (its bounds check stays in every copy). */
  @Kernel
  public static void grid(int[] out) {
    int x = globalId(0);
    int y = globalId(1);
    out[y * globalSize(0) + x] += 1 + x + 1000 * y; // grid
  }

  /** A loop and branches in the body. */
  @Kernel
  public static void loops(int[] a, int[] out) {
    int i = globalId(0);
    int s = 0;
    for (int k = 0; k <= (a[i] & 7); k++) {
      s += k % 3 == 0 ? k : -k;
    }
    out[i] = s;
  }

  // not coarsened

  @Kernel
  public static void local(int[] out) {
    out[globalId(0)] = localId(0);
  }

  @Kernel
  public static void group(int[] out) {
    out[globalId(0)] = groupId(0);
  }

  @Kernel
  public static void recursive(int[] a, int[] out) {
    int i = globalId(0);
    out[i] = fib(a[i] & 7);
  }

  private static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }
}
