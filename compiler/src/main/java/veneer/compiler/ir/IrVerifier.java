package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the IR invariants: block structure (phis first, one terminator last), predecessor lists,
 * reachability, phi arity, SSA dominance (every use is dominated by its definition; a phi operand
 * by the end of its incoming block) and operand types. Tests run it after every pass.
 *
 * <pre>{@code
 * IrVerifier.verify(ir);   // throws IllegalStateException listing every broken invariant
 * }</pre>
 */
public final class IrVerifier {
  private final List<String> problems = new ArrayList<>();
  private Function fn;

  private IrVerifier() {
  }

  /** Verifies every function of {@code ir}. */
  public static void verify(KernelIr ir) {
    for (Function f : ir.functions()) {
      verify(f);
    }
  }

  /** Verifies one function; throws with all problems found and the printed function. */
  public static void verify(Function f) {
    IrVerifier v = new IrVerifier();
    v.fn = f;
    v.check();
    if (!v.problems.isEmpty()) {
      throw new IllegalStateException("IR of " + f.displayName() + " is broken:\n  "
          + String.join("\n  ", v.problems) + "\n" + IrPrinter.print(f, false));
    }
  }

  private void problem(Block b, Instr i, String what) {
    int bi = fn.blocks().indexOf(b);
    int ii = i == null ? -1 : b.instrs().indexOf(i);
    problems.add("b" + bi + (ii >= 0 ? "[" + ii + "] " + i.op() : "") + ": " + what);
  }

