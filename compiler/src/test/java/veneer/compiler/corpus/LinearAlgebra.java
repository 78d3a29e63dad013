package veneer.compiler.corpus;

import veneer.kernel.Kernel;
import veneer.kernel.Local;

import static veneer.kernel.WorkItem.barrier;
import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.globalSize;
import static veneer.kernel.WorkItem.localId;
import static veneer.kernel.WorkItem.localSize;
import static veneer.kernel.WorkItem.groupId;

/** Vector and matrix kernels. */
public final class LinearAlgebra {
  private LinearAlgebra() {
  }

  /** y = a*x + y in Q16.16 fixed point. */
  @Kernel
  public static void saxpy(int a, int[] x, int[] y) {
    int i = globalId(0);
    if (i < y.length) {
      y[i] = (int) (((long) a * x[i]) >> 16) + y[i];
    }
  }

  /** Each work-item sums a strided slice of a*b into out[id] (long accumulation). */
  @Kernel
  public static void dot(int[] a, int[] b, long[] out) {
    int id = globalId(0);
    int n = globalSize(0);
    long sum = 0;
    for (int i = id; i < a.length; i += n) {
      sum += (long) a[i] * b[i];
    }
    out[id] = sum;
  }

  /** Work-group tree reduction in local memory; one partial sum per group. */
  @Kernel
  public static void reduce(int[] in, int[] partial, @Local int[] scratch) {
    int l = localId(0);
    int g = globalId(0);
    scratch[l] = g < in.length ? in[g] : 0;
    barrier();
    for (int s = localSize(0) / 2; s > 0; s >>= 1) {
      if (l < s) {
        scratch[l] += scratch[l + s];
      }
      barrier();
    }
    if (l == 0) {
      partial[groupId(0)] = scratch[0];
    }
  }

  /** Inclusive prefix sum of one row per work-item. */
  @Kernel
  public static void prefixSum(int[] data, int rowLength) {
    int base = globalId(0) * rowLength;
    int acc = 0;
    for (int i = 0; i < rowLength; i++) {
      acc += data[base + i];
      data[base + i] = acc;
    }
  }

  /** C = A * B for n x n matrices; one work-item per element (2-D range). */
  @Kernel
  public static void matmul(int[] a, int[] b, int[] c, int n) {
    int row = globalId(1);
    int col = globalId(0);
    int sum = 0;
    for (int k = 0; k < n; k++) {
      sum += a[row * n + k] * b[k * n + col];
    }
    c[row * n + col] = sum;
  }

  /** out = in transposed (in is h x w). */
  @Kernel
  public static void transpose(short[] in, short[] out, int w, int h) {
    int x = globalId(0);
    int y = globalId(1);
    if (x < w && y < h) {
      out[x * h + y] = in[y * w + x];
    }
  }

  /** 3x3 convolution with clamped borders. */
  @Kernel
  public static void convolve(int[] img, int[] kernel3x3, int[] out, int w, int h) {
    int x = globalId(0);
    int y = globalId(1);
    int acc = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int sx = Math.min(Math.max(x + dx, 0), w - 1);
        int sy = Math.min(Math.max(y + dy, 0), h - 1);
        acc += img[sy * w + sx] * kernel3x3[(dy + 1) * 3 + dx + 1];
      }
    }
    out[y * w + x] = acc >> 4;
  }

  /** 1-D three-point stencil; the ends are copied. */
  @Kernel
  public static void stencil(int[] in, int[] out) {
    int i = globalId(0);
    if (i == 0 || i == in.length - 1) {
      out[i] = in[i];
    } else {
      out[i] = (in[i - 1] + 2 * in[i] + in[i + 1]) / 4;
    }
  }

  /** Sums every element of a (used for the null-array case). */
  @Kernel
  public static void sumAll(int[] a, int[] out) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    out[globalId(0)] = s;
  }
}
