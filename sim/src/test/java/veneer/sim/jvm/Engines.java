package veneer.sim.jvm;

import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.sim.SimOptions;

/** Opens a design on one engine of the JVM back end, for tests that compare the engines. */
final class Engines {
  private Engines() {}

  static JvmSimulator open(Module top, JvmEngine engine) {
    return (JvmSimulator) new JvmSimulatorFactory(engine).open(Elaborator.elaborate(top), SimOptions.defaults());
  }
}
