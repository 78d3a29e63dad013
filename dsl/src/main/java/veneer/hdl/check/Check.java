package veneer.hdl.check;

import veneer.hdl.ir.ModuleIr;

/** One check of a module's netlist; throws {@link veneer.hdl.HdlException} naming the user's line. */
public interface Check {
  /** A short name for listings and error reports. */
  String name();

  void check(ModuleIr module);
}
