package veneer.hdl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import veneer.hdl.ModuleBuilder.NetB;
import veneer.hdl.ModuleBuilder.NetKind;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * Turns the tree of conditional assignments into one mux chain per driven signal, with the
 * last assignment that applies winning. A wire, output or child input that some path leaves
 * without a value is an error, never a latch; a register simply keeps its value on such paths.
 */
final class WhenLowering {

  /** A signal's value along the paths seen so far. */
  private sealed interface Val permits NetVal, Undef, MuxVal {}

  private record NetVal(int net) implements Val {}

  private record Undef() implements Val {}

  private record MuxVal(int cond, Val whenTrue, Val whenFalse, SourceLoc condLoc) implements Val {}

  private static final Val UNDEF = new Undef();

  private final ModuleBuilder b;
  private final Map<Val, Integer> materialized = new HashMap<>();

  WhenLowering(ModuleBuilder b) {
    this.b = b;
  }

  /** Returns, for every assignable net, the net carrying its final value (or its own net for an unassigned register). */
  Map<Integer, Integer> lower() {
    Map<Integer, Val> env = new TreeMap<>();
    for (NetB n : b.nets) {
      if (n.kind == NetKind.REG) {
        env.put(n.id, new NetVal(n.id));
      }
    }
    lowerBlock(b.root, env);
    Map<Integer, Integer> result = new TreeMap<>();
    for (NetB n : new ArrayList<>(b.nets)) {
      if (!n.assignable()) {
        continue;
      }
      Val v = env.get(n.id);
      if (v == null) {
        throw new HdlException(n.loc, undrivenMessage(n));
      }
      List<String> missing = new ArrayList<>();
      if (findUndef(v, missing)) {
        throw new HdlException(n.loc, n.describe() + " is not driven in every case: it has no value when "
            + String.join(" and ", missing) + ". Give it a default before the when, or add an otherwise"
            + " branch (Veneer never infers a latch)");
      }
      result.put(n.id, materialize(v, n.width));
    }
    return result;
  }

  private static String undrivenMessage(NetB n) {
    if (n.kind == NetKind.CHILD_IN) {
      return "unconnected input: " + n.describe() + " is never assigned; every input of a child"
          + " instance must be driven";
    }
    return "undriven signal: " + n.describe() + " is never assigned";
  }

  private void lowerBlock(List<ModuleBuilder.Stmt> stmts, Map<Integer, Val> env) {
    for (ModuleBuilder.Stmt s : stmts) {
      if (s instanceof ModuleBuilder.Assign a) {
        env.put(a.target(), new NetVal(a.value()));
      } else {
        lowerWhen((ModuleBuilder.When) s, env);
      }
    }
  }

  private void lowerWhen(ModuleBuilder.When w, Map<Integer, Val> env) {
    List<Map<Integer, Val>> branches = new ArrayList<>();
    TreeSet<Integer> touched = new TreeSet<>();
    for (List<ModuleBuilder.Stmt> body : w.bodies) {
      Map<Integer, Val> e = new TreeMap<>(env);
      lowerBlock(body, e);
      branches.add(e);
      collectChanged(env, e, touched);
    }
    Map<Integer, Val> other = env;
    if (w.otherwise != null) {
      other = new TreeMap<>(env);
      lowerBlock(w.otherwise, other);
      collectChanged(env, other, touched);
    }
    for (int t : touched) {
      Val v = other.getOrDefault(t, UNDEF);
      for (int i = branches.size() - 1; i >= 0; i--) {
        Val arm = branches.get(i).getOrDefault(t, UNDEF);
        v = arm.equals(v) ? v : new MuxVal(w.conds.get(i), arm, v, w.condLocs.get(i));
      }
      env.put(t, v);
    }
  }

  private static void collectChanged(Map<Integer, Val> before, Map<Integer, Val> after, TreeSet<Integer> out) {
    for (Map.Entry<Integer, Val> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        out.add(e.getKey());
      }
    }
  }

  private boolean findUndef(Val v, List<String> path) {
    if (v instanceof Undef) {
      return true;
    }
    if (v instanceof MuxVal m) {
      String cond = "the condition at " + m.condLoc();
      path.add(cond + " is true");
      if (findUndef(m.whenTrue(), path)) {
        return true;
      }
      path.set(path.size() - 1, cond + " is false");
      if (findUndef(m.whenFalse(), path)) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private int materialize(Val v, int width) {
    if (v instanceof NetVal n) {
      return n.net();
    }
    Integer done = materialized.get(v);
    if (done != null) {
      return done;
    }
    MuxVal m = (MuxVal) v;
    int t = materialize(m.whenTrue(), width);
    int f = materialize(m.whenFalse(), width);
    int net = b.op(Op.MUX, width, m.condLoc(), 0, m.cond(), t, f);
    materialized.put(v, net);
    return net;
  }
}
