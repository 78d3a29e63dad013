package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dominator tree of a function (Cooper, Harvey and Kennedy's iterative algorithm over reverse
 * postorder). Valid until the control-flow graph changes; predecessor lists must be current.
 */
public final class Dominators {
  private final List<Block> rpo = new ArrayList<>();
  private final Map<Block, Integer> order = new HashMap<>();
  private final Map<Block, Block> idom = new HashMap<>();
  private final Map<Block, List<Block>> children = new HashMap<>();

  public Dominators(Function f) {
    postorder(f.entry(), new HashSet<>(), rpo);
    Collections.reverse(rpo);
    for (int i = 0; i < rpo.size(); i++) {
      order.put(rpo.get(i), i);
    }
    Block entry = f.entry();
    idom.put(entry, entry);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Block b : rpo) {
        if (b == entry) {
          continue;
        }
        Block best = null;
        for (Block p : b.preds()) {
          if (idom.containsKey(p)) {
            best = best == null ? p : intersect(p, best);
          }
        }
        if (best != null && idom.get(b) != best) {
          idom.put(b, best);
          changed = true;
        }
      }
    }
    for (Block b : rpo) {
      children.put(b, new ArrayList<>());
    }
    for (Block b : rpo) {
      if (b != entry) {
        children.get(idom.get(b)).add(b);
      }
    }
  }

  private static void postorder(Block b, Set<Block> seen, List<Block> out) {
    // iterative DFS so deep CFGs cannot overflow the Java stack
    List<Block> stack = new ArrayList<>();
    List<Integer> next = new ArrayList<>();
    seen.add(b);
    stack.add(b);
    next.add(0);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      Block cur = stack.get(top);
      List<Block> succ = cur.successors();
      int k = next.get(top);
      if (k < succ.size()) {
        next.set(top, k + 1);
        Block s = succ.get(k);
        if (seen.add(s)) {
          stack.add(s);
          next.add(0);
        }
      } else {
        out.add(cur);
        stack.remove(top);
        next.remove(top);
      }
    }
  }

  private Block intersect(Block a, Block b) {
    while (a != b) {
      while (order.get(a) > order.get(b)) {
        a = idom.get(a);
      }
      while (order.get(b) > order.get(a)) {
        b = idom.get(b);
      }
    }
    return a;
  }

  /** Reachable blocks in reverse postorder. */
  public List<Block> reversePostorder() {
    return rpo;
  }

  /** True if {@code b} is reachable from the entry. */
  public boolean isReachable(Block b) {
    return order.containsKey(b);
  }

  /** Immediate dominator; the entry is its own. */
  public Block idom(Block b) {
    return idom.get(b);
  }

  /** Children in the dominator tree. */
  public List<Block> children(Block b) {
    return children.getOrDefault(b, List.of());
  }

  /** True if {@code a} dominates {@code b} (every block dominates itself). */
  public boolean dominates(Block a, Block b) {
    if (!order.containsKey(a) || !order.containsKey(b)) {
      return false;
    }
    Block x = b;
    while (true) {
      if (x == a) {
        return true;
      }
      Block up = idom.get(x);
      if (up == x) {
        return false;
      }
      x = up;
    }
  }

  /** True if instruction {@code def} is executed before {@code use} on every path to {@code use}. */
  public boolean dominates(Instr def, Instr use) {
    if (def.block() == use.block()) {
      List<Instr> is = def.block().instrs();
      return is.indexOf(def) < is.indexOf(use);
    }
    return dominates(def.block(), use.block());
  }
}
