package veneer.hdl.verilog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;

/**
 * Prints netlist expressions as Verilog, width-exact and with no more parentheses than a reader
 * needs.
 *
 * <p>Width exactness rests on one invariant of the IR: every operand of a context-determined
 * Verilog operator ({@code + - * & | ^ ~ ?:}, shift left operands, comparison operands) has the
 * width of the operator's result, so Verilog never widens an inlined sub-expression. The only
 * width-changing operators (extension, slicing, concatenation) are printed as concatenations or
 * part-selects, whose operands are self-determined. Signed operators are confined to forms whose
 * result is unsigned ({@code $signed(a) < $signed(b)}) or are printed only as the whole right-hand
 * side of an assignment ({@code >>>}, and {@code $signed(x) * $signed(y)} for a product of two sign
 * extensions, whose operands Verilog then extends to the assignment's width, the product's own),
 * so signedness never leaks into an enclosing expression.
 */
final class ExprPrinter {
  // Verilog operator precedence, higher binds tighter.
  static final int PRIMARY = 100;
  static final int UNARY = 90;
  static final int MULT = 80;
  static final int ADDITIVE = 70;
  static final int SHIFT = 60;
  static final int RELATIONAL = 50;
  static final int EQUALITY = 40;
  static final int BIT_AND = 35;
  static final int BIT_XOR = 30;
  static final int BIT_OR = 25;
  static final int LOGIC_AND = 20;
  static final int LOGIC_OR = 15;
  static final int CONDITIONAL = 10;

  /**
   * A printed expression, its precedence and its operator (for parenthesization); a chain of
   * conditionals also keeps its arms ({@code "sel ? value"} ..., then the final else value) so
   * that a long chain can be laid out one arm per line.
   */
  record Expr(String text, int prec, String op, List<String> arms) {
    Expr(String text, int prec, String op) {
      this(text, prec, op, null);
    }

    static Expr atom(String text) {
      return new Expr(text, PRIMARY, "");
    }

