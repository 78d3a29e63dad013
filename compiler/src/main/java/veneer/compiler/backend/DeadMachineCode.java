package veneer.compiler.backend;

import java.util.ArrayDeque;
import java.util.Deque;

import veneer.isa.Format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Machine-level clean-up before register allocation: removes computations whose virtual
 * register nobody reads (the high word of a long that is only truncated, a sign word a
 * multiply no longer needs), and threads jumps through blocks that only jump on.
 */
final class DeadMachineCode {
  private DeadMachineCode() {
  }

  static void removeDeadDefs(MFunction mf) {
    boolean changed = true;
    while (changed) {
      changed = false;
      Map<Integer, Integer> uses = new HashMap<>();
      for (MBlock b : mf.blocks) {
        for (MInstr i : b.instrs) {
          for (int u : i.uses()) {
            uses.merge(u, 1, Integer::sum);
          }
        }
        for (MBlock.Phi p : b.phis) {
          for (MBlock.Src s : p.sources.values()) {
            if (!s.isConstant()) {
              uses.merge(s.reg(), 1, Integer::sum);
            }
          }
        }
      }
      for (MBlock b : mf.blocks) {
        Iterator<MInstr> it = b.instrs.iterator();
        while (it.hasNext()) {
          MInstr i = it.next();
          int d = i.def();
          if (d >= 0 && Reg.isVirtual(d) && !uses.containsKey(d) && removable(i)) {
            it.remove();
            changed = true;
          }
        }
        Iterator<MBlock.Phi> ps = b.phis.iterator();
        while (ps.hasNext()) {
          if (!uses.containsKey(ps.next().dst)) {
            ps.remove();
            changed = true;
          }
        }
      }
    }
  }

  private static boolean removable(MInstr i) {
    if (i.kind == MInstr.Kind.LI || i.kind == MInstr.Kind.LA) {
      return true;
    }
    if (i.kind != MInstr.Kind.OP) {
      return false;
    }
    Format f = i.op.format();
    return f == Format.R || f == Format.I || f == Format.SHIFT || f == Format.U || f == Format.LOAD;
  }

  /**
   * After allocation (no phis left): branches and jumps to a block holding only a jump go to
   * its target; blocks no longer targeted are dropped (every block still ends in an explicit
   * transfer, so nothing falls into them).
   */
  static void threadJumps(MFunction mf) {
    Map<String, String> forward = new HashMap<>();
    for (MBlock b : mf.blocks) {
      if (b.instrs.size() == 1 && b.instrs.get(0).kind == MInstr.Kind.JUMP && b != mf.blocks.get(0)) {
        forward.put(b.label, b.instrs.get(0).target);
      }
    }
    if (forward.isEmpty()) {
      return;
    }
    Set<String> targeted = new HashSet<>();
    for (MBlock b : mf.blocks) {
      for (int k = 0; k < b.instrs.size(); k++) {
        MInstr i = b.instrs.get(k);
        if (i.kind == MInstr.Kind.BRANCH || i.kind == MInstr.Kind.JUMP) {
          String t = i.target;
          int hops = 0;
          while (forward.containsKey(t) && hops++ < forward.size()) {
            t = forward.get(t);
          }
          if (!t.equals(i.target)) {
            b.instrs.set(k, i.kind == MInstr.Kind.BRANCH ? MInstr.branch(i.op, i.rs1, i.rs2, t) : MInstr.jump(t));
          }
          targeted.add(t);
        } else if (i.kind == MInstr.Kind.CALL || i.kind == MInstr.Kind.LA) {
          targeted.add(i.target);
        } else if (i.kind == MInstr.Kind.TABLE) {
          List<String> ts = new ArrayList<>();
          for (String t : i.table) {
            int hops = 0;
            while (forward.containsKey(t) && hops++ < forward.size()) {
              t = forward.get(t);
            }
            ts.add(t);
            targeted.add(t);
          }
          b.instrs.set(k, MInstr.table(i.rs1, ts));
        }
      }
    }
    mf.blocks.removeIf(b -> forward.containsKey(b.label) && !targeted.contains(b.label));
  }

  /**
   * Loop rotation after allocation: a back edge {@code j H} to a short header (a test and its
   * branches) is replaced by a copy of the header, so the loop tests at the bottom and takes
   * one branch per iteration instead of a jump plus a branch.
   */
  static void rotateLoops(MFunction mf) {
    for (int b = 0; b < mf.blocks.size(); b++) {
      MBlock blk = mf.blocks.get(b);
      if (blk.instrs.isEmpty()) {
        continue;
      }
      MInstr last = blk.instrs.get(blk.instrs.size() - 1);
      if (last.kind != MInstr.Kind.JUMP) {
        continue;
      }
      MBlock h = mf.block(last.target);
      if (h == null || h == blk || mf.blocks.indexOf(h) > b || h.instrs.size() > 3 || h == mf.blocks.get(0)) {
        continue;
      }
      boolean simple = true;
      for (MInstr i : h.instrs) {
        simple &= i.kind == MInstr.Kind.BRANCH || i.kind == MInstr.Kind.JUMP
            || i.kind == MInstr.Kind.OP && i.op.format() != Format.LOAD && i.op.format() != Format.S;
      }
      if (!simple || h.instrs.get(h.instrs.size() - 1).kind != MInstr.Kind.JUMP) {
        continue;
      }
      blk.instrs.remove(blk.instrs.size() - 1);
      for (MInstr i : h.instrs) {
        blk.instrs.add(i.copy());
      }
    }
  }

  /**
   * Before allocation: drops blocks the entry does not reach (a branch whose outcome is known leaves its
   * other side behind) and the phi sources on edges from them.
   */
  static void removeUnreachable(MFunction mf) {
    Set<String> seen = new HashSet<>();
    Deque<MBlock> work = new ArrayDeque<>();
    work.add(mf.blocks.get(0));
    seen.add(mf.blocks.get(0).label);
    while (!work.isEmpty()) {
      for (String t : work.poll().successors()) {
        if (seen.add(t)) {
          work.add(mf.block(t));
        }
      }
    }
    mf.blocks.removeIf(b -> !seen.contains(b.label));
    for (MBlock b : mf.blocks) {
      for (MBlock.Phi p : b.phis) {
        p.sources.keySet().retainAll(seen);
      }
    }
  }
}
