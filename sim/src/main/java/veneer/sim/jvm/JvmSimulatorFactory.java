package veneer.sim.jvm;

import veneer.hdl.ir.Design;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;
import veneer.sim.SimulatorFactory;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.flat.Flattener;

/**
 * The in-JVM back end, found by {@link veneer.sim.Backend#JVM}: flattens the design and runs it
 * on the engine chosen by {@code -Dveneer.jvm.engine} (compiled to bytecode by default).
 *
 * <pre>{@code
 * try (Simulator sim = new JvmSimulatorFactory(JvmEngine.INTERPRETER).open(design, SimOptions.defaults())) {
 *   sim.step(10);
 * }
 * }</pre>
 */
public final class JvmSimulatorFactory implements SimulatorFactory {
  private final JvmEngine engine;

  /** The engine named by {@code -Dveneer.jvm.engine} (default compiled). */
  public JvmSimulatorFactory() {
    this(JvmEngine.fromSystemProperty());
  }

  public JvmSimulatorFactory(JvmEngine engine) {
    this.engine = engine;
  }

  @Override
  public Simulator open(Design design, SimOptions options) {
    FlatNetlist flat = Flattener.flatten(design);
    Model model = engine == JvmEngine.INTERPRETER ? new InterpretedModel(flat) : CompiledModel.compile(flat);
    return new JvmSimulator(design, flat, model);
  }
}
