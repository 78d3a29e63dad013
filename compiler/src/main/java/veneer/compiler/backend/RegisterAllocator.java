package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Register allocation by interval colouring: liveness by data flow over the machine CFG, then
 * each virtual register's live positions as a bit set (with holes), then registers handed out
 * in order of first position, preferring a register already given to a phi or move partner so
 * the edge copy disappears. When no register is free, the cheaper side (fewer defs and uses)
 * goes to a stack slot. Values live across a call always get a slot, since calls clobber every
 * allocatable register.
 *
 * <p>Positions: instruction k of the layout has use position 2k and def position 2k+1; each block
 * gets one extra "edge" slot after its last instruction where phi sources are read (2e) and phi
 * destinations written (2e+1), so a phi and its source may share a register.
 */
final class RegisterAllocator {
  /** Where each virtual register lives: a machine register (>= 0) or stack slot s as -(s+1). */
  static final class Result {
    final int[] location;
    final int slots;

    Result(int[] location, int slots) {
      this.location = location;
      this.slots = slots;
    }

    int of(int vreg) {
      return Reg.isVirtual(vreg) ? location[vreg - Reg.FIRST_VIRTUAL] : vreg;
    }
  }

  private RegisterAllocator() {
  }

  static Result allocate(MFunction mf) {
    int n = mf.vregCount();
    List<MBlock> blocks = mf.blocks;
    Map<String, Integer> index = new HashMap<>();
    for (int b = 0; b < blocks.size(); b++) {
      index.put(blocks.get(b).label, b);
    }
    int nb = blocks.size();
    int[] first = new int[nb];
    int[] edgeSlot = new int[nb];
    int k = 0;
    for (int b = 0; b < nb; b++) {
      first[b] = k;
      k += blocks.get(b).instrs.size();
      edgeSlot[b] = k;
      k++;
    }
    int positions = 2 * k;
    // phi sources per predecessor block, phi defs per block
    List<List<Integer>> phiSrcOut = new ArrayList<>();
    List<List<Integer>> phiDstOut = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      phiSrcOut.add(new ArrayList<>());
      phiDstOut.add(new ArrayList<>());
    }
    for (int b = 0; b < nb; b++) {
      for (MBlock.Phi p : blocks.get(b).phis) {
        for (Map.Entry<String, MBlock.Src> e : p.sources.entrySet()) {
          Integer pb = index.get(e.getKey());
          if (pb == null) {
            throw new IllegalStateException("phi source from unknown block " + e.getKey());
          }
          if (!e.getValue().isConstant() && Reg.isVirtual(e.getValue().reg())) {
            phiSrcOut.get(pb).add(e.getValue().reg());
          }
          phiDstOut.get(pb).add(p.dst);
        }
      }
    }
    // liveness
    BitSet[] use = new BitSet[nb];
    BitSet[] def = new BitSet[nb];
    BitSet[] liveIn = new BitSet[nb];
    BitSet[] liveOut = new BitSet[nb];
    int[][] succ = new int[nb][];
    for (int b = 0; b < nb; b++) {
      MBlock blk = blocks.get(b);
      use[b] = new BitSet(n);
      def[b] = new BitSet(n);
      for (MBlock.Phi p : blk.phis) {
        def[b].set(p.dst - Reg.FIRST_VIRTUAL);
      }
      for (MInstr i : blk.instrs) {
        for (int u : i.uses()) {
          if (Reg.isVirtual(u) && !def[b].get(u - Reg.FIRST_VIRTUAL)) {
            use[b].set(u - Reg.FIRST_VIRTUAL);
          }
        }
        int d = i.def();
        if (d >= 0 && Reg.isVirtual(d)) {
          def[b].set(d - Reg.FIRST_VIRTUAL);
        }
      }
      List<String> ss = blk.successors();
      succ[b] = new int[ss.size()];
      for (int s = 0; s < ss.size(); s++) {
        Integer t = index.get(ss.get(s));
        if (t == null) {
          throw new IllegalStateException("jump to unknown block " + ss.get(s) + " from " + blk.label);
        }
        succ[b][s] = t;
      }
      liveIn[b] = new BitSet(n);
      liveOut[b] = new BitSet(n);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int b = nb - 1; b >= 0; b--) {
        BitSet out = new BitSet(n);
        for (int s : succ[b]) {
          out.or(liveIn[s]);
        }
        BitSet in = (BitSet) out.clone();
        for (int v : phiSrcOut.get(b)) {
          in.set(v - Reg.FIRST_VIRTUAL);
        }
        in.andNot(def[b]);
        in.or(use[b]);
        if (!in.equals(liveIn[b]) || !out.equals(liveOut[b])) {
          liveIn[b] = in;
          liveOut[b] = out;
          changed = true;
        }
      }
    }
    // live positions
    BitSet[] live = new BitSet[n];
    int[] weight = new int[n];
    for (int v = 0; v < n; v++) {
      live[v] = new BitSet(positions);
    }
    Map<Integer, Set<Integer>> hints = new HashMap<>();
    List<Integer> callDefPositions = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      MBlock blk = blocks.get(b);
      int from = 2 * first[b];
      int e = edgeSlot[b];
      BitSet open = (BitSet) liveOut[b].clone();
      int[] end = new int[n];
      for (int v = open.nextSetBit(0); v >= 0; v = open.nextSetBit(v + 1)) {
        end[v] = 2 * e + 1;
      }
      for (int v : phiSrcOut.get(b)) {
        int x = v - Reg.FIRST_VIRTUAL;
        weight[x]++;
        if (!open.get(x)) {
          open.set(x);
          end[x] = 2 * e;
        }
      }
      for (int v : phiDstOut.get(b)) {
        live[v - Reg.FIRST_VIRTUAL].set(2 * e + 1);
      }
      for (int j = blk.instrs.size() - 1; j >= 0; j--) {
        MInstr i = blk.instrs.get(j);
        int pos = 2 * (first[b] + j);
        if (i.kind == MInstr.Kind.CALL) {
          callDefPositions.add(pos + 1);
        }
        int d = i.def();
        if (d >= 0 && Reg.isVirtual(d)) {
          int x = d - Reg.FIRST_VIRTUAL;
          weight[x]++;
          if (open.get(x)) {
            live[x].set(pos + 1, end[x] + 1);
            open.clear(x);
          } else {
            live[x].set(pos + 1);
          }
        }
        for (int u : i.uses()) {
          if (Reg.isVirtual(u)) {
            int x = u - Reg.FIRST_VIRTUAL;
            weight[x]++;
            if (!open.get(x)) {
              open.set(x);
              end[x] = pos;
            }
          }
        }
        if (i.isMove() && Reg.isVirtual(i.rd) && Reg.isVirtual(i.rs1)) {
          hint(hints, i.rd, i.rs1);
        }
      }
      for (int v = open.nextSetBit(0); v >= 0; v = open.nextSetBit(v + 1)) {
        live[v].set(from, end[v] + 1);
      }
      for (MBlock.Phi p : blk.phis) {
        weight[p.dst - Reg.FIRST_VIRTUAL]++;
        for (MBlock.Src s : p.sources.values()) {
          if (!s.isConstant() && Reg.isVirtual(s.reg())) {
            hint(hints, p.dst, s.reg());
          }
        }
      }
    }
    // assignment
    int regs = Reg.LAST_ALLOCATABLE - Reg.FIRST_ALLOCATABLE + 1;
    BitSet[] occupied = new BitSet[regs];
    List<List<Integer>> owners = new ArrayList<>();
    for (int r = 0; r < regs; r++) {
      occupied[r] = new BitSet(positions);
      owners.add(new ArrayList<>());
    }
    int[] location = new int[n];
    Integer[] order = new Integer[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
      location[v] = Integer.MIN_VALUE;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(firstOr(live[a]), firstOr(live[b])));
    int slots = 0;
    List<Integer> spilled = new ArrayList<>();
    for (int v : order) {
      if (live[v].isEmpty()) {
        location[v] = Reg.SCRATCH1; // defined, never used: write to scratch
        continue;
      }
      boolean acrossCall = false;
      for (int c : callDefPositions) {
        if (live[v].get(c)) {
          acrossCall = true;
          break;
        }
      }
      if (acrossCall) {
        spilled.add(v);
        continue;
      }
      int chosen = -1;
      for (int partner : hints.getOrDefault(v + Reg.FIRST_VIRTUAL, Set.of())) {
        int loc = location[partner - Reg.FIRST_VIRTUAL];
        if (loc >= Reg.FIRST_ALLOCATABLE && loc <= Reg.LAST_ALLOCATABLE
            && !occupied[loc - Reg.FIRST_ALLOCATABLE].intersects(live[v])) {
          chosen = loc - Reg.FIRST_ALLOCATABLE;
          break;
        }
      }
      for (int r = 0; chosen < 0 && r < regs; r++) {
        if (!occupied[r].intersects(live[v])) {
          chosen = r;
        }
      }
      if (chosen < 0) {
        // evict the cheapest conflicting set if it weighs less than v
        int best = -1;
        int bestCost = weight[v];
        for (int r = 0; r < regs; r++) {
          int cost = 0;
          for (int w : owners.get(r)) {
            if (live[w].intersects(live[v])) {
              cost += weight[w];
            }
          }
          if (cost < bestCost) {
            bestCost = cost;
            best = r;
          }
        }
        if (best >= 0) {
          for (int w : new ArrayList<>(owners.get(best))) {
            if (live[w].intersects(live[v])) {
              owners.get(best).remove((Integer) w);
              occupied[best].andNot(live[w]);
              spilled.add(w);
            }
          }
          chosen = best;
        }
      }
      if (chosen < 0) {
        spilled.add(v);
        continue;
      }
      occupied[chosen].or(live[v]);
      owners.get(chosen).add(v);
      location[v] = chosen + Reg.FIRST_ALLOCATABLE;
    }
    for (int v : spilled) {
      location[v] = -(++slots);
    }
    return new Result(location, slots);
  }

  private static int firstOr(BitSet b) {
    int f = b.nextSetBit(0);
    return f < 0 ? Integer.MAX_VALUE : f;
  }

  private static void hint(Map<Integer, Set<Integer>> hints, int a, int b) {
    hints.computeIfAbsent(a, x -> new HashSet<>()).add(b);
    hints.computeIfAbsent(b, x -> new HashSet<>()).add(a);
  }
}
