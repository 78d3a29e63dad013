package veneer.compiler.launch;

import veneer.kernel.KernelFailure;

/** A compiled kernel failed on the PE as its Java code would have: names kernel, source line and work-item. */
public final class KernelTrapException extends RuntimeException {
  private final transient KernelFailure failure;

  public KernelTrapException(String kernel, KernelFailure failure) {
    super("kernel " + kernel + " failed: " + describe(failure.kind()) + " at " + failure.file() + ":" + failure.line()
        + " in work-item " + failure.workItem());
    this.failure = failure;
  }

  public KernelFailure failure() {
    return failure;
  }

  private static String describe(KernelFailure.Kind k) {
    return switch (k) {
      case BOUNDS -> "array index out of bounds";
      case NULL -> "null array";
      case DIV_ZERO -> "division by zero";
    };
  }
}
