package veneer.hdl.verilog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import veneer.hdl.ir.Assertion;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;

/**
 * Decides how each net of a module appears in the Verilog: under a name (a port, a named wire or
 * register, or an emitter temporary starting with '_'), inlined into the expression that uses
 * it, folded into a register's if/else, or not at all (dead, or a pass-through to a child port).
 *
 * <p>Named nets always keep their names. An unnamed net is inlined when it is used once (or is a
 * short test of named signals), its text stays short, and its user does not need an identifier
 * (a part-select, a sign bit, a byte lane). Arithmetic shifts right produce signed values and are
 * always given a name, so their signedness cannot leak into an enclosing expression.
 */
final class NetPlan {
  /** Longest inlined expression, in characters; longer ones get a temporary. */
  static final int INLINE_LIMIT = 60;
  /** Longest expression repeated at several uses instead of getting a temporary. */
  static final int REPEAT_LIMIT = 24;

  private final ModuleIr m;
  private final boolean[] live;
  private final int[] uses;
  /** The net that consumes this one when it has exactly one consumer and that is a net; else -1. */
  private final int[] soleNetConsumer;
  private final boolean[] needsIdentifier;
  private final boolean[] registerTree;
  private final boolean[] elided;
  private final String[] names;
  /** For an instance output connected straight to a named net: that net; else -1. */
  private final int[] connectedTo;
  private final boolean[] drivenByInstance;
  private final List<Integer> order;
  private int temporaries;

  NetPlan(ModuleIr m) {
    this.m = m;
    int n = m.nets().size();
    live = new boolean[n];
    uses = new int[n];
    soleNetConsumer = new int[n];
    needsIdentifier = new boolean[n];
    registerTree = new boolean[n];
    elided = new boolean[n];
    names = new String[n];
    connectedTo = new int[n];
    drivenByInstance = new boolean[n];
    Arrays.fill(soleNetConsumer, -1);
    Arrays.fill(connectedTo, -1);
    markLive();
    countUses();
    markIdentifierOperands();
    markRegisterTrees();
    elideInstancePassThroughs();
    order = combinationalOrder();
    assignNames();
  }

  /** Whether a memory's addresses can reach past its last word, so reads and writes need a guard. */
  static boolean needsAddressGuard(Memory mem) {
    return (1L << mem.addrWidth()) != mem.depth();
  }

  boolean live(int id) {
    return live[id];
  }

  /** The Verilog name of a declared net, or null when it is printed inline. */
  String name(int id) {
    return names[id];
  }

  /** True for a mux that is printed as an if/else inside its register's always block. */
  boolean inRegisterTree(int id) {
    return registerTree[id];
  }

  /** True for a named net that is not declared because it only passes a value to or from a child. */
  boolean elided(int id) {
    return elided[id];
  }

  /** For an elided instance output: the net named at the instance connection. */
  int connectedTo(int id) {
    return connectedTo[id];
  }

  /** True for a named net that a child instance drives directly (it gets no assignment). */
  boolean drivenByInstance(int id) {
    return drivenByInstance[id];
  }

  int uses(int id) {
    return uses[id];
  }

  /** Live nets, each after every net its value depends on within the cycle. */
  List<Integer> order() {
    return order;
  }

  // --- liveness and uses -------------------------------------------------------------------------

  private void markLive() {
    Deque<Integer> work = new ArrayDeque<>();
    for (Net n : m.nets()) {
      if (n.named()) {
        work.push(n.id());
      }
    }
    for (Port p : m.ports()) {
      work.push(p.net());
    }
    for (Memory mem : m.memories()) {
      for (Memory.WritePort w : mem.writePorts()) {
        pushAll(work, w.addr(), w.data(), w.enable(), w.mask());
      }
    }
    for (Instance inst : m.instances()) {
      inst.inputs().values().forEach(work::push);
    }
    for (Assertion a : m.assertions()) {
      work.push(a.cond());
    }
    while (!work.isEmpty()) {
      int id = work.pop();
      if (live[id]) {
        continue;
      }
      live[id] = true;
      for (int dep : operands(id)) {
        work.push(dep);
      }
    }
  }

  private static void pushAll(Deque<Integer> work, int... ids) {
    for (int id : ids) {
      if (id >= 0) {
        work.push(id);
      }
    }
  }

  /**
   * For a MUL whose operands are both sign extensions from fewer bits (through unnamed aliases):
   * the two unextended operands, printed as {@code $signed(x) * $signed(y)}; otherwise null.
   */
  int[] signedFactors(int id) {
    if (!(m.net(id).driver() instanceof Driver.Operation op) || op.op() != Op.MUL) {
      return null;
    }
    int x = extendedFrom(op.args()[0]);
    int y = extendedFrom(op.args()[1]);
    return x < 0 || y < 0 ? null : new int[] {x, y};
  }

