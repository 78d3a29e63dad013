package veneer.sim.verilator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import veneer.hdl.ir.Port;

/**
 * Writes the per-design C++ harness: the template {@code harness.cpp} with the port accessors
 * filled in. Port {@code i} of the list is case {@code i} of every accessor.
 */
final class HarnessGenerator {
  /** A port member of the Verilated class: {@code VL_IN8(&name,7,0);}, {@code VL_OUTW(&name,64,0,3);}. */
  private static final Pattern PORT_MEMBER = Pattern.compile("VL_(?:IN|OUT|INOUT)\\w*\\(&(\\w+),");
  /** Verilator's prefix for a name that is a C++ keyword (warning SYMRSVDWORD). */
  private static final String RENAMED = "__SYM__";

  private HarnessGenerator() {}

  /**
   * The C++ member of each Verilog port, read from the Verilated model's header: usually the
   * port's own name, but {@code __SYM__register} for a port named {@code register}.
   */
  static Function<String, String> membersFromHeader(String header) {
    Map<String, String> byPort = new HashMap<>();
    Matcher m = PORT_MEMBER.matcher(header);
    while (m.find()) {
      String member = m.group(1);
      byPort.put(member.startsWith(RENAMED) ? member.substring(RENAMED.length()) : member, member);
    }
    return port -> {
      String member = byPort.get(port);
      if (member == null) {
        throw new IllegalStateException("the Verilated top has no port '" + port + "' (its ports: "
            + String.join(", ", byPort.keySet()) + "): the Verilog top does not match the IR top");
      }
      return member;
    };
  }

  static String generate(List<Port> ports, Function<String, String> member) {
    StringBuilder poke64 = new StringBuilder();
    StringBuilder pokeWide = new StringBuilder();
    StringBuilder peek64 = new StringBuilder();
    StringBuilder peekWide = new StringBuilder();
    String clockHigh = "";
    String clockLow = "";
    for (int i = 0; i < ports.size(); i++) {
      Port p = ports.get(i);
      String field = "t->" + member.apply(p.name());
      int w = p.width();
      if (p.kind() == Port.Kind.CLOCK) {
        clockHigh = "m->top->" + member.apply(p.name()) + " = 1;";
        clockLow = "m->top->" + member.apply(p.name()) + " = 0;";
      }
      if (w <= 64) {
        if (p.isInput()) {
          poke64.append("    case ").append(i).append(": ").append(field).append(" = v")
              .append(w == 64 ? "" : " & " + mask64(w)).append("; break;\n");
        }
        peek64.append("    case ").append(i).append(": return ").append(field).append(";\n");
      } else {
        int words = (w + 31) / 32;
        int top = w % 32;
        if (p.isInput()) {
          pokeWide.append("    case ").append(i).append(":\n")
              .append("      for (int k = 0; k < ").append(words).append("; k++) ").append(field).append("[k] = w[k];\n");
          if (top != 0) {
            pokeWide.append("      ").append(field).append("[").append(words - 1).append("] &= 0x")
                .append(Long.toHexString((1L << top) - 1)).append("u;\n");
          }
          pokeWide.append("      break;\n");
        }
        peekWide.append("    case ").append(i).append(":\n")
            .append("      for (int k = 0; k < ").append(words).append("; k++) w[k] = ").append(field).append("[k];\n")
            .append("      break;\n");
      }
    }
    String t = NativeSources.text(NativeSources.HARNESS);
    t = fill(t, "    // @POKE64@\n", poke64.toString());
    t = fill(t, "    // @POKEWIDE@\n", pokeWide.toString());
    t = fill(t, "    // @PEEK64@\n", peek64.toString());
    t = fill(t, "    // @PEEKWIDE@\n", peekWide.toString());
    t = fill(t, "// @CLOCK_HIGH@", clockHigh);
    t = fill(t, "// @CLOCK_LOW@", clockLow);
    return t;
  }

  private static String mask64(int w) {
    return "0x" + Long.toHexString((1L << w) - 1) + "ull";
  }

  private static String fill(String template, String marker, String text) {
    if (!template.contains(marker)) {
      throw new IllegalStateException("harness.cpp has lost its marker " + marker.trim());
    }
    return template.replace(marker, text);
  }
}
