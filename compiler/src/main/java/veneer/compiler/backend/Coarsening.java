package veneer.compiler.backend;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Cond;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.Value;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Work-item coarsening, the legality rule and what the block fast path may assume (see
 * docs/compiler.md, "Work-item coarsening"). A kernel is coarsened when it runs in item mode (no
 * barrier, no {@code @Local} array), calls no method (recursive callees report traps through a
 * pending word the block path does not handle) and reads no {@code localId} or {@code groupId}
 * (their value per work-item is not derived per copy). Every other built-in keeps its meaning:
 * copy k of the body sees {@code globalId(0) = base + k}, sizes are the launch's. Besides, a body
 * with a loop is not coarsened because it would not pay (see {@link #plan}).
 *
 * <pre>{@code
 * Coarsening.Plan p = Coarsening.plan(kernel, 16);
 * if (p.factor() > 1) { ... p.guarded() ... }
 * }</pre>
 */
final class Coarsening {
  private Coarsening() {
  }

  /**
   * The plan for one kernel.
   *
   * @param factor           work-items per loop step (1: not coarsened)
   * @param refusal          why the kernel is not coarsened ("" when it is)
   * @param globalId0        the kernel's {@code globalId(0)} value (after CSE there is one), or null
   * @param guarded          array parameters whose length the block guard checks once per block, because the
   *                         body checks {@code globalId(0) < length} (a bounds check or a branch); in the block
   *                         path those checks pass and are dropped
   */
  record Plan(int factor, String refusal, Instr globalId0, Set<Param> guarded) {
    static Plan refused(String why) {
      return new Plan(1, why, null, Set.of());
    }

    /** The same plan with another factor. */
    Plan withFactor(int k) {
      return new Plan(k, refusal, globalId0, guarded);
    }
  }

  static Plan plan(Function kernel, int factor) {
    if (factor <= 1) {
      return Plan.refused("coarsening is off");
    }
    for (Param p : kernel.params()) {
      if (p.isLocal()) {
        return Plan.refused("@Local array " + p.name() + " (team mode)");
      }
    }
    Instr gid0 = null;
    for (Instr i : kernel.instructions()) {
      if (i.op() == Op.BARRIER) {
        return Plan.refused("barrier (team mode)");
      }
      if (i.op() == Op.CALL) {
        return Plan.refused("calls " + i.callee().displayName());
      }
      if (i.op() == Op.BUILTIN) {
        if (!(i.operand(0) instanceof Const c)) {
          return Plan.refused("computed built-in dimension");
        }
        if (i.builtin() == Builtin.LOCAL_ID || i.builtin() == Builtin.GROUP_ID) {
          return Plan.refused("reads " + i.builtin().javaName());
        }
        if (i.builtin() == Builtin.GLOBAL_ID && c.bits() == 0) {
          if (gid0 != null && gid0 != i) {
            return Plan.refused("globalId(0) read twice (not CSE'd)");
          }
          gid0 = i;
        }
      }
    }
    Set<Param> guarded = new LinkedHashSet<>();
    for (Instr i : kernel.instructions()) {
      if (i.op() == Op.BOUNDSCHECK && i.operand(0) == gid0) {
        Param p = lengthOf(i.operand(1));
        if (p != null) {
          guarded.add(p);
        }
      }
      if (i.op() == Op.ICMP && rangeTest(i, gid0) != null) {
        guarded.add(rangeTest(i, gid0));
      }
    }
    if (hasCycle(kernel)) {
      // profitability, not legality: a looping work-item's time is its loop's, which a block does not shorten,
      // while a block takes K work-items from the other threads
      return Plan.refused("the body loops: a block would save little per work-item");
    }
    return new Plan(factor, "", gid0, Collections.unmodifiableSet(guarded));
  }

  /**
   * The array parameter p when {@code cmp} compares {@code globalId(0)} with {@code p.length} (lt, ge, gt or le
   * with either operand order), else null; {@link #inRange} tells which outcome means "in range".
   */
  static Param rangeTest(Instr cmp, Instr gid0) {
    if (gid0 == null || cmp.op() != Op.ICMP) {
      return null;
    }
    if (cmp.operand(0) == gid0 && (cmp.cond() == Cond.LT || cmp.cond() == Cond.GE)) {
      return lengthOf(cmp.operand(1));
    }
    if (cmp.operand(1) == gid0 && (cmp.cond() == Cond.GT || cmp.cond() == Cond.LE)) {
      return lengthOf(cmp.operand(0));
    }
    return null;
  }

  /** For a {@link #rangeTest}: its value when {@code globalId(0) < p.length}. */
  static boolean inRange(Instr cmp) {
    return cmp.cond() == Cond.LT || cmp.cond() == Cond.GT;
  }

  /** Whether the control-flow graph has a cycle (a loop), by depth-first search for a back edge. */
  static boolean hasCycle(Function f) {
    Map<Block, Integer> state = new HashMap<>(); // 1 on the DFS stack, 2 done
    Deque<Block> stack = new ArrayDeque<>();
    Deque<Integer> next = new ArrayDeque<>();
    stack.push(f.entry());
    next.push(0);
    state.put(f.entry(), 1);
    while (!stack.isEmpty()) {
      Block b = stack.peek();
      int k = next.pop();
      if (k < b.successors().size()) {
        next.push(k + 1);
        Block s = b.successors().get(k);
        Integer st = state.get(s);
        if (st != null && st == 1) {
          return true;
        }
        if (st == null) {
          state.put(s, 1);
          stack.push(s);
          next.push(0);
        }
      } else {
        state.put(stack.pop(), 2);
      }
    }
    return false;
  }

  /** The array parameter whose length {@code v} is ({@code alen p}), or null. */
  static Param lengthOf(Value v) {
    return v instanceof Instr a && a.op() == Op.ALEN && a.operand(0) instanceof Param p && !p.isLocal() ? p : null;
  }
}
