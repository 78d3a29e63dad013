package veneer.sim.random;

import veneer.hdl.ir.Design;
import veneer.hdl.ir.IrPrinter;
import veneer.hdl.ir.ModuleIr;

/** The whole design as stable text: every distinct module's IR, children first, with its unique name. */
public final class DesignText {
  private DesignText() {}

  public static String of(Design d) {
    StringBuilder sb = new StringBuilder();
    for (ModuleIr m : d.modules()) {
      sb.append("// ").append(d.nameOf(m)).append('\n').append(IrPrinter.print(m)).append('\n');
    }
    return sb.toString();
  }
}
