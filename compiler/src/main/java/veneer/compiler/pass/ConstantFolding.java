package veneer.compiler.pass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import veneer.compiler.ir.Block;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

/**
 * Sparse conditional constant propagation (Wegman and Zadeck): values and branches are evaluated
 * together, so code behind a branch that is constant is never looked at. Afterwards constant
 * results replace their uses, constant branches and switches become jumps, unreachable blocks go,
 * and checks that provably pass (non-zero constant divisor, constant index inside a constant
 * length) are dropped. Traps are never folded: a division by a constant zero still traps at run time.
 */
public final class ConstantFolding implements Pass {
  /** Lattice: absent = not yet known (top); BOTTOM = not constant; otherwise a constant. */
  private static final Object BOTTOM = new Object();

  @Override
  public String name() {
    return "constant-folding";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      new Solver(f).solve().rewrite();
    }
  }

  private static final class Solver {
    final Function fn;
    final Map<Value, Object> lattice = new HashMap<>();
    final Set<Block> executable = new HashSet<>();
    final Set<List<Block>> edges = new HashSet<>();
    final Deque<Block> blockWork = new ArrayDeque<>();
    final Deque<Instr> instrWork = new ArrayDeque<>();
    final Map<Value, List<Instr>> users = new HashMap<>();

    Solver(Function fn) {
      this.fn = fn;
      for (Instr i : fn.instructions()) {
        for (Value v : i.operands()) {
          users.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
        }
      }
    }

    Object value(Value v) {
      if (v instanceof Const c) {
        return c.type().isScalar() ? (Object) c.bits() : BOTTOM;
      }
      if (v instanceof Instr i) {
        return lattice.get(i);
      }
      return BOTTOM;
    }

    Solver solve() {
      markEdge(null, fn.entry());
      while (!blockWork.isEmpty() || !instrWork.isEmpty()) {
        while (!blockWork.isEmpty()) {
          Block b = blockWork.poll();
          for (Instr i : b.instrs()) {
            visit(i);
          }
        }
        while (!instrWork.isEmpty()) {
          Instr i = instrWork.poll();
          if (i.block() != null && executable.contains(i.block())) {
            visit(i);
          }
        }
      }
      return this;
    }

    void markEdge(Block from, Block to) {
      if (!edges.add(Arrays.asList(from, to))) {
        return;
      }
      if (executable.add(to)) {
        blockWork.add(to);
      } else {
        for (Instr phi : to.phis()) {
          instrWork.add(phi);
        }
      }
    }

    void set(Instr i, Object v) {
      Object old = lattice.get(i);
      if (old == BOTTOM || (old != null && old.equals(v))) {
        return;
      }
      if (old != null && v != BOTTOM) {
        v = BOTTOM;
      }
      lattice.put(i, v);
      instrWork.addAll(users.getOrDefault(i, List.of()));
    }

    void visit(Instr i) {
      switch (i.op()) {
        case PHI -> {
          Object r = null;
          for (int k = 0; k < i.operands().size(); k++) {
            if (!edges.contains(Arrays.asList(i.incoming().get(k), i.block()))) {
              continue;
            }
            Object v = value(i.operand(k));
            if (v == null) {
              continue;
            }
            r = r == null ? v : (r.equals(v) ? r : BOTTOM);
          }
          if (!i.type().isScalar() && r != null) {
            r = BOTTOM;
          }
          if (r != null) {
            set(i, r);
          }
        }
        case JUMP -> markEdge(i.block(), i.targets().get(0));
        case BRANCH -> {
          Object c = value(i.operand(0));
          if (c == BOTTOM) {
            markEdge(i.block(), i.targets().get(0));
            markEdge(i.block(), i.targets().get(1));
          } else if (c != null) {
            markEdge(i.block(), i.targets().get((Long) c != 0 ? 0 : 1));
          }
        }
        case SWITCH -> {
          Object c = value(i.operand(0));
          if (c == BOTTOM) {
            for (Block t : i.targets()) {
              markEdge(i.block(), t);
            }
          } else if (c != null) {
            markEdge(i.block(), switchTarget(i, (Long) c));
          }
        }
        default -> {
          if (i.type() == veneer.compiler.ir.IrType.VOID) {
            return;
          }
          if (!i.type().isScalar()) {
            set(i, BOTTOM);
            return;
          }
          boolean foldable = i.op().isPure() || i.op() == Op.DIV || i.op() == Op.REM;
          if (!foldable || i.op() == Op.BUILTIN) {
            set(i, BOTTOM);
            return;
          }
          long[] a = new long[i.operands().size()];
          for (int k = 0; k < a.length; k++) {
            Object v = value(i.operand(k));
            if (v == null) {
              return;
            }
            if (v == BOTTOM) {
              set(i, BOTTOM);
              return;
            }
            a[k] = (Long) v;
          }
          Long r = Evaluator.evaluate(i, a);
          set(i, r == null ? BOTTOM : r);
        }
      }
    }

    static Block switchTarget(Instr sw, long key) {
      int[] keys = sw.caseKeys();
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] == (int) key) {
          return sw.targets().get(k + 1);
        }
      }
      return sw.targets().get(0);
    }

    void rewrite() {
      Map<Value, Value> constants = new HashMap<>();
      for (Map.Entry<Value, Object> e : lattice.entrySet()) {
        if (e.getValue() != BOTTOM) {
          constants.put(e.getKey(), Const.of(e.getKey().type(), (Long) e.getValue()));
        }
      }
      for (Block b : new ArrayList<>(fn.blocks())) {
        if (!executable.contains(b)) {
          continue;
        }
        Instr t = b.terminator();
        Object c = t.operands().isEmpty() ? null : value(t.operand(0));
        if (c != null && c != BOTTOM && (t.op() == Op.BRANCH || t.op() == Op.SWITCH)) {
          Block target = t.op() == Op.BRANCH ? t.targets().get((Long) c != 0 ? 0 : 1) : switchTarget(t, (Long) c);
          b.remove(t);
          b.append(Instr.jump(t.loc(), target));
        }
      }
      fn.replaceUses(constants);
      for (Value v : constants.keySet()) {
        Instr i = (Instr) v;
        if (i.block() != null) {
          i.block().remove(i);
        }
      }
      for (Block b : fn.blocks()) {
        for (Instr i : new ArrayList<>(b.instrs())) {
          if (provablyPasses(i)) {
            b.remove(i);
          }
        }
      }
      // blocks SCCP never reached may still be reachable through edges it proved dead
      fn.blocks().removeIf(b -> !executable.contains(b));
      for (Block b : fn.blocks()) {
        for (Instr phi : b.phis()) {
          for (Block in : new ArrayList<>(phi.incoming())) {
            if (!executable.contains(in)) {
              phi.removeIncoming(in);
            }
          }
        }
      }
      fn.removeUnreachableBlocks();
    }

    static boolean provablyPasses(Instr i) {
      if (i.op() == Op.DIVZEROCHECK) {
        return i.operand(0) instanceof Const c && c.bits() != 0;
      }
      if (i.op() == Op.BOUNDSCHECK) {
        return i.operand(0) instanceof Const x && i.operand(1) instanceof Const n && x.bits() >= 0 && x.bits() < n.bits();
      }
      return false;
    }
  }
}
