package veneer.hdl.verilog;

import veneer.hdl.ir.SourceLoc;

/** Lines of Verilog with indentation and {@code // File.java:LINE} locators. */
final class Code {
  private final StringBuilder sb = new StringBuilder();

  /** Appends {@code text} at {@code depth} levels of two spaces, with a locator when known. */
  Code line(int depth, String text, SourceLoc loc) {
    sb.append("  ".repeat(depth)).append(text);
    if (loc != null && loc.line() > 0) {
      sb.append("  // ").append(loc);
    }
    sb.append('\n');
    return this;
  }

  Code line(int depth, String text) {
    return line(depth, text, null);
  }

  Code blank() {
    if (sb.length() > 0 && !endsWithBlank()) {
      sb.append('\n');
    }
    return this;
  }

  Code append(Code other) {
    sb.append(other.sb);
    return this;
  }

  boolean isEmpty() {
    return sb.length() == 0;
  }

  private boolean endsWithBlank() {
    int n = sb.length();
    return n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n';
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