    /** The longest line of the expression when a conditional chain is laid out arm by arm. */
    int longestArm() {
      return arms == null ? text.length() : arms.stream().mapToInt(String::length).max().orElse(0);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final ModuleIr m;
  private final NetPlan plan;
  private final Usage usage;

  ExprPrinter(ModuleIr m, NetPlan plan, Usage usage) {
    this.m = m;
    this.plan = plan;
    this.usage = usage;
  }

  /** A reference to net {@code id}: its name when declared, its definition when inlined. */
  Expr ref(int id) {
    String name = plan.name(id);
    Net n = m.net(id);
    if (name != null) {
      usage.readAll(id, n.width());
      return Expr.atom(name);
    }
    return define(id);
  }

  /**
   * Net {@code id} as an if-condition, negated when {@code negate}: an inlined comparison is
   * negated by flipping its operator ({@code state != 2'd0} rather than {@code !(state == 2'd0)}).
   */
  Expr condition(int id, boolean negate) {
    if (!negate) {
      return ref(id);
    }
    Net n = m.net(id);
    if (plan.name(id) == null && n.driver() instanceof Driver.Operation op) {
      int[] a = op.args();
      switch (op.op()) {
        case EQ:
          return binary(ref(a[0]), "!=", EQUALITY, ref(a[1]));
        case NE:
          return binary(ref(a[0]), "==", EQUALITY, ref(a[1]));
        case NOT:
          if (n.width() == 1) {
            return ref(a[0]);
          }
          break;
        case LTU:
          if (isZero(a[1]) || isAllOnes(a[0])) {
            break;
          }
          return binary(ref(a[0]), ">=", RELATIONAL, ref(a[1]));
        case LEU:
          if (isZero(a[0]) || isAllOnes(a[1])) {
            break;
          }
          return binary(ref(a[0]), ">", RELATIONAL, ref(a[1]));
        default:
          break;
      }
    }
    return not(ref(id));
  }

  /** A port of this module by name, such as a clock or a reset in an always block. */
  Expr port(String portName) {
    veneer.hdl.ir.Port p = m.port(portName).orElseThrow(() -> new IllegalStateException(
        "module " + m.name() + " has no port '" + portName + "'"));
    usage.readAll(p.net(), p.width());
    return Expr.atom(portName);
  }

  /** The expression that computes net {@code id} from its driver (never its own name). */
  Expr define(int id) {
    Net n = m.net(id);
    Driver d = n.driver();
    if (d instanceof Driver.Const c) {
      return Expr.atom(VerilogText.literal(n.width(), c.value()));
    } else if (d instanceof Driver.Alias a) {
      return ref(a.source());
    } else if (d instanceof Driver.Operation op) {
      return operation(n, op);
    } else if (d instanceof Driver.MemRead mr) {
      Memory mem = m.memories().get(mr.memory());
      Memory.ReadPort port = mem.readPorts().get(mr.port());
      if (port.sync()) {
        throw new IllegalStateException("a synchronous read is a register, not an expression");
      }
      return memoryRead(mr.memory(), port.addr());
    }
    throw new IllegalStateException("net %" + id + " (" + d + ") has no expression form");
  }

  /** {@code mem[addr]}, or 0 for addresses beyond the depth when it is not a power of two. */
  Expr memoryRead(int memory, int addr) {
    Memory mem = m.memories().get(memory);
    usage.readMemory(memory);
    Expr a = ref(addr);
    Expr word = Expr.atom(mem.name() + "[" + a + "]");
    BigInteger fixed = constantValue(addr);
    if (!NetPlan.needsAddressGuard(mem) || fixed != null && fixed.intValue() < mem.depth()) {
      return word;
    }
    if (fixed != null) {
      return Expr.atom(VerilogText.literal(mem.width(), BigInteger.ZERO));
    }
    return conditional(addressInRange(mem, a), word, Expr.atom(VerilogText.literal(mem.width(), BigInteger.ZERO)));
  }

  /** {@code addr < DEPTH}. */
  Expr addressInRange(Memory mem, Expr addr) {
    return binary(addr, "<", RELATIONAL,
        Expr.atom(VerilogText.literal(mem.addrWidth(), BigInteger.valueOf(mem.depth()))));
  }

  /** Bits {@code [hi:lo]} of net {@code id} as a part-select (or a folded literal for constants). */
  Expr bits(int id, int hi, int lo) {
    Net n = m.net(id);
    if (lo == 0 && hi == n.width() - 1) {
      return ref(id);
    }
    BigInteger c = constantValue(id);
    if (c != null) {
      BigInteger v = c.shiftRight(lo).and(BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(BigInteger.ONE));
      return Expr.atom(VerilogText.literal(hi - lo + 1, v));
    }
    String name = plan.name(id);
    if (name == null) {
      throw new IllegalStateException("part-select of undeclared net %" + id);
    }
    usage.readBits(id, hi, lo);
    return Expr.atom(name + (hi == lo ? "[" + hi + "]" : "[" + hi + ":" + lo + "]"));
  }

  /** The value of a constant net (through unnamed aliases), or null. */
  BigInteger constantValue(int id) {
    Net n = m.net(id);
    if (n.driver() instanceof Driver.Const c) {
      return c.value();
    }
    if (!n.named() && n.driver() instanceof Driver.Alias a) {
      return constantValue(a.source());
    }
    return null;
  }

  private Expr operation(Net n, Driver.Operation op) {
    int[] a = op.args();
    int w = n.width();
    switch (op.op()) {
      case ADD:
        return binary(ref(a[0]), "+", ADDITIVE, ref(a[1]));
      case SUB:
        return binary(ref(a[0]), "-", ADDITIVE, ref(a[1]));
      case MUL: {
        int[] factors = plan.signedFactors(n.id());
        if (factors != null) {
          return binary(signed(ref(factors[0])), "*", MULT, signed(ref(factors[1])));
        }
        return binary(ref(a[0]), "*", MULT, ref(a[1]));
      }
      case AND:
        return w == 1 ? binary(ref(a[0]), "&&", LOGIC_AND, ref(a[1])) : binary(ref(a[0]), "&", BIT_AND, ref(a[1]));
      case OR:
        return w == 1 ? binary(ref(a[0]), "||", LOGIC_OR, ref(a[1])) : binary(ref(a[0]), "|", BIT_OR, ref(a[1]));
      case XOR:
        return binary(ref(a[0]), "^", BIT_XOR, ref(a[1]));
      case NOT:
        if (plan.name(a[0]) == null && m.net(a[0]).driver() instanceof Driver.Operation inner
            && inner.op() == Op.NOT) {
          return ref(inner.args()[0]);  // a double negation, as when() conditions produce them
        }
        return unary(w == 1 ? "!" : "~", ref(a[0]));
      case SHL:
      case SHRU:
      case SHRS:
        return staticShift(op.op(), a[0], w, BigInteger.valueOf(op.param()));
      case DSHL:
      case DSHRU:
      case DSHRS: {
        BigInteger amount = constantValue(a[1]);
        if (amount != null) {
          return staticShift(op.op(), a[0], w, amount);
        }
        String sym = op.op() == Op.DSHL ? "<<" : op.op() == Op.DSHRU ? ">>" : ">>>";
        return binary(op.op() == Op.DSHRS ? signed(ref(a[0])) : ref(a[0]), sym, SHIFT, ref(a[1]));
      }
      case EQ:
        return binary(ref(a[0]), "==", EQUALITY, ref(a[1]));
      case NE:
        return binary(ref(a[0]), "!=", EQUALITY, ref(a[1]));
      case LTU:
        // x < 0 and MAX < x are always false, 0 <= x and x <= MAX always true; Verilator warns
        // (UNSIGNED, CMPCONST) on the literal forms.
        return isZero(a[1]) || isAllOnes(a[0]) ? Expr.atom("1'b0") : binary(ref(a[0]), "<", RELATIONAL, ref(a[1]));
      case LEU:
        return isZero(a[0]) || isAllOnes(a[1]) ? Expr.atom("1'b1") : binary(ref(a[0]), "<=", RELATIONAL, ref(a[1]));
      case LTS:
        return binary(signed(ref(a[0])), "<", RELATIONAL, signed(ref(a[1])));
      case LES:
        return binary(signed(ref(a[0])), "<=", RELATIONAL, signed(ref(a[1])));
      case MUX:
        return conditional(ref(a[0]), ref(a[1]), ref(a[2]));
      case CAT:
        return concatenation(a);
      case SLICE:
        return bits(a[0], op.param() + w - 1, op.param());
      case ZEXT:
        return zeroExtend(a[0], w);
      case SEXT:
        return signExtend(a[0], w);
      case ANDR:
        return reduction("&", a[0]);
      case ORR:
        return reduction("|", a[0]);
      case XORR:
        return reduction("^", a[0]);
      default:
        throw new IllegalStateException("no Verilog form for " + op.op());
    }
  }

  private boolean isAllOnes(int id) {
    BigInteger c = constantValue(id);
    return c != null && c.add(BigInteger.ONE).equals(BigInteger.ONE.shiftLeft(m.net(id).width()));
  }

  private boolean isZero(int id) {
    BigInteger c = constantValue(id);
    return c != null && c.signum() == 0;
  }

  /**
   * A shift by a known amount, printed as a small decimal. Shifting by the width or more leaves
   * nothing (or only sign bits), so it is printed as that result: Verilog tools reject or warn
   * on shift amounts wider than 32 bits.
   */
  private Expr staticShift(Op op, int arg, int w, BigInteger amount) {
    if (amount.signum() == 0) {
      return ref(arg);
    }
    boolean arithmetic = op == Op.SHRS || op == Op.DSHRS;
    if (amount.compareTo(BigInteger.valueOf(w)) >= 0) {
      if (!arithmetic) {
        return Expr.atom(VerilogText.literal(w, BigInteger.ZERO));
      }
      amount = BigInteger.valueOf(w - 1);
      if (w == 1) {
        return ref(arg);
      }
    }
    Expr n = Expr.atom(amount.toString());
    if (op == Op.SHL || op == Op.DSHL) {
      return binary(ref(arg), "<<", SHIFT, n);
    }
    return arithmetic ? binary(signed(ref(arg)), ">>>", SHIFT, n) : binary(ref(arg), ">>", SHIFT, n);
  }

  private Expr reduction(String sym, int arg) {
    return m.net(arg).width() == 1 ? ref(arg) : unary(sym, ref(arg));
  }

  private Expr concatenation(int[] args) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(element(ref(args[i])));
    }
    return Expr.atom(sb.append('}').toString());
  }

