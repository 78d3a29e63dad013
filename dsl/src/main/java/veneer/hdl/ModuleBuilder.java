package veneer.hdl;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

/**
 * The mutable netlist of a module while its Java constructor runs: nets, ports, memories,
 * instances and the tree of conditional assignments that {@link WhenLowering} turns into muxes
 * when the module is sealed.
 */
final class ModuleBuilder {

  /** What a net is, which decides whether it may be assigned. */
  enum NetKind { INPUT, OUTPUT, WIRE, REG, NODE, CONST, CHILD_IN, CHILD_OUT, MEM_READ }

  static final class NetB {
    final int id;
    final int width;
    String name;
    final SourceLoc loc;
    final NetKind kind;
    Driver driver;
    BigInteger reset;

    NetB(int id, int width, String name, SourceLoc loc, NetKind kind, Driver driver) {
      this.id = id;
      this.width = width;
      this.name = name;
      this.loc = loc;
      this.kind = kind;
      this.driver = driver;
    }

    boolean assignable() {
      return kind == NetKind.OUTPUT || kind == NetKind.WIRE || kind == NetKind.REG
          || kind == NetKind.CHILD_IN;
    }

    String describe() {
      String what = switch (kind) {
        case INPUT -> "input";
        case OUTPUT -> "output";
        case WIRE -> "wire";
        case REG -> "register";
        case CHILD_IN -> "child input";
        case CHILD_OUT -> "child output";
        case MEM_READ -> "memory read data";
        case CONST -> "constant";
        case NODE -> "expression";
      };
      return what + (name == null ? "" : " '" + name + "'") + " (" + loc + ")";
    }
  }

  record PortB(String name, Port.Direction direction, Port.Kind kind, int net, SourceLoc loc) {}

  static final class MemB {
    final String name;
    final int width;
    final int depth;
    BigInteger[] init;
    boolean exclusiveWrites;
    final List<Memory.ReadPort> reads = new ArrayList<>();
    final List<Memory.WritePort> writes = new ArrayList<>();
    final SourceLoc loc;

    MemB(String name, int width, int depth, SourceLoc loc) {
      this.name = name;
      this.width = width;
      this.depth = depth;
      this.loc = loc;
    }
  }

  static final class InstB {
    final String name;
    final Module child;
    /** child port name -> parent net, for data ports. */
    final Map<String, Integer> portNets = new LinkedHashMap<>();
    final SourceLoc loc;
    /** A net of the parent that also resets the child (OR'ed with the parent's reset), or -1. */
    int extraReset = -1;

    InstB(String name, Module child, SourceLoc loc) {
      this.name = name;
      this.child = child;
      this.loc = loc;
    }
  }

  // --- the conditional-assignment tree -------------------------------------------------------

  sealed interface Stmt permits Assign, When {}

  record Assign(int target, int value, SourceLoc loc) implements Stmt {}

  static final class When implements Stmt {
    final List<Integer> conds = new ArrayList<>();
    final List<SourceLoc> condLocs = new ArrayList<>();
    final List<List<Stmt>> bodies = new ArrayList<>();
    List<Stmt> otherwise;
    final SourceLoc loc;

    When(SourceLoc loc) {
      this.loc = loc;
    }
  }

  /** One open branch of a when: the statement and which branch (conds.size() = otherwise). */
  record Frame(When when, int branch, List<Stmt> body) {}

  final List<NetB> nets = new ArrayList<>();
  final List<PortB> ports = new ArrayList<>();
  final List<MemB> mems = new ArrayList<>();
  final List<InstB> instances = new ArrayList<>();
  final List<veneer.hdl.ir.Assertion> assertions = new ArrayList<>();
  final List<Stmt> root = new ArrayList<>();
  final Deque<Frame> frames = new ArrayDeque<>();
  final Map<String, SourceLoc> names = new HashMap<>();
  /** Set by {@code Module.keepHierarchy()}. */
  boolean keepHierarchy;
  NetB net(int id) {
    return nets.get(id);
  }

  int width(int id) {
    return nets.get(id).width;
  }

  int add(int width, String name, SourceLoc loc, NetKind kind, Driver driver) {
    if (name != null) {
      claimName(name, loc);
    }
    int id = nets.size();
    nets.add(new NetB(id, width, name, loc, kind, driver));
    return id;
  }

  void claimName(String name, SourceLoc loc) {
    Names.check(name, loc);
    SourceLoc previous = names.putIfAbsent(name, loc);
    if (previous != null) {
      throw new HdlException(loc, "the name '" + name + "' is already used in this module (at "
          + previous + "); every port, wire, register, memory and instance needs its own name");
    }
  }

  int op(Op op, int width, SourceLoc loc, int param, int... args) {
    return add(width, null, loc, NetKind.NODE, new Driver.Operation(op, args, param));
  }

  int constant(int width, BigInteger value, SourceLoc loc) {
    return add(width, null, loc, NetKind.CONST, new Driver.Const(value));
  }

  List<Stmt> currentBody() {
    return frames.isEmpty() ? root : frames.peek().body();
  }

  /**
   * The condition under which statements at the current point take effect: the conjunction of
   * the branch conditions of every open when. Returns -1 when unconditional.
   */
  int pathCondition(SourceLoc loc) {
    int path = -1;
    for (var it = frames.descendingIterator(); it.hasNext(); ) {
      Frame f = it.next();
      int branch = branchCondition(f, loc);
      path = path < 0 ? branch : op(Op.AND, 1, loc, 0, path, branch);
    }
    return path;
  }

  private int branchCondition(Frame f, SourceLoc loc) {
    int cond = f.branch() < f.when().conds.size() ? f.when().conds.get(f.branch()) : -1;
    for (int i = 0; i < f.branch() && i < f.when().conds.size(); i++) {
      int notPrev = op(Op.NOT, 1, loc, 0, f.when().conds.get(i));
      cond = cond < 0 ? notPrev : op(Op.AND, 1, loc, 0, cond, notPrev);
    }
    return cond;
  }
}
