package veneer.hdl.ir;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The netlist of one elaborated module: a flat list of nets (each with one driver), its ports,
 * memories, child instances and clock domains. Immutable; built by the HDL front end and read by
 * the checks, the Verilog emitter and the simulators.
 *
 * @param name the base name (Java class name unless the module chose one); {@link Design} makes
 *     it unique per distinct netlist
 * @param blackBox present when the body is external Verilog
 * @param keepHierarchy synthesis keeps the module as a unit rather than flattening it into its
 *     parent (the Verilog attribute {@code keep_hierarchy}, see {@code Module.keepHierarchy()})
 */
public record ModuleIr(String name, List<Port> ports, List<Net> nets, List<Memory> memories,
    List<Instance> instances, List<ClockDomain> domains, List<Assertion> assertions,
    Optional<BlackBoxBody> blackBox, SourceLoc loc, boolean keepHierarchy) {

  /**
   * External Verilog for a black box: either inline text or a file, plus the Verilog parameters
   * to pass at instantiation.
   */
  public record BlackBoxBody(String verilogText, String fileName, Map<String, String> parameters) {}

  public Net net(int id) {
    return nets.get(id);
  }

  public Optional<Port> port(String portName) {
    return ports.stream().filter(p -> p.name().equals(portName)).findFirst();
  }

  public boolean isBlackBox() {
    return blackBox.isPresent();
  }
}
