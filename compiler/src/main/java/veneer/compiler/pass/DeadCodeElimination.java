package veneer.compiler.pass;

import veneer.compiler.ir.Block;
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
 * Removes instructions whose results nobody needs (live = effects and everything they use,
 * transitively, so dead phi cycles go too), unreachable blocks, branches whose two targets are
 * the same, and merges a block into its only predecessor when that predecessor just jumps to it.
 */
public final class DeadCodeElimination implements Pass {
  @Override
  public String name() {
    return "dead-code";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      f.removeUnreachableBlocks();
      removeDeadInstructions(f);
      simplifyBranches(f);
      mergeBlocks(f);
    }
  }

  static void removeDeadInstructions(Function f) {
    Set<Instr> live = new HashSet<>();
    List<Instr> work = new ArrayList<>();
    for (Instr i : f.instructions()) {
      if (i.op().hasEffect()) {
        live.add(i);
        work.add(i);
      }
    }
    while (!work.isEmpty()) {
      Instr i = work.remove(work.size() - 1);
      for (Value v : i.operands()) {
        if (v instanceof Instr d && live.add(d)) {
          work.add(d);
        }
      }
    }
    for (Block b : f.blocks()) {
      for (Instr i : new ArrayList<>(b.instrs())) {
        if (!live.contains(i)) {
          b.remove(i);
        }
      }
    }
  }

  private static void simplifyBranches(Function f) {
    for (Block b : f.blocks()) {
      Instr t = b.terminator();
      if ((t.op() == Op.BRANCH || t.op() == Op.SWITCH) && new HashSet<>(t.targets()).size() == 1) {
        b.remove(t);
        b.append(Instr.jump(t.loc(), t.targets().get(0)));
      }
    }
  }

  private static void mergeBlocks(Function f) {
    boolean changed = true;
    while (changed) {
      changed = false;
      f.recomputePreds();
      for (Block b : f.blocks()) {
        Instr t = b.terminator();
        if (t.op() != Op.JUMP) {
          continue;
        }
        Block s = t.targets().get(0);
        if (s == b || s == f.entry() || s.preds().size() != 1) {
          continue;
        }
        for (Instr phi : s.phis()) {
          f.replaceUses(phi, phi.operand(0));
          s.remove(phi);
        }
        b.remove(t);
        for (Instr i : new ArrayList<>(s.instrs())) {
          s.remove(i);
          b.append(i);
        }
        for (Block succ : b.successors()) {
          for (Instr phi : succ.phis()) {
            phi.incoming().replaceAll(x -> x == s ? b : x);
          }
        }
        f.blocks().remove(s);
        changed = true;
        break;
      }
    }
    f.recomputePreds();
  }
}
