package veneer.hdl;

import veneer.hdl.ir.SourceLoc;

/**
 * A design error, reported at the user's line: {@code Counter.java:12: width mismatch: ...}.
 */
public class HdlException extends RuntimeException {
  private final SourceLoc loc;

  public HdlException(SourceLoc loc, String message) {
    super(loc + ": " + message);
    this.loc = loc;
  }

  /** Where in the Java source the problem is. */
  public SourceLoc loc() {
    return loc;
  }
}
