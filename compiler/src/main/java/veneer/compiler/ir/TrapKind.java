package veneer.compiler.ir;

import veneer.kernel.KernelFailure;

/** What a check instruction traps on. */
public enum TrapKind {
  NULL(KernelFailure.Kind.NULL), BOUNDS(KernelFailure.Kind.BOUNDS), DIV_ZERO(KernelFailure.Kind.DIV_ZERO);

  private final KernelFailure.Kind failure;

  TrapKind(KernelFailure.Kind failure) {
    this.failure = failure;
  }

  /** The Java failure this trap stands for. */
  public KernelFailure.Kind failure() {
    return failure;
  }
}
