package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interleaves the K copies of a coarsened block when every copy is straight-line code: the copies
 * become one machine block, and within each group of copies the loads move to the top, so a
 * thread has a group's loads in flight at once instead of one work-item's. Runs before register
 * allocation (after it, reused registers would pin every load below the previous copy's use).
 *
 * <p>A load moves above an instruction only when it does not read or write a register the load
 * reads or writes, and above a store only when both carry a {@link MemTag} and the tags cannot
 * overlap; loads keep their order among themselves. So memory order changes only where the tags
 * prove two accesses touch different bytes, and the result is the one of the copies in order.
 * Groups bound the registers the loaded values need: at most {@link #LOADS_IN_FLIGHT} loads per
 * group (the loop's own values take about ten of the 25 allocatable registers), and the groups are of equal size.
 *
 * <pre>{@code
 * Interleaver.interleave(mf, copyEntries, latchLabel);   // false: some copy branches (or K is too large), nothing changed
 * }</pre>
 */
final class Interleaver {
  /** Loads one group may hoist ahead of their uses: their values must stay in registers meanwhile. */
  static final int LOADS_IN_FLIGHT = 12;

  private Interleaver() {
  }

  /**
   * Merges the copies entered at {@code entries} (copy k returns by a jump to copy k + 1's entry, the last one
   * to {@code after}) into the first entry block and hoists their loads; returns false and changes nothing
   * when a copy is not straight-line code or the copies would need more than two groups.
   */
  static boolean interleave(MFunction mf, List<String> entries, String after) {
    Map<String, Integer> preds = new HashMap<>();
    for (MBlock b : mf.blocks) {
      for (String t : b.successors()) {
        preds.merge(t, 1, Integer::sum);
      }
    }
    Set<String> entrySet = new HashSet<>(entries);
    List<List<MInstr>> copies = new ArrayList<>();
    Set<MBlock> merged = new HashSet<>();
    for (int k = 0; k < entries.size(); k++) {
      String stop = k + 1 < entries.size() ? entries.get(k + 1) : after;
      MBlock b = mf.block(entries.get(k));
      List<MInstr> body = new ArrayList<>();
      while (true) {
        if (b == null || !b.phis.isEmpty() || b.instrs.isEmpty()) {
          return false;
        }
        for (int i = 0; i < b.instrs.size() - 1; i++) {
          MInstr m = b.instrs.get(i);
          if (m.isTerminator() || m.kind == MInstr.Kind.CALL || m.kind == MInstr.Kind.FRAME) {
            return false;
          }
          body.add(m);
        }
        if (k > 0 || b != mf.block(entries.get(0))) {
          merged.add(b);
        }
        MInstr last = b.instrs.get(b.instrs.size() - 1);
        if (last.kind != MInstr.Kind.JUMP) {
          return false;
        }
        if (last.target.equals(stop)) {
          break;
        }
        b = mf.block(last.target);
        if (b == null || entrySet.contains(b.label) || preds.getOrDefault(b.label, 0) != 1) {
          return false;
        }
      }
      copies.add(body);
    }
    int loads = 0;
    for (MInstr m : copies.get(0)) {
      loads += m.isLoad() ? 1 : 0;
    }
    int group = Math.max(1, LOADS_IN_FLIGHT / Math.max(1, loads));
    while (copies.size() % group != 0) {
      group--;
    }
    if (copies.size() > 2 * group) {
      // each group of a block asks for the block's lines anew (the coalescer joins loads of a line only until its
      // data is handed out), so more than two groups read lines more often than one work-item per step does
      return false;
    }
    MBlock first = mf.block(entries.get(0));
    first.instrs.clear();
    for (int g = 0; g < copies.size(); g += group) {
      List<MInstr> seg = new ArrayList<>();
      for (int k = g; k < Math.min(copies.size(), g + group); k++) {
        seg.addAll(copies.get(k));
      }
      hoistLoads(seg);
      first.instrs.addAll(seg);
    }
    first.add(MInstr.jump(after));
    mf.blocks.removeAll(merged);
    return true;
  }

  /** Moves each tagged load up as far as {@link #mayPass} allows. */
  static void hoistLoads(List<MInstr> is) {
    for (int k = 1; k < is.size(); k++) {
      MInstr load = is.get(k);
      if (!load.isLoad() || load.mem == null) {
        continue;
      }
      int at = k;
      while (at > 0 && mayPass(is.get(at - 1), load)) {
        at--;
      }
      if (at != k) {
        is.remove(k);
        is.add(at, load);
      }
    }
  }

  private static boolean mayPass(MInstr before, MInstr load) {
    if (before.isLoad()) {
      return false;
    }
    if (before.isStore()) {
      if (before.mem == null || before.mem.conflicts(load.mem)) {
        return false;
      }
    } else if (before.kind != MInstr.Kind.OP && before.kind != MInstr.Kind.LI) {
      return false;
    }
    int d = before.def();
    if (d >= 0 && (d == load.rd || d == load.rs1)) {
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
