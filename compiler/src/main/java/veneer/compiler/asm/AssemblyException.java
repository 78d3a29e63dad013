package veneer.compiler.asm;

/** An assembly error: {@code file:line: message}. */
public final class AssemblyException extends RuntimeException {
  private final String file;
  private final int line;

  public AssemblyException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