  private Expr zeroExtend(int arg, int w) {
    int have = m.net(arg).width();
    if (have == w) {
      return ref(arg);
    }
    BigInteger c = constantValue(arg);
    if (c != null) {
      return Expr.atom(VerilogText.literal(w, c));
    }
    return Expr.atom("{" + VerilogText.literal(w - have, BigInteger.ZERO) + ", " + element(ref(arg)) + "}");
  }

  private Expr signExtend(int arg, int w) {
    int have = m.net(arg).width();
    if (have == w) {
      return ref(arg);
    }
    BigInteger c = constantValue(arg);
    if (c != null) {
      BigInteger v = c.testBit(have - 1) ? c.subtract(BigInteger.ONE.shiftLeft(have)).add(BigInteger.ONE.shiftLeft(w)) : c;
      return Expr.atom(VerilogText.literal(w, v));
    }
    if (have == 1) {
      return Expr.atom("{" + w + "{" + element(ref(arg)) + "}}");
    }
    Expr sign = bits(arg, have - 1, have - 1);
    return Expr.atom("{{" + (w - have) + "{" + sign + "}}, " + ref(arg) + "}");
  }

  private static Expr signed(Expr e) {
    return Expr.atom("$signed(" + e + ")");
  }

  private static String element(Expr e) {
    return e.prec() <= CONDITIONAL ? "(" + e + ")" : e.text();
  }

