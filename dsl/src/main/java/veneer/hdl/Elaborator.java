package veneer.hdl;

import veneer.hdl.ir.Design;

/**
 * Finishes a top-level module and returns its design: every module checked, deduplicated and
 * uniquely named, ready for the Verilog emitter and the simulators.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(new Counter(8));
 * }</pre>
 */
public final class Elaborator {
  private Elaborator() {}

  public static Design elaborate(Module top) {
    if (top.parentModule() != null) {
      throw new HdlException(top.ir().loc(), "module " + top.baseName() + " is an instance inside"
          + " another module; elaborate the top module instead");
    }
    return Design.of(top.seal());
  }
}
