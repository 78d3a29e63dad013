package veneer.compiler.pass;

import veneer.compiler.ir.Block;
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
 * Moves loop-invariant computations into a preheader (created where a loop lacks one). Pure
 * operations move freely; a division only when its divisor is a non-zero constant; an array
 * length only when a null check of that array already runs before the loop. A check moves only
 * from the loop header, and only if nothing with an effect precedes it there — the header runs on
 * loop entry, so the trap (if any) happens at the same point and with the same source line.
 */
public final class LoopInvariantMotion implements Pass {
  @Override
  public String name() {
    return "licm";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      insertPreheaders(f);
      Dominators dom = new Dominators(f);
      for (Loops.Loop loop : Loops.find(f, dom)) {
        hoist(f, loop, dom);
      }
    }
  }

  private static Block preheader(Loops.Loop loop) {
    List<Block> outside = new ArrayList<>();
    for (Block p : loop.header().preds()) {
      if (!loop.body().contains(p)) {
        outside.add(p);
      }
    }
    if (outside.size() == 1 && outside.get(0).successors().size() == 1) {
      return outside.get(0);
    }
    return null;
  }

  private static void insertPreheaders(Function f) {
    f.recomputePreds();
    Dominators dom = new Dominators(f);
    for (Loops.Loop loop : Loops.find(f, dom)) {
      if (preheader(loop) != null) {
        continue;
      }
      Block h = loop.header();
      List<Block> outside = new ArrayList<>();
      for (Block p : h.preds()) {
        if (!loop.body().contains(p)) {
          outside.add(p);
        }
      }
      Block ph = f.newBlockAfter(outside.get(outside.size() - 1));
      for (Block p : outside) {
        p.terminator().targets().replaceAll(t -> t == h ? ph : t);
      }
      for (Instr phi : h.phis()) {
        Instr merged = Instr.phi(phi.type(), phi.loc());
        for (Block p : outside) {
          merged.addIncoming(p, phi.incomingValue(p));
          phi.removeIncoming(p);
        }
        ph.addPhi(merged);
        phi.addIncoming(ph, outside.size() == 1 ? merged.operand(0) : merged);
        if (outside.size() == 1) {
          ph.remove(merged);
        }
      }
      ph.append(Instr.jump(h.terminator().loc(), h));
      f.recomputePreds();
    }
  }

  private static void hoist(Function f, Loops.Loop loop, Dominators dom) {
    Block ph = preheader(loop);
    if (ph == null) {
      return;
    }
    Set<Instr> inLoop = new HashSet<>();
    for (Block b : loop.body()) {
      inLoop.addAll(b.instrs());
    }
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Block b : dom.reversePostorder()) {
        if (!loop.body().contains(b)) {
          continue;
        }
        boolean headerPrefix = b == loop.header();
        for (Instr i : new ArrayList<>(b.instrs())) {
          if (i.op() == Op.PHI) {
            continue;
          }
          if (invariant(i, inLoop) && movable(i, headerPrefix, ph, dom)) {
            ph.moveBeforeTerminator(i);
            inLoop.remove(i);
            moved = true;
          } else if (i.op().hasEffect()) {
            headerPrefix = false;
          }
        }
      }
    }
  }

  private static boolean invariant(Instr i, Set<Instr> inLoop) {
    for (Value v : i.operands()) {
      if (v instanceof Instr d && inLoop.contains(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean movable(Instr i, boolean headerPrefix, Block ph, Dominators dom) {
    Op op = i.op();
    if (op == Op.INTRINSIC && i.intrinsic().divides()) {
      return i.operand(i.operands().size() - 1) instanceof Const c && c.bits() != 0;
    }
    if (op.isPure()) {
      return true;
    }
    if (op == Op.DIV || op == Op.REM) {
      return i.operand(1) instanceof Const c && c.bits() != 0;
    }
    if (op == Op.ALEN) {
      return nullCheckedBefore(i.operand(0), ph, dom);
    }
    return op.isCheck() && headerPrefix;
  }

  private static boolean nullCheckedBefore(Value array, Block ph, Dominators dom) {
    for (Block b = ph; ; b = dom.idom(b)) {
      for (Instr i : b.instrs()) {
        if (i.op() == Op.NULLCHECK && i.operand(0) == array) {
          return true;
        }
      }
      if (dom.idom(b) == b) {
        return false;
      }
    }
  }
}
