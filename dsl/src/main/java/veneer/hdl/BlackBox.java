package veneer.hdl;

import java.util.LinkedHashMap;
import java.util.Map;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

/**
 * A module whose body is existing Verilog: declare its ports in Java, give the Verilog as text
 * or as a file, and instantiate it like any module. It has no implicit clock; declare clock and
 * reset inputs with {@link #clockInput} and {@link #resetInput} and they are wired to the
 * parent's.
 *
 * <pre>{@code
 * final class Pll extends BlackBox {
 *   final Bool locked = output("locked", Bool());
 *   Pll() {
 *     super("vendor_pll");
 *     clockInput("clk_in");
 *     verilogFile("vendor_pll.v", text);
 *   }
 * }
 * }</pre>
 */
public abstract class BlackBox extends Module {
  private String text;
  private String fileName;
  private final Map<String, String> parameters = new LinkedHashMap<>();

  /** {@code verilogModuleName} must be the module name inside the Verilog. */
  protected BlackBox(String verilogModuleName) {
    super(verilogModuleName);
  }

  /** The Verilog text of the module, emitted into a file of its own. */
  protected final void verilogText(String verilog) {
    this.text = verilog;
    this.fileName = baseName() + ".v";
  }

  /** The Verilog of the module, emitted as {@code fileName}. */
  protected final void verilogFile(String fileName, String verilog) {
    this.text = verilog;
    this.fileName = fileName;
  }

  /** A Verilog parameter passed at every instantiation. */
  protected final void parameter(String name, long value) {
    parameters.put(name, Long.toString(value));
  }

  /** An input wired to the parent's clock. */
  protected final void clockInput(String name) {
    port(name, 1, Port.Direction.INPUT, Port.Kind.CLOCK, SourceLocator.here());
  }

  /** An input wired to the parent's synchronous active-high reset. */
  protected final void resetInput(String name) {
    port(name, 1, Port.Direction.INPUT, Port.Kind.RESET, SourceLocator.here());
  }

  ModuleIr.BlackBoxBody body(SourceLoc loc) {
    if (text == null) {
      throw new HdlException(loc, "black box " + baseName() + " has no Verilog: call verilogText or verilogFile");
    }
    if (!text.contains("module " + baseName())) {
      throw new HdlException(loc, "the Verilog of black box " + baseName() + " does not define module "
          + baseName());
    }
    return new ModuleIr.BlackBoxBody(text, fileName, Map.copyOf(parameters));
  }
}
