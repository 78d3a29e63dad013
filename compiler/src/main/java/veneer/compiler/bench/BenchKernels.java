package veneer.compiler.bench;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.globalSize;

/**
 * The kernels of the compiler benchmark (the same code as their corpus twins in the tests), each
 * with a hand-written assembly version in {@code veneer/compiler/bench/*.s}.
 */
public final class BenchKernels {
  private BenchKernels() {
  }

  /** c = a + b. */
  @Kernel
  public static void vectorAdd(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i];
  }

  /** y = a*x + y in Q16.16. */
  @Kernel
  public static void saxpy(int a, int[] x, int[] y) {
    int i = globalId(0);
    if (i < y.length) {
      y[i] = (int) (((long) a * x[i]) >> 16) + y[i];
    }
  }

  /** Strided partial dot products with 64-bit accumulation. */
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

  /** Per-item histogram of a chunk of bytes into 16 bins. */
  @Kernel
  public static void histogram(byte[] data, int[] bins, int chunk) {
    int id = globalId(0);
    int start = id * chunk;
    int end = Math.min(start + chunk, data.length);
    for (int i = start; i < end; i++) {
      bins[id * 16 + ((data[i] & 0xFF) >> 4)]++;
    }
  }

  /** Bitwise CRC-32 of one block per item. */
  @Kernel
  public static void crc32(byte[] data, int[] crcs, int block) {
    int id = globalId(0);
    int crc = 0xFFFFFFFF;
    for (int i = id * block; i < (id + 1) * block; i++) {
      crc ^= data[i] & 0xFF;
      for (int b = 0; b < 8; b++) {
        crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
      }
    }
    crcs[id] = ~crc;
  }
}
