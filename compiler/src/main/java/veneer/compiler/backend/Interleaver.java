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
 * The stores of consecutive groups, up to {@link #STORES_TOGETHER}, are issued together after the last of them
 * (where the tags allow), so the words of a line reach the coalescer's write window together.
 *
 * <pre>{@code
 * Interleaver.interleave(mf, copyEntries, latchLabel);   // false: some copy branches (or K is too large), nothing changed
 * }</pre>
 */
final class Interleaver {
  /** Loads one group may hoist ahead of their uses: their values must stay in registers meanwhile. */
  static final int LOADS_IN_FLIGHT = 12;
  /**
   * Stores a block issues together: the stores of consecutive groups are moved behind the last of them, so a
   * line's words reach the coalescer's write window close together; their values stay in registers meanwhile.
   */
  static final int STORES_TOGETHER = 8;
  /** Bytes of a DRAM line, the coalescer's unit. */
  static final int LINE_BYTES = 64;
  /** Lines per thread a PE's coalescer keeps (32 read slots for 16 threads, docs/overlay-array.md "Kept lines"). */
  static final int KEPT_LINES = 2;

  private Interleaver() {
  }

  /**
   * Merges the copies entered at {@code entries} (copy k returns by a jump to copy k + 1's entry, the last one
   * to {@code after}) into the first entry block and hoists their loads; returns false and changes nothing
   * when a copy is not straight-line code, or the copies would need more than two groups and their later groups'
   * loads would not find the block's lines kept in the coalescer (see {@link #linesKept}).
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
    if (copies.size() > 2 * group && !linesKept(copies)) {
      // a later group asks for the block's lines again; that is served without a DRAM read only while the PE's
      // coalescer keeps them (about two lines per thread), so more groups pay only for blocks of one line per array
      return false;
    }
    int stores = 0;
    for (MInstr m : copies.get(0)) {
      stores += m.isStore() ? 1 : 0;
    }
    int groups = copies.size() / group;
    int batch = Math.max(1, Math.min(groups, STORES_TOGETHER / Math.max(1, stores * group)));
    while (groups % batch != 0) {
      batch--;
    }
    MBlock first = mf.block(entries.get(0));
    first.instrs.clear();
    for (int b = 0; b < groups; b += batch) {
      List<MInstr> seg = new ArrayList<>();
      for (int g = b; g < b + batch; g++) {
        List<MInstr> part = new ArrayList<>();
        for (int k = g * group; k < (g + 1) * group; k++) {
          part.addAll(copies.get(k));
        }
        hoistLoads(part);
        seg.addAll(part);
      }
      first.instrs.addAll(storesLast(seg));
    }
    first.add(MInstr.jump(after));
    mf.blocks.removeAll(merged);
    return true;
  }

  /**
   * Whether the coalescer can serve every group's loads of the block from the lines the first group brought:
   * every load is tagged, lies within the block's first 64 bytes of its array (one line, as the block loop puts
   * blocks on lines) and the copies load from at most {@link #KEPT_LINES} arrays (distinct base registers).
   */
  static boolean linesKept(List<List<MInstr>> copies) {
    Set<Integer> arrays = new HashSet<>();
    for (List<MInstr> c : copies) {
      for (MInstr m : c) {
        if (m.isLoad()) {
          if (m.mem == null || m.mem.offset() + m.mem.bytes() > LINE_BYTES) {
            return false;
          }
          arrays.add(m.rs1);
        }
      }
    }
    return arrays.size() <= KEPT_LINES;
  }

  /**
   * The instructions with every store moved to the end, in their order, when that is allowed: no store passes
   * a load it may overlap (both tagged, tags apart) or an instruction redefining a register the store reads.
   * Otherwise the instructions unchanged.
   */
  static List<MInstr> storesLast(List<MInstr> is) {
    List<MInstr> rest = new ArrayList<>();
    List<MInstr> stores = new ArrayList<>();
    for (int k = 0; k < is.size(); k++) {
      MInstr m = is.get(k);
      if (!m.isStore()) {
        rest.add(m);
        continue;
      }
      for (int j = k + 1; j < is.size(); j++) {
        MInstr later = is.get(j);
        if (later.isStore()) {
          continue;
        }
        if (later.isLoad() && (m.mem == null || later.mem == null || m.mem.conflicts(later.mem))) {
          return is;
        }
        if (!later.isLoad() && later.kind != MInstr.Kind.OP && later.kind != MInstr.Kind.LI) {
          return is;
        }
        int d = later.def();
        for (int u : m.uses()) {
          if (d >= 0 && d == u) {
            return is;
          }
        }
      }
      stores.add(m);
    }
    rest.addAll(stores);
    return rest;
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
