package veneer.examples;

import static veneer.kernel.WorkItem.globalId;

import java.util.List;
import veneer.kernel.Kernel;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.KernelHandle;
import veneer.runtime.LaunchResult;
import veneer.runtime.User;

/**
 * Vector add: {@code c[i] = a[i] + b[i]}, one work-item per element.
 *
 * <pre>{@code
 * try (Device dev = ExampleDevice.openWithOverlay("sim:jvm")) {
 *   int[] c = VectorAdd.onDevice(dev.user(), a, b).output();
 * }
 * }</pre>
 */
public final class VectorAdd {
  private VectorAdd() {}

  /** The kernel: plain Java, and the JVM's result is the reference. */
  @Kernel
  public static void add(int[] a, int[] b, int[] c) {
    int i = globalId(0);
    c[i] = a[i] + b[i];
  }

  /** The host program: compile, launch over {@code a.length} items, and the arrays come back. */
  public static HostRun<int[]> onDevice(User user, int[] a, int[] b) {
    KernelHandle add = user.kernel(VectorAdd.class, "add");
    int[] c = new int[a.length];
    LaunchResult r = add.launch(WorkRange.of(a.length), a, b, c);
    return new HostRun<>(c, List.of(r), add.compileNanos());
  }

  /** {@code java veneer.examples.VectorAdd [device-uri]}: adds two vectors on the device and prints the profile. */
  public static void main(String[] args) throws Exception {
    int[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] b = {10, 20, 30, 40, 50, 60, 70, 80};
    try (Device dev = ExampleDevice.openWithOverlay(args.length > 0 ? args[0] : "sim:jvm")) {
      HostRun<int[]> r = onDevice(dev.user(), a, b);
      System.out.println(java.util.Arrays.toString(r.output()) + "  " + r.launches().get(0).profile());
    }
  }
}
