package veneer.examples;

import veneer.runtime.Buffer;
import veneer.runtime.User;
import veneer.shell.role.KernelControl;
import veneer.shell.role.VectorAddKernel;

/**
 * The host program of an RTL kernel: the {@link VectorAddKernel} Role (variant 1), driven
 * through its {@link KernelControl} registers in PF1 BAR0 — arguments, start, the done
 * interrupt — with the data in device buffers. {@code n} must be a multiple of 16 (the Role
 * works on whole 512-bit bus words).
 *
 * <pre>{@code
 * try (Device dev = ExampleDevice.openWithRtlVectorAdd("sim:jvm")) {
 *   int[] c = RtlVectorAdd.onDevice(dev.user(), a, b).output();
 * }
 * }</pre>
 */
public final class RtlVectorAdd {
  /** Device cycles to wait for the done interrupt per element, plus a fixed allowance. */
  private static final long CYCLES_PER_ELEMENT = 16;

  private RtlVectorAdd() {}

  /** What a run gave: {@code c} and the Role's own cycle count (start to done). */
  public record Result(int[] output, long cycles) {}

  /** The host program. */
  public static Result onDevice(User user, int[] a, int[] b) {
    int n = a.length;
    if (n % 16 != 0 || b.length != n) {
      throw new IllegalArgumentException("the RTL vector add needs two arrays of the same length, a multiple of 16;"
          + " found " + a.length + " and " + b.length);
    }
    if (user.read32(KernelControl.KERNEL_ID) != VectorAddKernel.KERNEL_ID) {
      throw new IllegalStateException("the active Role is not the RTL vector add (KERNEL_ID 0x"
          + Long.toHexString(user.read32(KernelControl.KERNEL_ID)) + "); load variant 1 first");
    }
    try (Buffer ba = user.allocate(4L * n); Buffer bb = user.allocate(4L * n); Buffer bc = user.allocate(4L * n)) {
      ba.writeInts(0, a);
      bb.writeInts(0, b);
      argument(user, VectorAddKernel.ARG_A, ba.address());
      argument(user, VectorAddKernel.ARG_B, bb.address());
      argument(user, VectorAddKernel.ARG_C, bc.address());
      user.write32(KernelControl.ARGS + 4 * VectorAddKernel.ARG_N, n);
      user.write32(KernelControl.IRQ_ENABLE, 1);
      user.write32(KernelControl.CONTROL, 1);
      long waited = user.awaitInterrupt(0, 10_000 + CYCLES_PER_ELEMENT * n);
      if (waited < 0) {
        throw new IllegalStateException("the RTL vector add raised no done interrupt in time");
      }
      long status = user.read32(KernelControl.STATUS);
      user.write32(KernelControl.IRQ_CLEAR, 1);
      if ((status & 0b100) != 0) {
        throw new IllegalStateException("the RTL vector add reported an error (STATUS 0b" + Long.toBinaryString(status) + ")");
      }
      return new Result(bc.readInts(0, n), user.read32(KernelControl.CYCLES));
    }
  }

  private static void argument(User user, int index, long address) {
    user.write32(KernelControl.ARGS + 4L * index, address);
    user.write32(KernelControl.ARGS + 4L * (index + 1), address >>> 32);
  }
}
