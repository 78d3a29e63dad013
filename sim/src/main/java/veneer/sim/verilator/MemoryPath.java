package veneer.sim.verilator;

import java.util.stream.Collectors;
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
        throw new IllegalArgumentException("memory path '" + path + "': " + describe(design, m) + " has no instance '"
            + name + "' (instances: " + m.instances().stream().map(Instance::name).collect(Collectors.joining(", "))
            + ")");
      }
      m = inst.module();
      scope.append('.').append(veneer.hdl.verilog.VerilogNames.instanceName(inst));
    }
    String last = parts[parts.length - 1];
    Memory mem = m.memories().stream().filter(x -> x.name().equals(last)).findFirst().orElse(null);
    if (mem == null) {
      throw new IllegalArgumentException("memory path '" + path + "': " + describe(design, m) + " has no memory '"
          + last + "' (memories: " + m.memories().stream().map(Memory::name).collect(Collectors.joining(", "))
          + "); a path is instance names then the memory name, like \"core.imem\"");
    }
    return new MemoryPath(path, scope.toString(), last, mem);
  }

  private static String describe(Design design, ModuleIr m) {
    return "module " + design.nameOf(m);
  }
}
