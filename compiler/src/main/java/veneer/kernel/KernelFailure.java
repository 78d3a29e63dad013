package veneer.kernel;

/**
 * A Java failure inside a kernel: which kind, where in the source, and which work-item hit it.
 * The JVM run and every compiled form of a kernel must report the same failure.
 *
 * @param kind     what went wrong
 * @param file     source file of the failing instruction (after inlining: the callee's file)
 * @param line     source line of the failing instruction
 * @param workItem linear global id of the work-item ({@link WorkItemId#linearGlobalId()})
 */
public record KernelFailure(Kind kind, String file, int line, int workItem) {
  /** The Java failures a kernel can raise. */
  public enum Kind {
    /** ArrayIndexOutOfBoundsException. */
    BOUNDS,
    /** NullPointerException on an array. */
    NULL,
    /** ArithmeticException: / by zero. */
    DIV_ZERO
  }

  @Override
  public String toString() {
    return kind + " at " + file + ":" + line + " in work-item " + workItem;
  }
}
