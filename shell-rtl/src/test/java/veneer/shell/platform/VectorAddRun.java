package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import veneer.shell.role.KernelControl;
import veneer.shell.role.VectorAddKernel;

/** One run of the vector-add kernel through PF1: seeded inputs in DRAM, arguments, start, check. */
final class VectorAddRun {
  final long a;
  final long b;
  final long c;
  final int n;
  final int[] expected;
  private final long seed;

  /** Arrays at 64-byte aligned addresses chosen to straddle 4 KiB boundaries. */
  VectorAddRun(PlatformDriver dev, long seed, long a, long b, long c, int n) {
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
    dev.writeDramInts(a, av);
    dev.writeDramInts(b, bv);
    dev.writeDramInts(c, new int[n]);
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
    assertArrayEquals(expected, dev.readDramInts(c, n), "c = a + b in DRAM (seed " + seed + ")");
  }

  static final long KERNEL_ID = VectorAddKernel.KERNEL_ID;
}
