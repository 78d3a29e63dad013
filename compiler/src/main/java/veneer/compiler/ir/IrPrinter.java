package veneer.compiler.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints IR as stable text for golden tests and {@code --emit}: blocks are renamed {@code b0, b1, ...}
 * and values {@code %0, %1, ...} in layout order, parameters keep their Java names, and every
 * instruction ends with its source line ({@code @12}, or {@code @Other.java:12} when it comes from
 * another file through inlining).
 *
 * <pre>{@code
 * System.out.println(IrPrinter.print(ir));
 * }</pre>
 */
public final class IrPrinter {
  private final Map<Block, String> blockNames = new HashMap<>();
  private final Map<Instr, String> valueNames = new HashMap<>();

  private IrPrinter() {
  }

  /** The whole kernel: the kernel function, then its remaining callees. */
  public static String print(KernelIr ir) {
    StringBuilder sb = new StringBuilder();
    for (Function f : ir.functions()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(print(f, f == ir.kernel()));
    }
    return sb.toString();
  }

  /** One function. */
  public static String print(Function f, boolean isKernel) {
    return new IrPrinter().function(f, isKernel);
  }

  private String function(Function f, boolean isKernel) {
    int n = 0;
    for (Block b : f.blocks()) {
      blockNames.put(b, "b" + n++);
    }
    int v = 0;
    for (Block b : f.blocks()) {
      for (Instr i : b.instrs()) {
        if (i.type() != IrType.VOID) {
          valueNames.put(i, "%" + v++);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(isKernel ? "kernel " : "function ").append(f.displayName()).append('(');
    StringJoiner ps = new StringJoiner(", ");
    for (Param p : f.params()) {
      ps.add(p + ": " + p.type() + (p.isLocal() ? " local" : ""));
    }
    sb.append(ps).append(") -> ").append(f.returnType()).append("  [").append(f.file()).append("]\n");
    for (Block b : f.blocks()) {
      sb.append(blockNames.get(b)).append(':');
      if (!b.preds().isEmpty()) {
        StringJoiner pj = new StringJoiner(", ", "  ; preds ", "");
        for (Block p : b.preds()) {
          pj.add(name(p));
        }
        sb.append(pj);
      }
      sb.append('\n');
      for (Instr i : b.instrs()) {
        sb.append("  ").append(instr(i, f.file())).append('\n');
      }
    }
    return sb.toString();
  }

  private String name(Block b) {
    return blockNames.getOrDefault(b, "<" + b + ">");
  }

  private String name(Value v) {
    if (v instanceof Instr i) {
      return valueNames.getOrDefault(i, "<undefined " + i.op() + ">");
    }
    return v.toString();
  }

  private String operands(List<Value> vs) {
    StringJoiner j = new StringJoiner(", ");
    for (Value v : vs) {
      j.add(name(v));
    }
    return j.toString();
  }

  private String instr(Instr i, String file) {
    StringBuilder sb = new StringBuilder();
    if (i.type() != IrType.VOID) {
      sb.append(name(i)).append(" = ");
    }
    sb.append(i.op());
    switch (i.op()) {
      case ICMP -> sb.append('.').append(i.cond());
      case INTRINSIC -> sb.append('.').append(i.intrinsic());
      case BUILTIN -> sb.append('.').append(i.builtin());
      default -> { }
    }
    if (i.type() != IrType.VOID) {
      sb.append(' ').append(i.type());
    }
    switch (i.op()) {
      case PHI -> {
        StringJoiner j = new StringJoiner(", ", " ", "");
        for (int k = 0; k < i.operands().size(); k++) {
          j.add("[" + name(i.incoming().get(k)) + ": " + name(i.operand(k)) + "]");
        }
        sb.append(j);
      }
      case CALL -> sb.append(' ').append(i.callee().displayName()).append('(').append(operands(i.operands())).append(')');
      case JUMP -> sb.append(' ').append(name(i.targets().get(0)));
      case BRANCH -> sb.append(' ').append(name(i.operand(0))).append(", ").append(name(i.targets().get(0)))
          .append(", ").append(name(i.targets().get(1)));
      case SWITCH -> {
        sb.append(' ').append(name(i.operand(0))).append(", default ").append(name(i.targets().get(0))).append(" [");
        StringJoiner j = new StringJoiner(", ");
        for (int k = 0; k < i.caseKeys().length; k++) {
          j.add(i.caseKeys()[k] + ": " + name(i.targets().get(k + 1)));
        }
        sb.append(j).append(']');
      }
      default -> {
        if (!i.operands().isEmpty()) {
          sb.append(' ').append(operands(i.operands()));
        }
      }
    }
    Loc loc = i.loc();
    sb.append("  @").append(loc.file().equals(file) ? Integer.toString(loc.line()) : loc.toString());
    return sb.toString();
  }
}
