package veneer.shell;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.Module;

/**
 * Copies every signal of a connected bus to outputs of a module, so that a protocol checker at
 * the top of a simulation can watch a bus that sits inside the design. Forward signals are read
 * on the producer's side, backward ones (READY, responses) on the consumer's, which are the
 * sides a parent may read. Output names are {@code <name>_<channel>_<signal>}, the names bus
 * checkers expect ({@code probe_role_dram0_aw_valid}).
 *
 * <pre>{@code
 * Bundle.connect(pr.role.dram(0), dram.masters.get(1));
 * List<BusProbe.Signal> s = BusProbe.mirror(this, "probe_role_dram0", pr.role.dram(0), dram.masters.get(1));
 * }</pre>
 */
public final class BusProbe {
  /** One copied signal: the output's name and the output itself. */
  public record Signal(String name, Data<?> value) {}

  private BusProbe() {}

  /** Adds the outputs to {@code m}; returns them, in the bundle's field order. */
  public static List<Signal> mirror(Module m, String name, Bundle producer, Bundle consumer) {
    List<Signal> out = new ArrayList<>();
    walk(m, name, producer, consumer, true, out);
    return out;
  }

  /** Copies signals already made by {@link #mirror} (on a child) to outputs of {@code m} named {@code prefix + name}. */
  public static List<Signal> forward(Module m, String prefix, List<Signal> signals) {
    List<Signal> out = new ArrayList<>();
    for (Signal s : signals) {
      out.add(new Signal(prefix + s.name(), copyLeaf(m, prefix + s.name(), s.value())));
    }
    return out;
  }

  /** Copies one signal to a new output {@code name} of {@code m}. */
  public static Signal copy(Module m, String name, Data<?> source) {
    return new Signal(name, copyLeaf(m, name, source));
  }

  private static void walk(Module m, String name, Bundle producer, Bundle consumer, boolean forward,
      List<Signal> out) {
    List<Bundle.Field> p = producer.fields();
    List<Bundle.Field> c = consumer.fields();
    if (p.size() != c.size()) {
      throw new IllegalArgumentException("cannot probe " + name + ": the two sides have different shapes ("
          + p.size() + " and " + c.size() + " fields)");
    }
    for (int i = 0; i < p.size(); i++) {
      Bundle.Field pf = p.get(i);
      boolean dir = forward == pf.forward();
      String path = name + "_" + pf.name();
      if (pf.value() instanceof Bundle nested) {
        walk(m, path, nested, (Bundle) c.get(i).value(), dir, out);
      } else {
        Data<?> source = (Data<?>) (dir ? pf.value() : c.get(i).value());
        out.add(new Signal(path, copyLeaf(m, path, source)));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Data<?> copyLeaf(Module m, String name, Data<?> source) {
    Data o = m.output(name, (veneer.hdl.HdlType) source.type());
    o.assign(source);
    return o;
  }
}
