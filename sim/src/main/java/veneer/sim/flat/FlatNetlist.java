package veneer.sim.flat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole design as one flat netlist: every instance inlined, nets named by hierarchical path,
 * memories by {@code inst.mem} path, assertions kept with their messages and source lines.
 * Built by {@link Flattener}; read by the in-JVM simulator.
 *
 * <pre>{@code
 * FlatNetlist flat = Flattener.flatten(Elaborator.elaborate(new Counter(8)));
 * int count = flat.output("count");
 * int value = flat.source(count);   // the register behind the output, aliases followed
 * }</pre>
 */
public final class FlatNetlist {
  private final String topName;
  private final List<FlatNet> nets;
  private final List<FlatMemory> memories;
  private final List<FlatAssertion> assertions;
  private final Map<String, Integer> inputs;
  private final Map<String, Integer> outputs;
  private final int[] source;
  private final List<FlatInstance> instances;

  FlatNetlist(String topName, List<FlatNet> nets, List<FlatMemory> memories,
      List<FlatAssertion> assertions, Map<String, Integer> inputs, Map<String, Integer> outputs,
      List<FlatInstance> instances) {
    this.instances = List.copyOf(instances);
    this.topName = topName;
    this.nets = List.copyOf(nets);
    this.memories = List.copyOf(memories);
    this.assertions = List.copyOf(assertions);
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    this.source = resolveAliases(this.nets);
  }

  /** Follows alias chains, so that every net maps to the net that really computes its value. */
  private static int[] resolveAliases(List<FlatNet> nets) {
    int[] src = new int[nets.size()];
    for (int i = 0; i < src.length; i++) {
      src[i] = -1;
    }
    for (int i = 0; i < src.length; i++) {
      List<Integer> chain = new ArrayList<>();
      int n = i;
      while (src[n] < 0 && nets.get(n).driver() instanceof FlatDriver.Alias a) {
        chain.add(n);
        if (chain.size() > nets.size()) {
          throw new IllegalStateException("alias cycle through net " + describe(nets.get(i)));
        }
        n = a.source();
      }
      int root = src[n] >= 0 ? src[n] : n;
      src[n] = root;
      for (int c : chain) {
        src[c] = root;
      }
    }
    return src;
  }

  public static String describe(FlatNet n) {
    return (n.named() ? "'" + n.name() + "'" : "%" + n.id()) + " (" + n.loc() + ")";
  }

  /** Every instance, the top first, each before the instances below it (pre-order). */
  public List<FlatInstance> instances() {
    return instances;
  }

  /** The name of the top module. */
  public String topName() {
    return topName;
  }

  public List<FlatNet> nets() {
    return nets;
  }

  public FlatNet net(int id) {
    return nets.get(id);
  }

  public List<FlatMemory> memories() {
    return memories;
  }

  public List<FlatAssertion> assertions() {
    return assertions;
  }

  /** Top-level input ports (clock and reset included), in declaration order, name to net. */
  public Map<String, Integer> inputs() {
    return inputs;
  }

  /** Top-level output ports, in declaration order, name to net. */
  public Map<String, Integer> outputs() {
    return outputs;
  }

  /** The net of an input port; fails with the list of inputs when there is none. */
  public int input(String port) {
    Integer n = inputs.get(port);
    if (n == null) {
      throw new IllegalArgumentException("design " + topName + " has no input '" + port
          + "': expected one of " + inputs.keySet());
    }
    return n;
  }

  /** The net of an output port; fails with the list of outputs when there is none. */
  public int output(String port) {
    Integer n = outputs.get(port);
    if (n == null) {
      throw new IllegalArgumentException("design " + topName + " has no output '" + port
          + "': expected one of " + outputs.keySet());
    }
    return n;
  }

  /** The net of a port of either direction. */
  public int port(String port) {
    Integer n = inputs.get(port);
    if (n == null) {
      n = outputs.get(port);
    }
    if (n == null) {
      throw new IllegalArgumentException("design " + topName + " has no port '" + port
          + "': expected one of " + inputs.keySet() + " or " + outputs.keySet());
    }
    return n;
  }

  /** The index of the memory at {@code path}; fails with the list of memories. */
  public int memory(String path) {
    for (int i = 0; i < memories.size(); i++) {
      if (memories.get(i).path().equals(path)) {
        return i;
      }
    }
    List<String> paths = new ArrayList<>();
    memories.forEach(m -> paths.add(m.path()));
    throw new IllegalArgumentException("design " + topName + " has no memory '" + path
        + "': expected one of " + paths);
  }

  /** The net that computes {@code net}'s value: itself unless it is an alias. */
  public int source(int net) {
    return source[net];
  }

  /** The net named {@code name}, if any. */
  public Optional<FlatNet> named(String name) {
    return nets.stream().filter(n -> name.equals(n.name())).findFirst();
  }
}
