package veneer.sim.verilator;

import java.util.List;
import veneer.hdl.ir.Port;

/**
 * Writes the per-design C++ harness: the template {@code harness.cpp} with the port accessors
 * filled in. Port {@code i} of the list is case {@code i} of every accessor.
 */
final class HarnessGenerator {
  private HarnessGenerator() {}

  static String generate(List<Port> ports) {
    StringBuilder poke64 = new StringBuilder();
    StringBuilder pokeWide = new StringBuilder();
    StringBuilder peek64 = new StringBuilder();
    StringBuilder peekWide = new StringBuilder();
    String clockHigh = "";
    String clockLow = "";
    for (int i = 0; i < ports.size(); i++) {
      Port p = ports.get(i);
      String field = "t->" + p.name();
      int w = p.width();
      if (p.kind() == Port.Kind.CLOCK) {
        clockHigh = "m->top->" + p.name() + " = 1;";
        clockLow = "m->top->" + p.name() + " = 0;";
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
