package veneer.runtime;

import java.util.Objects;
import veneer.compiler.CompiledKernel;
import veneer.kernel.WorkRange;

/**
 * A compiled kernel bound to a device's overlay. {@link #launch} loads its code into every PE's
 * instruction memory through PF1 (only when another kernel is there: no reconfiguration),
 * writes the arguments, starts the array, waits for the completion interrupt and reads back.
 *
 * <p>Arguments, in declaration order: an {@code int}/{@code long}/... for a scalar parameter
 * (boxed); for an array parameter a Java array (copied to the device before and back after the
 * launch), a {@link DeviceArray} (used in place), or {@code null}; for a {@code @Local} array a
 * Java array of the wanted length.
 *
 * <pre>{@code
 * KernelHandle add = dev.user().kernel(VectorAdd.class, "add");
 * LaunchResult r = add.launch(WorkRange.of(n), a, b, c);        // c now holds a + b
 * System.out.println(r.profile());
 * }</pre>
 */
public final class KernelHandle {
  /** Device cycles a launch may take before {@link LaunchTimeoutException}, unless set with {@link #withTimeout}. */
  public static final long DEFAULT_TIMEOUT_CYCLES = 20_000_000;

  private final User user;
  private final CompiledKernel kernel;
  private final long compileNanos;
  private final long timeoutCycles;

  KernelHandle(User user, CompiledKernel kernel, long compileNanos, long timeoutCycles) {
    this.user = user;
    this.kernel = kernel;
    this.compileNanos = compileNanos;
    this.timeoutCycles = timeoutCycles;
  }

  /** {@code Class.method}. */
  public String name() {
    return kernel.name();
  }

  /** The compiled code, its argument layout and trap sites. */
  public CompiledKernel compiled() {
    return kernel;
  }

  /** Wall-clock nanoseconds the compilation took (0 for a kernel compiled elsewhere). */
  public long compileNanos() {
    return compileNanos;
  }

  /** The launch timeout in device cycles. */
  public long timeoutCycles() {
    return timeoutCycles;
  }

  /** The same kernel with another launch timeout (device cycles). */
  public KernelHandle withTimeout(long cycles) {
    if (cycles < 1) {
      throw new IllegalArgumentException("launch timeout: expected at least 1 cycle, found " + cycles);
    }
    return new KernelHandle(user, kernel, compileNanos, cycles);
  }

  /**
   * Runs the kernel over {@code range} and waits for it.
   *
   * @throws KernelException the kernel failed as on the JVM (arrays were copied back first)
   * @throws ThreadFaultException a hardware thread faulted
   * @throws LaunchTimeoutException no completion interrupt within {@link #timeoutCycles()}
   * @throws veneer.runtime.link.DeviceException a DMA transfer failed
   * @throws IllegalArgumentException arguments that do not match the parameters
   * @throws IllegalStateException the active Role is not the overlay
   */
  public LaunchResult launch(WorkRange range, Object... args) {
    Objects.requireNonNull(range, "range");
    return new KernelLaunch(user, kernel, range, args == null ? new Object[] {null} : args, timeoutCycles).run();
  }

  @Override
  public String toString() {
    return "kernel " + kernel.name();
  }
}
