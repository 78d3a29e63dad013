package veneer.hdl.verilog;

import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Port;

/**
 * Names that the emitted Verilog uses where they differ from the Java names. Everything that
 * must find a thing in the Verilog (the Verilator back end's memory paths, for one) asks here.
 */
public final class VerilogNames {
  private VerilogNames() {}

  /**
   * The Verilog name of an instance: its Java name, or that name with {@code _i} appended when
   * the child declares a signal of the same name. Verilator warns (VARHIDDEN) when an instance
   * name is also declared inside the instantiated module.
   */
  public static String instanceName(Instance inst) {
    String name = inst.name();
    return declares(inst.module(), name) ? name + "_i" : name;
  }

  private static boolean declares(ModuleIr m, String name) {
    for (Port p : m.ports()) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    for (Net n : m.nets()) {
      if (name.equals(n.name())) {
        return true;
      }
    }
    for (Memory mem : m.memories()) {
      if (mem.name().equals(name)) {
        return true;
      }
    }
    for (Instance i : m.instances()) {
      if (i.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
