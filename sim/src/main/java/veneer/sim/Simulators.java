package veneer.sim;

import java.lang.reflect.InvocationTargetException;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.ir.Design;

/**
 * Opens simulations.
 *
 * <pre>{@code
 * try (Simulator sim = Simulators.open(new Counter(8), Backend.VERILATOR)) { ... }
 * }</pre>
 */
public final class Simulators {
  private Simulators() {}

  public static Simulator open(Module top, Backend backend) {
    return open(Elaborator.elaborate(top), backend, SimOptions.defaults());
  }

  public static Simulator open(Design design, Backend backend) {
    return open(design, backend, SimOptions.defaults());
  }

  public static Simulator open(Design design, Backend backend, SimOptions options) {
    return factory(backend).open(design, options);
  }

  private static SimulatorFactory factory(Backend backend) {
    try {
      return (SimulatorFactory) Class.forName(backend.factoryClass()).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the " + backend + " back end is not on the class path (expected "
          + backend.factoryClass() + ")", e);
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
        | InvocationTargetException e) {
      throw new IllegalStateException("cannot start the " + backend + " back end: " + e, e);
    }
  }
}
