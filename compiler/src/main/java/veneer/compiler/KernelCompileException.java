package veneer.compiler;

/**
 * A kernel the compiler refuses: the source file and line of the offending construct, and a
 * sentence saying what it is and why the overlay cannot run it.
 *
 * <pre>{@code
 * try { KernelCompiler.frontEnd(K.class, "k"); }
 * catch (KernelCompileException e) { System.err.println(e.getMessage()); } // K.java:12: kernel code cannot ...
 * }</pre>
 */
public final class KernelCompileException extends RuntimeException {
  private final String file;
  private final int line;
  private final String reason;

  public KernelCompileException(String file, int line, String reason) {
    super(file + ":" + line + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** Source file of the refused construct. */
  public String file() {
    return file;
  }

  /** Source line of the refused construct (-1 if the class has no line table). */
  public int line() {
    return line;
  }

  /** What was refused and why, without the location. */
  public String reason() {
    return reason;
  }
}
