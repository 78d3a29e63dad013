package veneer.examples;

import static veneer.kernel.WorkItem.globalId;

import java.util.List;
import veneer.kernel.Kernel;
import veneer.kernel.WorkRange;
import veneer.runtime.KernelHandle;
import veneer.runtime.User;

/**
 * Matrix multiply of two {@code n x n} int matrices stored row by row: one work-item per
 * element of the product, on a 2-D range.
 *
 * <pre>{@code
 * int[] c = MatrixMultiply.onDevice(dev.user(), a, b, n).output();
 * }</pre>
 */
public final class MatrixMultiply {
  private MatrixMultiply() {}

  @Kernel
  public static void multiply(int[] a, int[] b, int[] c, int n) {
    int col = globalId(0);
    int row = globalId(1);
    int sum = 0;
    for (int k = 0; k < n; k++) {
      sum += a[row * n + k] * b[k * n + col];
    }
    c[row * n + col] = sum;
  }

  /** The host program. */
  public static HostRun<int[]> onDevice(User user, int[] a, int[] b, int n) {
    KernelHandle mm = user.kernel(MatrixMultiply.class, "multiply");
    int[] c = new int[n * n];
    return new HostRun<>(c, List.of(mm.launch(WorkRange.of2d(n, n, 1, 1), a, b, c, n)), mm.compileNanos());
  }
}
