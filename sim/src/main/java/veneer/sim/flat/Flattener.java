package veneer.sim.flat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.ir.Assertion;
import veneer.hdl.ir.ClockDomain;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Port;

/**
 * Inlines every instance of a design into one {@link FlatNetlist}. A child's input port becomes
 * an alias of the parent net that drives it, and the parent's view of a child output becomes an
 * alias of the child's output net, so no value is copied at run time.
 *
 * <pre>{@code
 * FlatNetlist flat = Flattener.flatten(design);
 * }</pre>
 *
 * <p>Black boxes have no Java body: flattening a design that instantiates one fails with a
 * message naming the black box and its instance path.
 */
public final class Flattener {
  private final List<FlatNet> nets = new ArrayList<>();
  private final List<FlatMemory> memories = new ArrayList<>();
  private final List<FlatAssertion> assertions = new ArrayList<>();
  private final List<FlatInstance> instances = new ArrayList<>();

  private Flattener() {}

  /** Flattens {@code design}; see the class comment for black boxes. */
  public static FlatNetlist flatten(Design design) {
    Flattener f = new Flattener();
    ModuleIr top = design.top();
    if (top.isBlackBox()) {
      throw new IllegalArgumentException("the top module " + top.name()
          + " is a black box (Verilog only); the JVM simulator needs a Java body");
    }
    Map<String, Integer> outputs = f.inline(top, "", null);
    Map<String, Integer> inputs = new LinkedHashMap<>();
    Map<String, Integer> outs = new LinkedHashMap<>();
    for (Port p : top.ports()) {
      if (p.isInput()) {
        inputs.put(p.name(), p.net());
      } else {
        outs.put(p.name(), outputs.get(p.name()));
      }
    }
    return new FlatNetlist(top.name(), f.nets, f.memories, f.assertions, inputs, outs, f.instances);
  }

  /**
   * Inlines one instance of {@code m}. {@code binding} maps each input port to the flat net
   * that drives it (null for the top). Returns the flat net of each output port.
   */
  private Map<String, Integer> inline(ModuleIr m, String prefix, Map<String, Integer> binding) {
    int base = nets.size();
    int firstMemory = memories.size();
    int instance = instances.size();
    instances.add(null); // pre-order: an instance comes before the ones below it
    for (int i = 0; i < m.nets().size(); i++) {
      nets.add(null);
    }
    List<Map<String, Integer>> childOutputs = new ArrayList<>();
    for (Instance inst : m.instances()) {
      String path = prefix + inst.name();
      if (inst.module().isBlackBox()) {
        throw new IllegalArgumentException("the JVM simulator cannot run black box "
            + inst.module().name() + " (instance '" + path + "', " + inst.loc()
            + "): its body is Verilog; simulate this design with Backend.VERILATOR");
      }
      Map<String, Integer> childBinding = new HashMap<>();
      for (Map.Entry<String, Integer> e : inst.inputs().entrySet()) {
        if (e.getValue() < 0) {
          throw new IllegalArgumentException("instance '" + path + "' has no driver for input "
              + e.getKey());
        }
        childBinding.put(e.getKey(), base + e.getValue());
      }
      childOutputs.add(inline(inst.module(), path + ".", childBinding));
    }
    int[] resetOfDomain = new int[m.domains().size()];
    for (int d = 0; d < resetOfDomain.length; d++) {
      ClockDomain cd = m.domains().get(d);
      resetOfDomain[d] = cd.resetPort() == null ? -1 : base + portNet(m, cd.resetPort());
    }
    for (Net n : m.nets()) {
      String name = n.named() ? prefix + n.name() : null;
      nets.set(base + n.id(), new FlatNet(base + n.id(), n.width(), name, n.loc(),
          driver(n, base, binding, childOutputs, resetOfDomain)));
    }
    for (Memory mem : m.memories()) {
      List<FlatMemory.ReadPort> reads = new ArrayList<>();
      for (Memory.ReadPort r : mem.readPorts()) {
        reads.add(new FlatMemory.ReadPort(base + r.addr(), r.enable() < 0 ? -1 : base + r.enable(),
            r.sync(), base + r.data()));
      }
      List<FlatMemory.WritePort> writes = new ArrayList<>();
      for (Memory.WritePort w : mem.writePorts()) {
        writes.add(new FlatMemory.WritePort(base + w.addr(), base + w.data(), base + w.enable(),
            w.mask() < 0 ? -1 : base + w.mask(), w.maskGranule()));
      }
      memories.add(new FlatMemory(prefix + mem.name(), mem.width(), mem.depth(),
          mem.init() == null ? null : mem.init().clone(), reads, writes, mem.loc()));
    }
    // Memory indexes of this module start after its children's, so renumber MemRead drivers.
    int memBase = memories.size() - m.memories().size();
    for (Net n : m.nets()) {
      if (n.driver() instanceof Driver.MemRead mr) {
        nets.set(base + n.id(), new FlatNet(base + n.id(), n.width(), nets.get(base + n.id()).name(),
            n.loc(), new FlatDriver.MemRead(memBase + mr.memory(), mr.port())));
      }
    }
    for (Assertion a : m.assertions()) {
      assertions.add(new FlatAssertion(base + a.cond(), a.message(), resetOfDomain[a.domain()],
          a.loc(), prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1)));
    }
    instances.set(instance, new FlatInstance(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
        m.name(), base, nets.size(), firstMemory, memories.size()));
    Map<String, Integer> outputs = new HashMap<>();
    for (Port p : m.ports()) {
      if (!p.isInput()) {
        outputs.put(p.name(), base + p.net());
      }
    }
    return outputs;
  }

  private static int portNet(ModuleIr m, String port) {
    return m.port(port).orElseThrow(() -> new IllegalArgumentException("module " + m.name()
        + " names port '" + port + "' in a clock domain but has no such port")).net();
  }

  private static FlatDriver driver(Net n, int base, Map<String, Integer> binding,
      List<Map<String, Integer>> childOutputs, int[] resetOfDomain) {
    Driver d = n.driver();
    if (d instanceof Driver.Input in) {
      if (binding == null) {
        return new FlatDriver.Input(in.port());
      }
      Integer parent = binding.get(in.port());
      if (parent == null) {
        throw new IllegalArgumentException("input '" + in.port() + "' (" + n.loc()
            + ") is not driven by the parent instance");
      }
      return new FlatDriver.Alias(parent);
    } else if (d instanceof Driver.Const c) {
      return new FlatDriver.Const(c.value());
    } else if (d instanceof Driver.Operation op) {
      int[] args = op.args().clone();
      for (int i = 0; i < args.length; i++) {
        args[i] += base;
      }
      return new FlatDriver.Operation(op.op(), args, op.param());
    } else if (d instanceof Driver.Register r) {
      return new FlatDriver.Register(base + r.next(), r.reset(),
          r.reset() == null ? -1 : resetOfDomain[r.domain()]);
    } else if (d instanceof Driver.MemRead mr) {
      return new FlatDriver.MemRead(mr.memory(), mr.port()); // renumbered by the caller
    } else if (d instanceof Driver.InstanceOutput io) {
      Integer child = childOutputs.get(io.instance()).get(io.port());
      if (child == null) {
        throw new IllegalArgumentException("instance output '" + io.port() + "' (" + n.loc()
            + ") does not exist in the child");
      }
      return new FlatDriver.Alias(child);
    } else if (d instanceof Driver.Alias a) {
      return new FlatDriver.Alias(base + a.source());
    }
    throw new IllegalStateException("unknown driver " + d);
  }
}
