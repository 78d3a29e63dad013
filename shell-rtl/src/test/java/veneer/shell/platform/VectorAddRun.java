package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import veneer.shell.role.KernelControl;
import veneer.shell.role.VectorAddKernel;

/**
 * One run of the vector-add kernel through PF1: seeded inputs in DRAM (through the back door, or
 * by DMA as a host program would), arguments, start, check.
 */
final class VectorAddRun {
  final long a;
  final long b;
  final long c;
  final int n;
  final int[] expected;
  private final long seed;
  private final boolean dma;

  /** Arrays at 64-byte aligned addresses chosen to straddle 4 KiB boundaries, set up through the back door. */
  VectorAddRun(PlatformDriver dev, long seed, long a, long b, long c, int n) {
    this(dev, seed, a, b, c, n, false);
  }

  /** The same, the inputs copied to DRAM and the result read back through the DMA engine when {@code dma}. */
  VectorAddRun(PlatformDriver dev, long seed, long a, long b, long c, int n, boolean dma) {
    this.dma = dma;
    this.a = a;
    this.b = b;
    this.c = c;
    this.n = n;
    this.seed = seed;
    Random r = new Random(seed);
    int[] av = new int[n];
    int[] bv = new int[n];
    expected = new int[n];
    for (int i = 0; i < n; i++) {
      av[i] = r.nextInt();
      bv[i] = r.nextInt();
      expected[i] = av[i] + bv[i];
    }
    if (dma) {
      dev.copyToCard(a, bytes(av));
      dev.copyToCard(b, bytes(bv));
      dev.copyToCard(c, new byte[4 * n]);
    } else {
      dev.writeDramInts(a, av);
      dev.writeDramInts(b, bv);
      dev.writeDramInts(c, new int[n]);
    }
  }

  static byte[] bytes(int[] v) {
    byte[] b = new byte[4 * v.length];
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < 4; k++) {
        b[4 * i + k] = (byte) (v[i] >>> (8 * k));
      }
    }
    return b;
  }

  static int[] ints(byte[] b) {
    int[] v = new int[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      for (int k = 0; k < 4; k++) {
        v[i] |= (b[4 * i + k] & 0xFF) << (8 * k);
      }
    }
    return v;
  }

  /** Writes the arguments through PF1 BAR0 and starts the kernel. */
  void start(PlatformDriver dev) {
    long[] args = {a, a >>> 32, b, b >>> 32, c, c >>> 32, n};
    for (int i = 0; i < args.length; i++) {
      dev.roleWrite(KernelControl.ARGS + 4L * i, args[i] & 0xFFFF_FFFFL);
    }
    dev.roleWrite(KernelControl.CONTROL, 1);
  }

  /** Polls STATUS through PF1 until done; returns the last STATUS value. */
  long pollDone(PlatformDriver dev, int maxPolls) {
    for (int i = 0; i < maxPolls; i++) {
      long s = dev.roleRead(KernelControl.STATUS);
      if ((s & 0b10) != 0) {
        return s;
      }
    }
    throw new AssertionError("the kernel was not done after " + maxPolls + " STATUS polls (seed " + seed + ")");
  }

  void checkResult(PlatformDriver dev) {
    int[] got = dma ? ints(dev.copyFromCard(c, 4 * n)) : dev.readDramInts(c, n);
    assertArrayEquals(expected, got, "c = a + b in DRAM" + (dma ? ", read by DMA" : "") + " (seed " + seed + ")");
  }

  static final long KERNEL_ID = VectorAddKernel.KERNEL_ID;
}
