package veneer.compiler.corpus;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;

/** Checksums, hashes and fixed-point iteration. */
public final class Crypto {
  private Crypto() {
  }

  /** Bitwise CRC-32 (IEEE, reflected) of one block per work-item. */
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

  /** One SHA-256 compression of a 16-word block per work-item; k holds the 64 round constants. */
  @Kernel
  public static void sha256(int[] blocks, int[] k, int[] state, int[] w) {
    int id = globalId(0);
    int wb = id * 64;
    for (int t = 0; t < 16; t++) {
      w[wb + t] = blocks[id * 16 + t];
    }
    for (int t = 16; t < 64; t++) {
      int x = w[wb + t - 15];
      int y = w[wb + t - 2];
      int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
      int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
      w[wb + t] = w[wb + t - 16] + s0 + w[wb + t - 7] + s1;
    }
    int sb = id * 8;
    int a = state[sb], b = state[sb + 1], c = state[sb + 2], d = state[sb + 3];
    int e = state[sb + 4], f = state[sb + 5], g = state[sb + 6], h = state[sb + 7];
    for (int t = 0; t < 64; t++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int ch = (e & f) ^ (~e & g);
      int t1 = h + s1 + ch + k[t] + w[wb + t];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int maj = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[sb] += a;
    state[sb + 1] += b;
    state[sb + 2] += c;
    state[sb + 3] += d;
    state[sb + 4] += e;
    state[sb + 5] += f;
    state[sb + 6] += g;
    state[sb + 7] += h;
  }

  /** Mandelbrot iteration counts in Q4.12 fixed point (2-D range). */
  @Kernel
  public static void mandelbrot(int[] counts, int width, int height, int maxIter) {
    int px = globalId(0);
    int py = globalId(1);
    int cx = -2 * 4096 + px * 3 * 4096 / width;
    int cy = -4096 - 512 + py * 9 * 512 / height;
    int x = 0;
    int y = 0;
    int n = 0;
    while (n < maxIter && x * x + y * y < 4 * 4096 * 4096) {
      int xt = ((x * x - y * y) >> 12) + cx;
      y = ((2 * x * y) >> 12) + cy;
      x = xt;
      n++;
    }
    counts[py * width + px] = n;
  }

  /** xorshift64 pseudo-random stream per work-item. */
  @Kernel
  public static void xorshift(long[] seeds, long[] out, int rounds) {
    int id = globalId(0);
    long s = seeds[id] | 1;
    for (int r = 0; r < rounds; r++) {
      s ^= s << 13;
      s ^= s >>> 7;
      s ^= s << 17;
    }
    out[id] = s;
  }

  /** Adler-32 of a block per work-item (division by a non-power-of-two constant). */
  @Kernel
  public static void adler32(byte[] data, int[] sums, int block) {
    int id = globalId(0);
    int a = 1;
    int b = 0;
    for (int i = 0; i < block; i++) {
      a = (a + (data[id * block + i] & 0xFF)) % 65521;
      b = (b + a) % 65521;
    }
    sums[id] = (b << 16) | a;
  }
}
