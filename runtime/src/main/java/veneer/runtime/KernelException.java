package veneer.runtime;

import veneer.kernel.KernelFailure;

/**
 * The kernel failed as the same Java method would have failed on the JVM: an array index out
 * of bounds, a division by zero or a null array, at a source line, in a work-item (the one with
 * the lowest linear id when several failed). The other work-items ran to completion and Java
 * arrays passed to the launch were copied back, as on the JVM.
 *
 * <pre>{@code
 * catch (KernelException e) {
 *   KernelFailure f = e.failure();    // kind, file, line, workItem
 * }
 * }</pre>
 */
public final class KernelException extends LaunchException {
  private static final long serialVersionUID = 1L;
  private final transient KernelFailure failure;

  KernelException(String kernel, KernelFailure failure) {
    super(kernel, "kernel " + kernel + " failed: " + what(failure.kind()) + " at " + failure.file() + ":" + failure.line()
        + " in work-item " + failure.workItem());
    this.failure = failure;
  }

  /** Kind, file, line and work-item, equal to what {@code JvmKernelRunner} reports for the same launch. */
  public KernelFailure failure() {
    return failure;
  }

  private static String what(KernelFailure.Kind kind) {
    switch (kind) {
      case BOUNDS:
        return "array index out of bounds";
      case DIV_ZERO:
        return "division by zero";
      case NULL:
        return "null array";
      default:
        return kind.toString();
    }
  }
}
