package veneer.hdl.ir;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints a module's netlist as short, stable text: one line per port, net, memory and instance,
 * in index order. Golden tests compare this text, and {@link Design} uses it to tell equal
 * netlists apart.
 *
 * <pre>{@code
 * module Counter  // Counter.java:5
 *   input clk : clock
 *   %2 value : 8 = reg next=%4 reset=8'h0 domain=0  // Counter.java:9
 * }</pre>
 */
public final class IrPrinter {
  private IrPrinter() {}

  /** The full text of one module, children named by their base names. */
  public static String print(ModuleIr m) {
    return "module " + m.name() + "  // " + m.loc() + "\n" + printBody(m, ModuleIr::name);
  }

  /** Everything but the module's own name line; children named by {@code childName}. */
  static String printBody(ModuleIr m, Function<ModuleIr, String> childName) {
    StringBuilder sb = new StringBuilder();
    if (m.keepHierarchy()) {
      sb.append("  keep_hierarchy\n");
    }
    m.blackBox().ifPresent(bb -> sb.append("  blackbox ").append(bb.fileName() != null ? bb.fileName() : "inline")
        .append(' ').append(new TreeMap<>(bb.parameters())).append('\n')
        .append(bb.verilogText() == null ? "" : "  text " + bb.verilogText().hashCode() + "\n"));
    for (ClockDomain d : m.domains()) {
      sb.append("  domain ").append(d.name()).append(" clock=").append(d.clockPort())
          .append(" reset=").append(d.resetPort()).append('\n');
    }
    for (Port p : m.ports()) {
      sb.append("  ").append(p.isInput() ? "input " : "output ").append(p.name()).append(" : ")
          .append(p.kind() == Port.Kind.DATA ? String.valueOf(p.width()) : p.kind().name().toLowerCase())
          .append(p.isInput() ? "" : " = %" + p.net()).append('\n');
    }
    for (Memory mem : m.memories()) {
      sb.append("  mem ").append(mem.name()).append(" : ").append(mem.width()).append(" x ")
          .append(mem.depth());
      if (mem.init() != null) {
        sb.append(" init=").append(Arrays.hashCode(mem.init()));
      }
      sb.append("  // ").append(mem.loc()).append('\n');
      for (Memory.ReadPort r : mem.readPorts()) {
        sb.append("    read ").append(r.sync() ? "sync" : "async").append(" addr=%").append(r.addr())
            .append(r.enable() >= 0 ? " en=%" + r.enable() : "").append(" data=%").append(r.data())
            .append('\n');
      }
      for (Memory.WritePort w : mem.writePorts()) {
        sb.append("    write addr=%").append(w.addr()).append(" data=%").append(w.data())
            .append(" en=%").append(w.enable())
            .append(w.mask() >= 0 ? " mask=%" + w.mask() + "/" + w.maskGranule() : "").append('\n');
      }
    }
    for (Instance inst : m.instances()) {
      sb.append("  inst ").append(inst.name()).append(" : ").append(childName.apply(inst.module()))
          .append(' ').append(inst.inputs().entrySet().stream()
              .map(e -> e.getKey() + "=%" + e.getValue()).collect(Collectors.joining(" ", "(", ")")))
          .append("  // ").append(inst.loc()).append('\n');
    }
    for (Assertion a : m.assertions()) {
      sb.append("  assert %").append(a.cond()).append(" domain=").append(a.domain()).append(" \"")
          .append(a.message()).append("\"  // ").append(a.loc()).append('\n');
    }
    for (Net n : m.nets()) {
      sb.append("  %").append(n.id()).append(n.named() ? " " + n.name() : "").append(" : ")
          .append(n.width()).append(" = ").append(driver(n)).append("  // ").append(n.loc())
          .append('\n');
    }
    return sb.toString();
  }

  private static String driver(Net n) {
    Driver d = n.driver();
    if (d instanceof Driver.Input in) {
      return "input " + in.port();
    } else if (d instanceof Driver.Const c) {
      return "const " + literal(n.width(), c.value());
    } else if (d instanceof Driver.Operation op) {
      boolean param = op.op() == Op.SHL || op.op() == Op.SHRU || op.op() == Op.SHRS || op.op() == Op.SLICE;
      return op.op().mnemonic() + (param ? " #" + op.param() : "")
          + Arrays.stream(op.args()).mapToObj(a -> " %" + a).collect(Collectors.joining());
    } else if (d instanceof Driver.Register r) {
      return "reg next=%" + r.next() + (r.reset() == null ? "" : " reset=" + literal(n.width(), r.reset()))
          + " domain=" + r.domain();
    } else if (d instanceof Driver.MemRead mr) {
      return "memread " + mr.memory() + "." + mr.port();
    } else if (d instanceof Driver.InstanceOutput io) {
      return "inst " + io.instance() + "." + io.port();
    } else if (d instanceof Driver.Alias a) {
      return "%" + a.source();
    }
    throw new IllegalStateException("unknown driver " + d);
  }

  /** A Verilog-style sized hex literal: {@code 8'h1f}. */
  public static String literal(int width, BigInteger value) {
    return width + "'h" + value.toString(16);
  }

}
