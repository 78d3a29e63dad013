package veneer.sim;

import veneer.hdl.ir.Design;

/** What a back end provides; found by {@link Simulators} through {@link Backend}. */
public interface SimulatorFactory {
  Simulator open(Design design, SimOptions options);
}
