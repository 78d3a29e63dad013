package veneer.sim.verilator;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;

/**
 * A memory named by its path ({@code "core.imem"}: instance names, then the memory name),
 * checked against the IR and mapped to the Verilator scope that holds it
 * ({@code TOP.<top module>.core}, variable {@code imem}).
 */
record MemoryPath(String path, String scope, String variable, Memory memory) {

  static MemoryPath resolve(Design design, String topModule, String path) {
    String[] parts = path.split("\\.", -1);
    ModuleIr m = design.top();
    StringBuilder scope = new StringBuilder("TOP.").append(topModule);
    for (int i = 0; i < parts.length - 1; i++) {
      String name = parts[i];
      Instance inst = m.instances().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (inst == null) {
        throw noSuchMemory(design, path);
      }
      m = inst.module();
      scope.append('.').append(veneer.hdl.verilog.VerilogNames.instanceName(inst));
    }
    String last = parts[parts.length - 1];
    Memory mem = m.memories().stream().filter(x -> x.name().equals(last)).findFirst().orElse(null);
    if (mem == null) {
      throw noSuchMemory(design, path);
    }
    return new MemoryPath(path, scope.toString(), last, mem);
  }

  /** The same message as the JVM back end: the path, and every memory path the design has. */
  private static IllegalArgumentException noSuchMemory(Design design, String path) {
    List<String> paths = new ArrayList<>();
    collect(design.top(), "", paths);
    return new IllegalArgumentException("design " + design.nameOf(design.top()) + " has no memory '" + path
        + "': expected one of " + paths);
  }

  private static void collect(ModuleIr m, String prefix, List<String> out) {
    for (Memory mem : m.memories()) {
      out.add(prefix + mem.name());
    }
    for (Instance inst : m.instances()) {
      collect(inst.module(), prefix + inst.name() + ".", out);
    }
  }
}
