package veneer.hdl.check;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Port;

/**
 * Which nets each net depends on within the same clock cycle, across child instances too: a
 * child's output depends on those of its inputs that reach it without passing a register. A
 * black box is assumed to register its outputs.
 */
public final class CombinationalDeps {
  private final Map<ModuleIr, Map<String, Set<String>>> portPaths = new IdentityHashMap<>();

  /** The nets that {@code n} reads in the same cycle. */
  public List<Integer> of(ModuleIr m, Net n) {
    Driver d = n.driver();
    List<Integer> out = new ArrayList<>();
    if (d instanceof Driver.Operation op) {
      for (int a : op.args()) {
        out.add(a);
      }
    } else if (d instanceof Driver.Alias a) {
      out.add(a.source());
    } else if (d instanceof Driver.MemRead mr) {
      Memory.ReadPort rp = m.memories().get(mr.memory()).readPorts().get(mr.port());
      if (!rp.sync()) {
        out.add(rp.addr());
      }
    } else if (d instanceof Driver.InstanceOutput io) {
      Instance inst = m.instances().get(io.instance());
      for (String in : portPaths(inst.module()).getOrDefault(io.port(), Set.of())) {
        out.add(inst.inputs().get(in));
      }
    }
    return out;
  }

  /** For each output port of {@code m}, the input ports it depends on combinationally. */
  public Map<String, Set<String>> portPaths(ModuleIr m) {
    Map<String, Set<String>> known = portPaths.get(m);
    if (known != null) {
      return known;
    }
    Map<String, Set<String>> result = new LinkedHashMap<>();
    if (!m.isBlackBox()) {
      for (Port p : m.ports()) {
        if (!p.isInput()) {
          result.put(p.name(), reachableInputs(m, p.net()));
        }
      }
    }
    portPaths.put(m, result);
    return result;
  }

  private Set<String> reachableInputs(ModuleIr m, int start) {
    Set<String> inputs = new TreeSet<>();
    boolean[] seen = new boolean[m.nets().size()];
    List<Integer> work = new ArrayList<>(List.of(start));
    while (!work.isEmpty()) {
      int id = work.remove(work.size() - 1);
      if (seen[id]) {
        continue;
      }
      seen[id] = true;
      Net n = m.net(id);
      if (n.driver() instanceof Driver.Input in) {
        inputs.add(in.port());
      }
      work.addAll(of(m, n));
    }
    return inputs;
  }
}
