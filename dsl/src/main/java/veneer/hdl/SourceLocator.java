package veneer.hdl;

import java.util.Objects;
import java.util.Optional;
import veneer.hdl.ir.SourceLoc;

/**
 * Finds the line of the user's code that is building hardware: the first stack frame outside
 * the HDL core (the classes of {@code veneer.hdl}, {@code .ir} and {@code .check} in this jar),
 * so errors and Verilog comments point at the user's line, not at ours.
 */
final class SourceLocator {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final java.security.CodeSource CORE = SourceLocator.class.getProtectionDomain().getCodeSource();

  private SourceLocator() {}

  static SourceLoc here() {
    Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s
        .filter(f -> !isCore(f.getDeclaringClass()))
        .findFirst());
    return frame.map(f -> new SourceLoc(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
        .orElse(SourceLoc.UNKNOWN);
  }

  /**
   * Like {@link #here()}, but also skips the frames of subclasses of {@code library}: for a
   * bundle, the line that asked for it rather than the line inside the bundle's class.
   */
  static SourceLoc hereOutside(Class<?> library) {
    Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s
        .filter(f -> !isCore(f.getDeclaringClass()) && !library.isAssignableFrom(f.getDeclaringClass()))
        .findFirst());
    return frame.map(f -> new SourceLoc(f.getFileName() == null ? "?" : f.getFileName(), f.getLineNumber()))
        .orElseGet(SourceLocator::here);
  }

  /** Whether a class is part of the HDL core; cached, since every new net asks. */
  private static final ClassValue<Boolean> CORE_CLASS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> c) {
      String pkg = c.getPackageName();
      return (pkg.equals("veneer.hdl") || pkg.equals("veneer.hdl.ir") || pkg.equals("veneer.hdl.check"))
          && Objects.equals(c.getProtectionDomain().getCodeSource(), CORE);
    }
  };

  private static boolean isCore(Class<?> c) {
    return CORE_CLASS.get(c);
  }
}
