package veneer.compiler.pass;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Dominators;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dominator-based value numbering: walking the dominator tree with a scoped table, an instruction
 * equal to one that dominates it (same opcode, type, data and operands) is replaced by it. Pure
 * operations, array lengths and divisions are merged; a check dominated by the same check is dropped.
 * Loads are not merged (a store may come between).
 */
public final class CommonSubexpressionElimination implements Pass {
  @Override
  public String name() {
    return "cse";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      run(f);
    }
  }

  private record Key(Op op, Object type, Object data, List<Object> operands) {
  }

  private static void run(Function f) {
    Dominators dom = new Dominators(f);
    Map<Value, Integer> number = new IdentityHashMap<>();
    for (Instr i : f.instructions()) {
      number.put(i, number.size());
    }
    Map<Key, Instr> table = new HashMap<>();
    Map<Value, Value> replace = new IdentityHashMap<>();
    List<Instr> removed = new ArrayList<>();
    walk(f.entry(), dom, table, replace, removed, number);
    f.replaceUses(replace);
    for (Instr i : removed) {
      i.block().remove(i);
    }
  }

  private static boolean candidate(Instr i) {
    Op op = i.op();
    return (op.isPure() && op != Op.PHI) || op == Op.ALEN || op == Op.DIV || op == Op.REM || op.isCheck();
  }

  private static boolean commutative(Op op) {
    return op == Op.ADD || op == Op.MUL || op == Op.MULHI || op == Op.AND || op == Op.OR || op == Op.XOR;
  }

  private static Object operandKey(Value v, Map<Value, Value> replace) {
    while (replace.containsKey(v)) {
      v = replace.get(v);
    }
    return v instanceof veneer.compiler.ir.Const c ? c : new Identity(v);
  }

  /** Wraps a value so that equality is identity. */
  private record Identity(Value v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.v == v;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(v);
    }
  }

  private static Key key(Instr i, Map<Value, Value> replace, Map<Value, Integer> number) {
    List<Object> ops = new ArrayList<>();
    for (Value v : i.operands()) {
      ops.add(operandKey(v, replace));
    }
    if (commutative(i.op()) && ops.size() == 2 && rank(ops.get(0), number) > rank(ops.get(1), number)) {
      ops = List.of(ops.get(1), ops.get(0));
    }
    Object data = Objects.requireNonNullElse(i.cond(), Objects.requireNonNullElse(i.intrinsic(),
        Objects.requireNonNullElse(i.builtin(), "")));
    return new Key(i.op(), i.type(), data, ops);
  }

  private static long rank(Object operand, Map<Value, Integer> number) {
    if (operand instanceof Identity id) {
      if (id.v() instanceof veneer.compiler.ir.Param p) {
        return p.index();
      }
      return 1000L + number.getOrDefault(id.v(), 0);
    }
    return Long.MAX_VALUE;
  }

  private static void walk(Block b, Dominators dom, Map<Key, Instr> table, Map<Value, Value> replace,
               List<Instr> removed, Map<Value, Integer> number) {
    List<Key> added = new ArrayList<>();
    for (Instr i : b.instrs()) {
      if (!candidate(i)) {
        continue;
      }
      Key k = key(i, replace, number);
      Instr earlier = table.get(k);
      if (earlier != null) {
        if (i.type() != veneer.compiler.ir.IrType.VOID) {
          replace.put(i, earlier);
        }
        removed.add(i);
      } else {
        table.put(k, i);
        added.add(k);
      }
    }
    for (Block c : dom.children(b)) {
      walk(c, dom, table, replace, removed, number);
    }
    for (Key k : added) {
      table.remove(k);
    }
  }
}
