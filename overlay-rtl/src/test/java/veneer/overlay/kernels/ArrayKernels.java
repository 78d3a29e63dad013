package veneer.overlay.kernels;

import static veneer.kernel.WorkItem.barrier;
import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.groupId;
import static veneer.kernel.WorkItem.localId;
import static veneer.kernel.WorkItem.localSize;

import veneer.kernel.Kernel;
import veneer.kernel.Local;

/** Java kernels run on the RTL PE array (the same ones as the compiler's corpus). */
public final class ArrayKernels {
  private ArrayKernels() {}

  /** c[i] = a[i] + b[i]; fails on bounds when the range is longer than the arrays. */
  @Kernel
  public static void vectorAdd(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i];
  }

  /** c = a * b for n x n matrices, one work-item per element over a 2-D range. */
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

  /** 3x3 convolution with clamped edges, one work-item per output pixel over a 2-D range. */
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

  /** Per-work-item histogram of the high nibbles of a chunk of bytes (16 bins per item). */
  @Kernel
  public static void histogram(byte[] data, int[] bins, int chunk) {
    int id = globalId(0);
    int start = id * chunk;
    int end = Math.min(start + chunk, data.length);
    for (int i = start; i < end; i++) {
      bins[id * 16 + ((data[i] & 0xFF) >> 4)]++;
    }
  }

  /** Work-group sum with a {@code @Local} array and barriers (team mode). */
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

  /** A dense switch (compiled to a jump table) on every 3-bit field of the input. */
  @Kernel
  public static void classify(int[] a, int[] out) {
    int i = globalId(0);
    int acc = 0;
    for (int k = 0; k < 4; k++) {
      switch ((a[i] >> (3 * k)) & 7) {
        case 0: acc += 1; break;
        case 1: acc *= 3; break;
        case 2:
        case 3: acc -= k; break;
        case 5: acc ^= 0x55; break;
        case 6: acc += a[i]; break;
        case 7: acc = acc << 1; break;
        default: acc--;
      }
    }
    out[i] = acc;
  }
}
