package veneer.sim.verilator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import veneer.hdl.ir.Design;

/** The Verilog of {@code veneer.hdl.verilog.VerilogEmitter}, the same text {@code writeTo} writes. */
final class EmitterVerilogSource implements VerilogSource {
  private static final String EMITTER = "veneer.hdl.verilog.VerilogEmitter";

  @Override
  public Files of(Design design) {
    return new Files(design.nameOf(design.top()), emit(design));
  }

  // Looked up by name until the emitter is merged into dsl; then this becomes a direct call.
  @SuppressWarnings("unchecked")
  private static Map<String, String> emit(Design design) {
    try {
      Method m = Class.forName(EMITTER).getMethod("emit", Design.class);
      return (Map<String, String>) m.invoke(null, design);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("the Verilator back end needs " + EMITTER + ".emit(Design) in veneer-dsl,"
          + " which is not on the class path", e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + EMITTER + ".emit: " + e, e);
    } catch (InvocationTargetException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IllegalStateException("the Verilog emitter failed: " + c, c);
    }
  }
}
