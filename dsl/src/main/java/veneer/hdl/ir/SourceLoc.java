package veneer.hdl.ir;

/**
 * Where in the user's Java code an IR node was created: {@code Counter.java:12}.
 * Carried into error messages and into the Verilog as {@code // Counter.java:12}.
 */
public record SourceLoc(String file, int line) {
  public static final SourceLoc UNKNOWN = new SourceLoc("?", 0);

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
