package veneer.hdl.check;

import java.util.List;
import veneer.hdl.ir.ModuleIr;

/**
 * The ordered list of checks that every module passes when it is sealed: first that the
 * netlist is well formed, then that it has no combinational loop.
 */
public final class Checks {
  /** The checks, in the order they run. */
  public static final List<Check> STANDARD = List.of(new IrInvariantCheck(), new CombinationalLoopCheck());

  private Checks() {}

  public static void run(ModuleIr module) {
    for (Check c : STANDARD) {
      c.check(module);
    }
  }
}
