package veneer.sim;

/**
 * The simulator back ends. The in-JVM one needs nothing installed; Verilator needs the
 * {@code verilator} package and a C++ compiler.
 */
public enum Backend {
  /** The in-JVM simulator: the netlist compiled to JVM bytecode. */
  JVM("veneer.sim.jvm.JvmSimulatorFactory"),
  /** Verilator: the emitted Verilog compiled to C++ and loaded through JNI. */
  VERILATOR("veneer.sim.verilator.VerilatorSimulatorFactory");

  private final String factoryClass;

  Backend(String factoryClass) {
    this.factoryClass = factoryClass;
  }

  String factoryClass() {
    return factoryClass;
  }

  /** Parses "jvm" or "verilator" (any case), with an error that lists the choices. */
  public static Backend parse(String name) {
    for (Backend b : values()) {
      if (b.name().equalsIgnoreCase(name.trim())) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown simulator back end '" + name + "': expected jvm or verilator");
  }
}