  static Expr unary(String sym, Expr e) {
    return new Expr(sym + (e.prec() >= PRIMARY ? e.text() : "(" + e + ")"), UNARY, sym);
  }

  /** {@code !e} that reads well in a condition: {@code !ready}, {@code !(a && b)}. */
  static Expr not(Expr e) {
    return unary("!", e);
  }

  static Expr binary(Expr l, String sym, int prec, Expr r) {
    return new Expr(operand(l, prec, sym, true) + " " + sym + " " + operand(r, prec, sym, false), prec, sym);
  }

  static Expr conditional(Expr sel, Expr whenTrue, Expr whenFalse) {
    String s = sel.prec() >= UNARY ? sel.text() : "(" + sel + ")";
    String t = whenTrue.prec() <= CONDITIONAL ? "(" + whenTrue + ")" : whenTrue.text();
    List<String> arms = new ArrayList<>();
    arms.add(s + " ? " + t);
    if (whenFalse.arms() != null) {
      arms.addAll(whenFalse.arms());
    } else {
      arms.add(whenFalse.text());
    }
    return new Expr(s + " ? " + t + " : " + whenFalse, CONDITIONAL, "?:", List.copyOf(arms));
  }

  private static String operand(Expr child, int parentPrec, String parentOp, boolean left) {
    return needsParens(child, parentPrec, parentOp, left) ? "(" + child + ")" : child.text();
  }

  private static boolean needsParens(Expr child, int parentPrec, String parentOp, boolean left) {
    int c = child.prec();
    if (c >= UNARY) {
      return false;
    }
    if (c == CONDITIONAL || c < parentPrec) {
      return true;
    }
    if (c == parentPrec) {
      return !(left && child.op().equals(parentOp));
    }
    boolean parentBitwise = parentPrec == BIT_AND || parentPrec == BIT_XOR || parentPrec == BIT_OR;
    boolean childLogic = c == BIT_AND || c == BIT_XOR || c == BIT_OR || c == LOGIC_AND || c == LOGIC_OR;
    boolean parentCompare = parentPrec == EQUALITY || parentPrec == RELATIONAL;
    boolean childCompare = c == EQUALITY || c == RELATIONAL;
    return parentBitwise
        || (parentPrec == LOGIC_AND || parentPrec == LOGIC_OR) && childLogic
        || parentPrec == SHIFT
        || parentCompare && childCompare;
  }
}
