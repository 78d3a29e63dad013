package veneer.compiler.backend;

import java.util.List;

/**
 * Scheduling for the PE. The PE is a barrel processor: each cycle issues from the next ready
 * thread, so there are no pipeline hazards to fill and reordering never changes the instruction
 * count. What still matters is memory latency: a thread stalls only when an instruction needs a
 * load's result, so issuing loads as early as possible lets several global-memory requests
 * overlap. This pass moves each load upwards within its block past instructions it does not
 * depend on (no register dependence, no store or call in between), after register allocation
 * so it cannot raise register pressure.
 */
final class LoadScheduler {
  private LoadScheduler() {
  }

  static void schedule(MFunction mf) {
    for (MBlock b : mf.blocks) {
      List<MInstr> is = b.instrs;
      for (int k = 1; k < is.size(); k++) {
        MInstr load = is.get(k);
        if (!load.isLoad()) {
          continue;
        }
        int at = k;
        while (at > 0 && independent(is.get(at - 1), load)) {
          at--;
        }
        if (at != k) {
          is.remove(k);
          is.add(at, load);
        }
      }
    }
  }

  private static boolean independent(MInstr before, MInstr load) {
    if (before.isStore() || before.isTerminator()
        || before.kind == MInstr.Kind.CALL || before.kind == MInstr.Kind.FRAME) {
      return false;
    }
    if (before.isLoad()) {
      // keep loads in program order among themselves (stable, and the same memory order)
      return false;
    }
    int d = before.def();
    if (d == load.rd || d == load.rs1) {
      return false;
    }
    for (int u : before.uses()) {
      if (u == load.rd) {
        return false;
      }
    }
    return true;
  }
}