  private void check() {
    if (fn.blocks().isEmpty()) {
      problems.add("function has no blocks");
      return;
    }
    Set<Block> blocks = new HashSet<>(fn.blocks());
    Set<Instr> all = new HashSet<>();
    for (Block b : fn.blocks()) {
      all.addAll(b.instrs());
    }
    for (Block b : fn.blocks()) {
      structure(b, blocks);
    }
    if (!problems.isEmpty()) {
      return;
    }
    if (!fn.entry().preds().isEmpty()) {
      problem(fn.entry(), null, "the entry block has predecessors");
    }
    List<Set<Block>> expected = new ArrayList<>();
    for (Block b : fn.blocks()) {
      expected.add(new LinkedHashSet<>());
    }
    for (Block b : fn.blocks()) {
      for (Block s : b.successors()) {
        expected.get(fn.blocks().indexOf(s)).add(b);
      }
    }
    for (int k = 0; k < fn.blocks().size(); k++) {
      Block b = fn.blocks().get(k);
      if (!new HashSet<>(b.preds()).equals(expected.get(k)) || b.preds().size() != expected.get(k).size()) {
        problem(b, null, "predecessor list is stale");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    Dominators dom = new Dominators(fn);
    for (Block b : fn.blocks()) {
      if (!dom.isReachable(b)) {
        problem(b, null, "block is unreachable from the entry");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    for (Block b : fn.blocks()) {
      for (Instr i : b.instrs()) {
        operandsDefined(b, i, all, dom);
        types(b, i);
      }
    }
  }

  private void structure(Block b, Set<Block> blocks) {
    List<Instr> is = b.instrs();
    if (is.isEmpty() || !is.get(is.size() - 1).op().isTerminator()) {
      problem(b, null, "block does not end with a terminator");
    }
    boolean phisDone = false;
    for (int k = 0; k < is.size(); k++) {
      Instr i = is.get(k);
      if (i.block() != b) {
        problem(b, i, "instruction thinks it is in another block");
      }
      if (i.op() == Op.PHI) {
        if (phisDone) {
          problem(b, i, "phi after a non-phi instruction");
        }
      } else {
        phisDone = true;
      }
      if (i.op().isTerminator() && k != is.size() - 1) {
        problem(b, i, "terminator in the middle of the block");
      }
      for (Block t : i.targets()) {
        if (!blocks.contains(t)) {
          problem(b, i, "branches to a block outside the function");
        }
      }
    }
  }

  private void operandsDefined(Block b, Instr i, Set<Instr> all, Dominators dom) {
    if (i.op() == Op.PHI) {
      if (i.incoming().size() != i.operands().size()) {
        problem(b, i, "phi has " + i.operands().size() + " operands for " + i.incoming().size() + " blocks");
        return;
      }
      if (!new HashSet<>(i.incoming()).equals(new HashSet<>(b.preds())) || i.incoming().size() != b.preds().size()) {
        problem(b, i, "phi operands do not match the predecessors one to one");
        return;
      }
    }
    for (int k = 0; k < i.operands().size(); k++) {
      Value v = i.operand(k);
      if (v instanceof Param p) {
        if (!fn.params().contains(p)) {
          problem(b, i, "uses parameter " + p + " of another function");
        }
      } else if (v instanceof Instr d) {
        if (!all.contains(d)) {
          problem(b, i, "uses a " + d.op() + " that is not in the function");
        } else if (d.type() == IrType.VOID) {
          problem(b, i, "uses the result of a void " + d.op());
        } else if (i.op() == Op.PHI) {
          Block from = i.incoming().get(k);
          if (!dom.dominates(d.block(), from)) {
            problem(b, i, "phi operand from b" + fn.blocks().indexOf(from) + " is not dominated by its definition");
          }
        } else if (!dom.dominates(d, i)) {
          problem(b, i, "operand " + k + " (" + d.op() + ") does not dominate its use");
        }
      }
    }
  }

  private void expect(Block b, Instr i, int k, IrType t) {
    if (k >= i.operands().size()) {
      problem(b, i, "missing operand " + k);
      return;
    }
    IrType found = i.operand(k).type();
    if (found != t) {
      problem(b, i, "operand " + k + " must be " + t + ", found " + found);
    }
  }

  private void arity(Block b, Instr i, int n) {
    if (i.operands().size() != n) {
      problem(b, i, "expects " + n + " operands, found " + i.operands().size());
    }
  }

  private void types(Block b, Instr i) {
    IrType t = i.type();
    switch (i.op()) {
      case PHI -> {
        for (Value v : i.operands()) {
          boolean ok = v.type() == t || (t.isRef() && v.type() == IrType.NULL);
          if (!ok) {
            problem(b, i, "phi of type " + t + " has an operand of type " + v.type());
          }
        }
      }
      case ADD, SUB, MUL, DIV, REM, AND, OR, XOR -> {
        arity(b, i, 2);
        integer(b, i, t);
        expect(b, i, 0, t);
        expect(b, i, 1, t);
      }
      case MULHI -> {
        arity(b, i, 2);
        expect(b, i, 0, IrType.I32);
        expect(b, i, 1, IrType.I32);
      }
      case SHL, SHR, USHR -> {
        arity(b, i, 2);
        integer(b, i, t);
        expect(b, i, 0, t);
        expect(b, i, 1, IrType.I32);
      }
      case NEG -> {
        arity(b, i, 1);
        integer(b, i, t);
        expect(b, i, 0, t);
      }
      case I2L -> conversion(b, i, IrType.I32, IrType.I64);
      case L2I -> conversion(b, i, IrType.I64, IrType.I32);
      case I2B, I2S, I2C -> conversion(b, i, IrType.I32, IrType.I32);
      case ICMP -> {
        arity(b, i, 2);
        if (t != IrType.I1) {
          problem(b, i, "icmp must be i1");
        }
        IrType a = i.operand(0).type();
        IrType c = i.operand(1).type();
        boolean refs = a.isRef() && c.isRef();
        if (!(refs || (a == c && a.isInteger()))) {
          problem(b, i, "icmp compares " + a + " with " + c);
        }
        if (refs && i.cond() != Cond.EQ && i.cond() != Cond.NE) {
          problem(b, i, "references compare only with eq/ne");
        }
      }
      case LCMP -> {
        arity(b, i, 2);
        expect(b, i, 0, IrType.I64);
        expect(b, i, 1, IrType.I64);
      }
      case INTRINSIC -> {
        arity(b, i, i.intrinsic().arity());
        for (int k = 0; k < i.intrinsic().arity() && k < i.operands().size(); k++) {
          expect(b, i, k, i.intrinsic().argType(k));
        }
      }
      case BUILTIN -> {
        arity(b, i, 1);
        expect(b, i, 0, IrType.I32);
      }
      case ALEN, NULLCHECK -> {
        arity(b, i, 1);
        ref(b, i, 0);
      }
      case ALOAD -> {
        arity(b, i, 2);
        ref(b, i, 0);
        expect(b, i, 1, IrType.I32);
        Elem e = i.elem();
        if (e != null && t != e.valueType()) {
          problem(b, i, "load of " + e + " must be " + e.valueType());
        }
      }
      case ASTORE -> {
        arity(b, i, 3);
        ref(b, i, 0);
        expect(b, i, 1, IrType.I32);
        Elem e = i.elem();
        if (e != null) {
          expect(b, i, 2, e.valueType());
        }
      }
      case BOUNDSCHECK -> {
        arity(b, i, 2);
        expect(b, i, 0, IrType.I32);
        expect(b, i, 1, IrType.I32);
      }
      case DIVZEROCHECK -> {
        arity(b, i, 1);
        integer(b, i, i.operand(0).type());
      }
      case BARRIER -> arity(b, i, 0);
      case CALL -> {
        List<Param> ps = i.callee().params();
        arity(b, i, ps.size());
        for (int k = 0; k < ps.size() && k < i.operands().size(); k++) {
          IrType want = ps.get(k).type();
          IrType got = i.operand(k).type();
          if (got != want && !(want.isRef() && got == IrType.NULL)) {
            problem(b, i, "argument " + k + " must be " + want + ", found " + got);
          }
        }
      }
      case JUMP -> arity(b, i, 0);
      case BRANCH -> {
        arity(b, i, 1);
        expect(b, i, 0, IrType.I1);
      }
      case SWITCH -> {
        arity(b, i, 1);
        expect(b, i, 0, IrType.I32);
        if (i.targets().size() != i.caseKeys().length + 1) {
          problem(b, i, "switch has " + i.caseKeys().length + " keys for " + (i.targets().size() - 1) + " cases");
        }
      }
      case RETURN -> {
        if (fn.returnType() == IrType.VOID) {
          arity(b, i, 0);
        } else {
          arity(b, i, 1);
          if (!i.operands().isEmpty()) {
            IrType got = i.operand(0).type();
            if (got != fn.returnType() && !(fn.returnType().isRef() && got == IrType.NULL)) {
              problem(b, i, "returns " + got + " from a function of type " + fn.returnType());
            }
          }
        }
      }
    }
  }

  private void integer(Block b, Instr i, IrType t) {
    if (!t.isInteger()) {
      problem(b, i, "must be i32 or i64, found " + t);
    }
  }

  private void ref(Block b, Instr i, int k) {
    if (!i.operand(k).type().isRef()) {
      problem(b, i, "operand " + k + " must be an array reference, found " + i.operand(k).type());
    }
  }

  private void conversion(Block b, Instr i, IrType from, IrType to) {
    arity(b, i, 1);
    expect(b, i, 0, from);
    if (i.type() != to) {
      problem(b, i, "result must be " + to);
    }
  }
}
