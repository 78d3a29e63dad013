package veneer.hdl.designs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.ir.Design;

/** Every reference design of the emitter's tests, by a short name. */
public final class ReferenceDesigns {
  private ReferenceDesigns() {}

  /** Fresh builders, in a fixed order: a module can be elaborated only once. */
  public static Map<String, Supplier<Module>> all() {
    Map<String, Supplier<Module>> m = new LinkedHashMap<>();
    m.put("counter", () -> new Counter(8));
    m.put("alu", Alu::new);
    m.put("memory", MemoryDesign::new);
    m.put("hierarchy", Hierarchy.Top::new);
    m.put("pipeline", Pipeline.Top::new);
    m.put("fsm", Fsm::new);
    m.put("checked", Checked::new);
    m.put("edge-cases", EdgeCases::new);
    return m;
  }

  public static Design elaborate(String name) {
    Supplier<Module> s = all().get(name);
    if (s == null) {
      throw new IllegalArgumentException("no reference design '" + name + "'; expected one of " + all().keySet());
    }
    return Elaborator.elaborate(s.get());
  }
}
