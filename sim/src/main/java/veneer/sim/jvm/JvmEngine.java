package veneer.sim.jvm;

/**
 * How the in-JVM simulator evaluates the netlist. {@link #COMPILED} is the default;
 * {@link #INTERPRETER} is the slow, simple reference that the compiled engine is tested against.
 * Choose with {@code -Dveneer.jvm.engine=interpreter}.
 */
public enum JvmEngine {
  /** The netlist compiled to one JVM class, which HotSpot turns into native code. */
  COMPILED,
  /** Every net evaluated with {@link java.math.BigInteger}, in topological order. */
  INTERPRETER;

  /** The engine named by {@code -Dveneer.jvm.engine} (default compiled). */
  public static JvmEngine fromSystemProperty() {
    String p = System.getProperty("veneer.jvm.engine", "compiled").trim();
    for (JvmEngine e : values()) {
      if (e.name().equalsIgnoreCase(p)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown -Dveneer.jvm.engine=" + p + ": expected compiled or interpreter");
  }
}
