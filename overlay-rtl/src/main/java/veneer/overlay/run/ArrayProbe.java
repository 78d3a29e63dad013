package veneer.overlay.run;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Port;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.PeArray;

/**
 * A {@link PeArray} whose every PE's retire, stop, console and dispatcher handshake signals are
 * also top-level outputs, so that a test bench can watch each PE (simulators read ports only).
 * The array's own netlist is untouched: the probes are extra output ports {@code probe_pe<i>_<signal>}
 * that alias nets already in the array's top module. Both back ends simulate the result like
 * any design; a Verilator model of it is built once per {@link ArrayConfig}.
 *
 * <pre>{@code
 * Design d = ArrayProbe.design(new ArrayConfig(2, 4, 256, 256, CoalescerConfig.forThreads(4)));
 * sim.peek(ArrayProbe.port(1, "retire_valid"));
 * }</pre>
 */
public final class ArrayProbe {
  /** PE outputs made visible (see {@code veneer.overlay.pe.Pe}). */
  public static final List<String> PE_OUTPUTS = List.of("retire_valid", "retire_thread", "retire_pc",
      "retire_insn", "retire_rd", "retire_value", "retire_we", "retire_late", "wb_valid", "wb_thread", "wb_rd",
      "wb_value", "stop_valid", "stop_thread", "stop_state",
      "stop_cause", "stop_pc", "stop_value", "console_valid", "console_thread", "console_data", "wi_req");
  /** PE inputs made visible: the dispatcher's answer. */
  public static final List<String> PE_INPUTS = List.of("wi_grant", "wi_global_id", "wi_local_id", "wi_group_id");

  private ArrayProbe() {}

  /** The top-level port that shows {@code signal} (one of {@link #PE_OUTPUTS} or {@link #PE_INPUTS}) of PE {@code pe}. */
  public static String port(int pe, String signal) {
    return "probe_pe" + pe + "_" + signal;
  }

  /** Elaborates the array of {@code config} and adds the probe ports. */
  public static Design design(ArrayConfig config) {
    return Design.of(withProbes(Elaborator.elaborate(new PeArray(config)).top(), config.pes()));
  }

  /** Adds the probe ports of PEs {@code pe0..pe<pes-1>} to the array's top module. */
  static ModuleIr withProbes(ModuleIr top, int pes) {
    List<Net> nets = new ArrayList<>(top.nets());
    List<Port> ports = new ArrayList<>(top.ports());
    for (int p = 0; p < pes; p++) {
      int index = instanceIndex(top, "pe" + p);
      Instance inst = top.instances().get(index);
      for (String signal : PE_OUTPUTS) {
        probe(nets, ports, port(p, signal), outputNet(top, index, signal));
      }
      for (String signal : PE_INPUTS) {
        Integer net = inst.inputs().get(signal);
        if (net == null) {
          throw new IllegalStateException("PE instance " + inst.name() + " has no input " + signal);
        }
        probe(nets, ports, port(p, signal), top.net(net));
      }
    }
    return new ModuleIr(top.name(), List.copyOf(ports), List.copyOf(nets), top.memories(), top.instances(),
        top.domains(), top.assertions(), top.blackBox(), top.loc(), top.keepHierarchy());
  }

  private static void probe(List<Net> nets, List<Port> ports, String name, Net source) {
    int id = nets.size();
    nets.add(new Net(id, source.width(), name, source.loc(), new Driver.Alias(source.id())));
    ports.add(new Port(name, Port.Direction.OUTPUT, Port.Kind.DATA, source.width(), id, source.loc()));
  }

  private static int instanceIndex(ModuleIr top, String name) {
    for (int i = 0; i < top.instances().size(); i++) {
      if (top.instances().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("the array has no PE instance named " + name);
  }

  private static Net outputNet(ModuleIr top, int instance, String port) {
    for (Net n : top.nets()) {
      if (n.driver() instanceof Driver.InstanceOutput io && io.instance() == instance && io.port().equals(port)) {
        return n;
      }
    }
    throw new IllegalStateException("PE instance " + top.instances().get(instance).name() + " has no output "
        + port);
  }
}