  /** The source of a widening sign extension (seen through unnamed aliases), or -1. */
  private int extendedFrom(int id) {
    Net n = m.net(resolve(id));
    if (n.driver() instanceof Driver.Operation op && op.op() == Op.SEXT
        && m.net(op.args()[0]).width() < n.width()) {
      return op.args()[0];
    }
    return -1;
  }

  /** Every net that the definition of net {@code id} reads (any cycle), as it is printed. */
  private List<Integer> operands(int id) {
    Driver d = m.net(id).driver();
    List<Integer> out = new ArrayList<>();
    int[] factors = signedFactors(id);
    if (factors != null) {
      out.add(factors[0]);
      out.add(factors[1]);
    } else if (d instanceof Driver.Operation op) {
      for (int a : op.args()) {
        out.add(a);
      }
    } else if (d instanceof Driver.Alias a) {
      out.add(a.source());
    } else if (d instanceof Driver.Register r) {
      out.add(r.next());
    } else if (d instanceof Driver.MemRead mr) {
      Memory.ReadPort rp = m.memories().get(mr.memory()).readPorts().get(mr.port());
      out.add(rp.addr());
      if (rp.enable() >= 0) {
        out.add(rp.enable());
      }
    }
    return out;
  }

  private void countUses() {
    for (Net n : m.nets()) {
      if (!live[n.id()]) {
        continue;
      }
      boolean netConsumer = !(n.driver() instanceof Driver.MemRead);
      for (int a : operands(n.id())) {
        use(a, netConsumer ? n.id() : -1);
      }
    }
    for (Memory mem : m.memories()) {
      for (Memory.WritePort w : mem.writePorts()) {
        for (int a : new int[] {w.addr(), w.data(), w.enable(), w.mask()}) {
          if (a >= 0) {
            use(a, -1);
          }
        }
      }
    }
    for (Instance inst : m.instances()) {
      inst.inputs().values().forEach(a -> use(a, -1));
    }
    for (Assertion a : m.assertions()) {
      use(a.cond(), -1);
    }
  }

  private void use(int id, int consumer) {
    uses[id]++;
    soleNetConsumer[id] = uses[id] == 1 ? consumer : -1;
  }

  // --- structural decisions ----------------------------------------------------------------------

  private void markIdentifierOperands() {
    for (Net n : m.nets()) {
      if (live[n.id()] && n.driver() instanceof Driver.Operation op) {
        int a0 = op.args()[0];
        int w0 = m.net(a0).width();
        boolean identity = n.width() == w0;
        if (op.op() == Op.SLICE && !identity || op.op() == Op.SEXT && !identity && w0 > 1) {
          needsIdentifier[resolve(a0)] = true;
        }
      }
    }
    for (Memory mem : m.memories()) {
      boolean guard = needsAddressGuard(mem);
      for (Memory.WritePort w : mem.writePorts()) {
        if (w.mask() >= 0) {
          needsIdentifier[resolve(w.mask())] = true;
          needsIdentifier[resolve(w.data())] = true;
        }
        needsIdentifier[resolve(w.addr())] |= guard;
      }
      for (Memory.ReadPort r : mem.readPorts()) {
        needsIdentifier[resolve(r.addr())] |= guard && live[r.data()];
      }
    }
  }

  /** Follows unnamed aliases to the net that carries the value. */
  int resolve(int id) {
    Net n = m.net(id);
    while (!n.named() && n.driver() instanceof Driver.Alias a) {
      n = m.net(a.source());
    }
    return n.id();
  }

  private void markRegisterTrees() {
    for (Net n : m.nets()) {
      if (live[n.id()] && n.driver() instanceof Driver.Register r) {
        markTree(resolve(r.next()));
      }
    }
  }

  private void markTree(int id) {
    Net n = m.net(id);
    if (!n.named() && uses[id] == 1 && !needsIdentifier[id]
        && n.driver() instanceof Driver.Operation op && op.op() == Op.MUX) {
      registerTree[id] = true;
      markTree(resolve(op.args()[1]));
      markTree(resolve(op.args()[2]));
    }
  }

  /**
   * A child input whose only job is to carry a value into the child is connected with that value
   * directly; a child output whose only reader is one named signal drives that signal directly.
   */
  private void elideInstancePassThroughs() {
    for (Instance inst : m.instances()) {
      for (Port p : inst.module().ports()) {
        if (!p.isInput() || p.kind() != Port.Kind.DATA) {
          continue;
        }
        int c = inst.inputs().get(p.name());
        Net n = m.net(c);
        if (n.named() && n.driver() instanceof Driver.Alias && uses[c] == 1 && !isPort(c)) {
          elided[c] = true;
        }
      }
    }
    for (Net n : m.nets()) {
      int y = soleNetConsumer[n.id()];
      if (live[n.id()] && n.driver() instanceof Driver.InstanceOutput && uses[n.id()] == 1 && y >= 0
          && m.net(y).named() && m.net(y).driver() instanceof Driver.Alias && !elided[y]
          && !drivenByInstance[y]) {
        elided[n.id()] = true;
        connectedTo[n.id()] = y;
        drivenByInstance[y] = true;
      }
    }
  }

