package veneer.compiler.corpus;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;
import static veneer.kernel.WorkItem.globalSize;

/** Irregular kernels: sorting, searching, graphs, encodings. */
public final class Algorithms {
  private Algorithms() {
  }

  /** Per-work-item histogram of a chunk, into the item's own row of bins. */
  @Kernel
  public static void histogram(byte[] data, int[] bins, int chunk) {
    int id = globalId(0);
    int start = id * chunk;
    int end = Math.min(start + chunk, data.length);
    for (int i = start; i < end; i++) {
      bins[id * 16 + ((data[i] & 0xFF) >> 4)]++;
    }
  }

  /** One compare-exchange step of a bitonic sorting network. */
  @Kernel
  public static void bitonicStep(int[] a, int j, int k) {
    int i = globalId(0);
    int l = i ^ j;
    if (l > i) {
      boolean up = (i & k) == 0;
      if ((a[i] > a[l]) == up) {
        int t = a[i];
        a[i] = a[l];
        a[l] = t;
      }
    }
  }

  /** Counts occurrences of a pattern starting at each position (naive search). */
  @Kernel
  public static void search(char[] text, char[] pattern, boolean[] match) {
    int i = globalId(0);
    if (i + pattern.length > text.length) {
      match[i] = false;
      return;
    }
    for (int k = 0; k < pattern.length; k++) {
      if (text[i + k] != pattern[k]) {
        match[i] = false;
        return;
      }
    }
    match[i] = true;
  }

  /** Run-length encodes one row per work-item into (value, count) pairs; returns pairs used. */
  @Kernel
  public static void runLength(byte[] in, byte[] out, int[] used, int row) {
    int id = globalId(0);
    int base = id * row;
    int o = base * 2;
    int i = 0;
    int pairs = 0;
    while (i < row) {
      byte v = in[base + i];
      int n = 1;
      while (i + n < row && in[base + i + n] == v && n < 127) {
        n++;
      }
      out[o++] = v;
      out[o++] = (byte) n;
      i += n;
      pairs++;
    }
    used[id] = pairs;
  }

  /** One BFS step over a CSR graph: vertices on the frontier mark unvisited neighbours. */
  @Kernel
  public static void bfsStep(int[] rowStart, int[] edges, int[] level, int current) {
    int v = globalId(0);
    if (level[v] != current) {
      return;
    }
    for (int e = rowStart[v]; e < rowStart[v + 1]; e++) {
      int w = edges[e];
      if (level[w] < 0) {
        level[w] = current + 1;
      }
    }
  }

  /** Classifies values with a dense switch and a sparse one. */
  @Kernel
  public static void switches(int[] a, int[] out) {
    int i = globalId(0);
    int x = a[i];
    int r;
    switch (x & 7) {
      case 0: r = 10; break;
      case 1: r = x * 3; break;
      case 2:
      case 3: r = -x; break;
      case 5: r = x >> 1; // fall through
      case 6: r = x + 6; break;
      default: r = 0;
    }
    switch (x % 1000) {
      case -500: r += 1; break;
      case 7: r += 2; break;
      case 100: r += 3; break;
      case 999: r += 4; break;
      case 123456: r += 5; break;
      default: r -= 1;
    }
    out[i] = r;
  }

  static int clampedAverage(int[] a, int from, int to) {
    if (from >= to) {
      return 0;
    }
    int s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s / (to - from);
  }

  /** Moving average through a helper method (inlined). */
  @Kernel
  public static void movingAverage(int[] a, int[] out, int window) {
    int i = globalId(0);
    out[i] = clampedAverage(a, Math.max(0, i - window), i + 1);
  }

  static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  /** A recursive helper stays a call. */
  @Kernel
  public static void recursive(int[] n, int[] out) {
    int i = globalId(0);
    out[i] = fib(n[i] & 15);
  }

  /** do/while, while, labelled continue and break. */
  @Kernel
  public static void loops(int[] a, int[] out) {
    int i = globalId(0);
    int x = a[i];
    int acc = 0;
    int k = 0;
    do {
      acc += x >> k;
      k++;
    } while (k < 5);
    outer:
    for (int p = 0; p < 6; p++) {
      for (int q = 0; q < 6; q++) {
        if (((p * q + x) & 3) == 0) {
          continue outer;
        }
        if (p + q > 8) {
          break outer;
        }
        acc += p ^ q;
      }
    }
    boolean b = x > 0;
    acc += b ? 1 : 2;
    out[i] = acc + (a.length > 3 && x != 0 ? 1 : 0);
  }

  /** Strided loop over a global range. */
  @Kernel
  public static void scale(int[] a, int factor) {
    for (int i = globalId(0); i < a.length; i += globalSize(0)) {
      a[i] = a[i] * factor;
    }
  }
}
