package veneer.compiler.pass;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Cond;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Dominators;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a bounds check {@code 0 <= i < a.length} when both halves are proven:
 * <ul>
 *   <li>{@code i < a.length}: a dominating branch edge where the condition says so (the loop
 *       condition {@code i < a.length}, a guard {@code if (i < a.length)}), or a dominating check of
 *       the same index against the same array;</li>
 *   <li>{@code i >= 0}: a non-negative constant, a work-item id or size, an array length, a mask
 *       with a non-negative operand, an unsigned shift, a char, or an induction variable that starts
 *       non-negative and only grows by one under a guard {@code i < bound} (so it cannot wrap).</li>
 * </ul>
 */
public final class BoundsCheckElimination implements Pass {
  @Override
  public String name() {
    return "bounds-check-elimination";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      Dominators dom = new Dominators(f);
      List<Instr> redundant = new ArrayList<>();
      for (Instr i : f.instructions()) {
        if (i.op() == Op.BOUNDSCHECK && nonNegative(i.operand(0), new HashSet<>(), dom)
            && below(i.operand(0), i.operand(1), i, dom)) {
          redundant.add(i);
        }
      }
      for (Instr i : redundant) {
        i.block().remove(i);
      }
    }
  }

  /** True if {@code a} and {@code b} are the same length: one value, or lengths of one array. */
  private static boolean sameLength(Value a, Value b) {
    if (a == b) {
      return true;
    }
    return a instanceof Instr x && b instanceof Instr y && x.op() == Op.ALEN && y.op() == Op.ALEN
        && x.operand(0) == y.operand(0);
  }

  /** Conditions known to hold at {@code at}: from the dominating branch edges. */
  private static List<Instr> facts(Instr at, Dominators dom, List<Boolean> polarity) {
    List<Instr> facts = new ArrayList<>();
    for (Block b = at.block(); ; b = dom.idom(b)) {
      if (b.preds().size() == 1) {
        Instr t = b.preds().get(0).terminator();
        if (t.op() == Op.BRANCH && t.targets().get(0) != t.targets().get(1)
            && t.operand(0) instanceof Instr c && c.op() == Op.ICMP) {
          facts.add(c);
          polarity.add(t.targets().get(0) == b);
        }
      }
      if (dom.idom(b) == b) {
        return facts;
      }
    }
  }

  /** True if {@code i < len} holds at {@code at} (signed). */
  private static boolean below(Value i, Value len, Instr at, Dominators dom) {
    List<Boolean> polarity = new ArrayList<>();
    List<Instr> facts = facts(at, dom, polarity);
    for (int k = 0; k < facts.size(); k++) {
      Instr c = facts.get(k);
      Cond cond = polarity.get(k) ? c.cond() : c.cond().negate();
      Value a = c.operand(0);
      Value b = c.operand(1);
      if (cond == Cond.GT) {
        cond = Cond.LT;
        Value x = a;
        a = b;
        b = x;
      }
      if (cond == Cond.LT && a == i && sameLength(b, len)) {
        return true;
      }
    }
    // a dominating check of the same index against the same array
    for (Block b = at.block(); ; b = dom.idom(b)) {
      for (Instr x : b.instrs()) {
        if (x == at) {
          break;
        }
        if (x.op() == Op.BOUNDSCHECK && x.operand(0) == i && sameLength(x.operand(1), len)) {
          return true;
        }
      }
      if (dom.idom(b) == b) {
        return false;
      }
    }
  }

  /** True if {@code v} has a strict upper bound where {@code at} runs, so {@code v + 1} cannot wrap. */
  private static boolean boundedAbove(Value v, Instr at, Dominators dom) {
    List<Boolean> polarity = new ArrayList<>();
    List<Instr> facts = facts(at, dom, polarity);
    for (int k = 0; k < facts.size(); k++) {
      Instr c = facts.get(k);
      Cond cond = polarity.get(k) ? c.cond() : c.cond().negate();
      if ((cond == Cond.LT && c.operand(0) == v) || (cond == Cond.GT && c.operand(1) == v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nonNegative(Value v, Set<Instr> assumed, Dominators dom) {
    if (v instanceof Const c) {
      return c.bits() >= 0;
    }
    if (!(v instanceof Instr i)) {
      return false;
    }
    return switch (i.op()) {
      case BUILTIN, ALEN, I2C -> true;
      case INTRINSIC -> switch (i.intrinsic()) {
        case IBITCOUNT, LBITCOUNT, ICLZ, LCLZ, ICTZ, LCTZ, BTOUNSIGNEDINT, STOUNSIGNEDINT -> true;
        default -> false;
      };
      case AND -> nonNegative(i.operand(0), assumed, dom) || nonNegative(i.operand(1), assumed, dom);
      case USHR -> i.operand(1) instanceof Const s && (s.bits() & 31) != 0;
      case SHR, REM -> nonNegative(i.operand(0), assumed, dom);
      case DIV -> nonNegative(i.operand(0), assumed, dom) && i.operand(1) instanceof Const d && d.bits() > 0;
      case ADD -> {
        Value x = i.operand(0);
        Value y = i.operand(1);
        if (x instanceof Const) {
          Value t = x;
          x = y;
          y = t;
        }
        yield y instanceof Const c && (c.bits() == 0 || c.bits() == 1) && nonNegative(x, assumed, dom)
            && (c.bits() == 0 || boundedAbove(x, i, dom));
      }
      case PHI -> {
        if (!assumed.add(i)) {
          yield true;
        }
        boolean all = true;
        for (Value o : i.operands()) {
          all &= nonNegative(o, assumed, dom);
        }
        if (!all) {
          assumed.remove(i);
        }
        yield all;
      }
      default -> false;
    };
  }
}
