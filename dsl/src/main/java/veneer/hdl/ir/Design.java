package veneer.hdl.ir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole elaborated design: the top module and every module below it, each distinct netlist
 * once, children before parents, with unique names.
 *
 * <p>Two instances whose netlists print the same share one module. When one base name has
 * several distinct netlists (one class, several parameter sets), each gets a stable suffix taken
 * from a hash of its netlist, so the names do not depend on instantiation order.
 */
public final class Design {
  private final ModuleIr top;
  private final List<ModuleIr> modules = new ArrayList<>();
  private final Map<ModuleIr, String> names = new IdentityHashMap<>();
  private final Map<ModuleIr, ModuleIr> canonical = new IdentityHashMap<>();

  private Design(ModuleIr top) {
    this.top = top;
    Map<String, ModuleIr> byText = new LinkedHashMap<>();
    Map<ModuleIr, String> textOf = new IdentityHashMap<>();
    collect(top, byText, textOf);
    Map<String, List<String>> textsByBase = new TreeMap<>();
    for (Map.Entry<String, ModuleIr> e : byText.entrySet()) {
      textsByBase.computeIfAbsent(e.getValue().name(), k -> new ArrayList<>()).add(e.getKey());
    }
    for (ModuleIr m : modules) {
      List<String> variants = textsByBase.get(m.name());
      names.put(m, variants.size() == 1 ? m.name() : m.name() + "_" + shortHash(textOf.get(m)));
    }
  }

  /** Collects modules bottom-up; each module's text uses its children's canonical texts. */
  private String collect(ModuleIr m, Map<String, ModuleIr> byText, Map<ModuleIr, String> textOf) {
    String known = textOf.get(m);
    if (known != null) {
      return known;
    }
    Map<ModuleIr, String> childTexts = new IdentityHashMap<>();
    for (Instance inst : m.instances()) {
      childTexts.put(inst.module(), collect(inst.module(), byText, textOf));
    }
    String text = IrPrinter.printBody(m, child -> shortHash(childTexts.get(child)));
    ModuleIr first = byText.get(text);
    if (first == null) {
      byText.put(text, m);
      modules.add(m);
      first = m;
    }
    canonical.put(m, first);
    textOf.put(m, text);
    return text;
  }

  private static String shortHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds the design below {@code top}. */
  public static Design of(ModuleIr top) {
    return new Design(top);
  }

  public ModuleIr top() {
    return top;
  }

  /** Every distinct module, children before parents, the top last. */
  public List<ModuleIr> modules() {
    return List.copyOf(modules);
  }

  /** The unique Verilog name of a module of this design (any instance of it). */
  public String nameOf(ModuleIr m) {
    String n = names.get(canonical.get(m));
    if (n == null) {
      throw new IllegalArgumentException("module " + m.name() + " is not part of this design");
    }
    return n;
  }
}