  private boolean isPort(int id) {
    return m.ports().stream().anyMatch(p -> p.net() == id);
  }

  // --- order and names ---------------------------------------------------------------------------

  /** Depth-first post-order over same-cycle dependencies, visiting roots in net order. */
  private List<Integer> combinationalOrder() {
    List<Integer> out = new ArrayList<>();
    boolean[] done = new boolean[m.nets().size()];
    boolean[] open = new boolean[m.nets().size()];
    for (Net root : m.nets()) {
      if (!live[root.id()] || done[root.id()]) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {root.id(), 0});
      open[root.id()] = true;
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> deps = sameCycleDeps(top[0]);
        if (top[1] < deps.size()) {
          int dep = deps.get(top[1]++);
          if (!done[dep] && !open[dep]) {
            open[dep] = true;
            stack.push(new int[] {dep, 0});
          }
        } else {
          stack.pop();
          done[top[0]] = true;
          out.add(top[0]);
        }
      }
    }
    return List.copyOf(out);
  }

  private List<Integer> sameCycleDeps(int id) {
    Driver d = m.net(id).driver();
    if (d instanceof Driver.Register) {
      return List.of();
    }
    if (d instanceof Driver.MemRead mr
        && m.memories().get(mr.memory()).readPorts().get(mr.port()).sync()) {
      return List.of();
    }
    return operands(id);
  }

  private void assignNames() {
    ExprPrinter trial = new ExprPrinter(m, this, Usage.discarding());
    for (int id : order) {
      Net n = m.net(id);
      Driver d = n.driver();
      if (elided[id] || registerTree[id]) {
        continue;
      }
      if (n.named()) {
        names[id] = n.name();
      } else if (d instanceof Driver.Const || d instanceof Driver.Alias) {
        continue;
      } else if (d instanceof Driver.MemRead mr) {
        Memory mem = m.memories().get(mr.memory());
        boolean sync = mem.readPorts().get(mr.port()).sync();
        if (sync || uses[id] > 1 || needsIdentifier[id]) {
          names[id] = "_" + mem.name() + "_rdata" + mr.port();
        }
      } else if (d instanceof Driver.Operation op) {
        boolean signedValue = op.op() == Op.SHRS || op.op() == Op.DSHRS || signedFactors(id) != null;
        if (needsIdentifier[id] || signedValue && !wholeValueOfNamed(id)) {
          names[id] = temporary();
          continue;
        }
        if (wholeValueOfNamed(id)) {
          continue;
        }
        ExprPrinter.Expr e = trial.define(id);
        String text = e.text();
        boolean repeatable = uses[id] <= 1 || text.length() <= REPEAT_LIMIT && isTest(op) && atomsOnly(op);
        int length = op.op() == Op.MUX && laidOutByArms(id) ? e.longestArm() : text.length();
        if (!repeatable || length > INLINE_LIMIT) {
          names[id] = temporary();
        }
      } else {
        names[id] = temporary();
      }
    }
  }

  /** Used once, as the entire value of a named signal: it is printed alone on its own line. */
  private boolean wholeValueOfNamed(int id) {
    int c = soleNetConsumer[id];
    return uses[id] == 1 && c >= 0 && m.net(c).named() && m.net(c).driver() instanceof Driver.Alias;
  }

  /**
   * A conditional that ends up laid out one arm per line: it is the else value of another
   * conditional, or the whole value of a named signal.
   */
  private boolean laidOutByArms(int id) {
    int c = soleNetConsumer[id];
    if (uses[id] != 1 || c < 0) {
      return false;
    }
    Net consumer = m.net(c);
    if (consumer.named() && consumer.driver() instanceof Driver.Alias) {
      return true;
    }
    return consumer.driver() instanceof Driver.Operation op && op.op() == Op.MUX
        && !registerTree[c] && resolve(op.args()[2]) == id && resolve(op.args()[0]) != id
        && resolve(op.args()[1]) != id && laidOutByArms(c);
  }

  private String temporary() {
    return "_t" + temporaries++;
  }

  private static boolean isTest(Driver.Operation op) {
    switch (op.op()) {
      case EQ, NE, LTU, LEU, LTS, LES, NOT, SLICE, ANDR, ORR, XORR:
        return true;
      default:
        return false;
    }
  }

  private boolean atomsOnly(Driver.Operation op) {
    for (int a : op.args()) {
      int r = resolve(a);
      if (names[r] == null && !(m.net(r).driver() instanceof Driver.Const)) {
        return false;
      }
    }
    return true;
  }
}
