package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.isa.Opcode;

/**
 * Applies an allocation: virtual registers become machine registers, stack-slot values are
 * loaded into x30/x31 before a use and stored from x31 after a def, the frame size is fixed, and
 * phis become parallel copies on their edges (in the predecessor when it has one successor, else
 * in a new block on the split edge), sequentialised with x31 breaking cycles.
 */
final class Rewriter {
  private final MFunction mf;
  private final RegisterAllocator.Result alloc;

  private Rewriter(MFunction mf, RegisterAllocator.Result alloc) {
    this.mf = mf;
    this.alloc = alloc;
  }

  static void rewrite(MFunction mf, RegisterAllocator.Result alloc) {
    new Rewriter(mf, alloc).run();
  }

  private int slotOffset(int loc) {
    return mf.outgoingBytes + 4 * (-loc - 1);
  }

  private void run() {
    int frame = mf.outgoingBytes + 4 * alloc.slots + (mf.isCallee ? 4 : 0);
    mf.frameBytes = (frame + 15) & ~15;
    resolvePhis();
    for (MBlock b : mf.blocks) {
      List<MInstr> out = new ArrayList<>();
      for (MInstr i : b.instrs) {
        rewrite(i, out);
      }
      b.instrs.clear();
      b.instrs.addAll(out);
    }
  }

  private void rewrite(MInstr i, List<MInstr> out) {
    if (i.kind == MInstr.Kind.FRAME) {
      int delta = i.imm * mf.frameBytes;
      if (delta == 0) {
        return;
      }
      if (delta >= -2048 && delta <= 2047) {
        out.add(MInstr.op(Opcode.ADDI, Reg.SP, Reg.SP, 0, delta));
      } else {
        if (mf.isCallee) {
          throw new IllegalStateException("frame of " + mf.name + " is " + mf.frameBytes
              + " bytes; callees support at most 2047");
        }
        out.add(MInstr.li(Reg.SCRATCH0, delta));
        out.add(MInstr.op(Opcode.ADD, Reg.SP, Reg.SP, Reg.SCRATCH0, 0));
      }
      return;
    }
    if (i.frameRel == MInstr.FrameRel.ARG_IN) {
      i.imm += mf.frameBytes;
    } else if (i.frameRel == MInstr.FrameRel.RA) {
      i.imm = mf.frameBytes - 4;
    }
    int[] uses = i.uses();
    int scratch = 0;
    for (int k = 0; k < uses.length; k++) {
      int u = uses[k];
      if (!Reg.isVirtual(u)) {
        continue;
      }
      int loc = alloc.of(u);
      if (loc < 0) {
        int s = scratch++ == 0 ? Reg.SCRATCH0 : Reg.SCRATCH1;
        out.add(MInstr.op(Opcode.LW, s, Reg.SP, 0, slotOffset(loc)));
        i.setUse(k, s);
      } else {
        i.setUse(k, loc);
      }
    }
    int d = i.def();
    int spillTo = 0;
    if (d >= 0 && Reg.isVirtual(d)) {
      int loc = alloc.of(d);
      if (loc < 0) {
        i.rd = Reg.SCRATCH1;
        spillTo = loc;
      } else {
        i.rd = loc;
      }
    }
    if (!(i.isMove() && i.rd == i.rs1)) {
      out.add(i);
    }
    if (spillTo < 0) {
      out.add(MInstr.op(Opcode.SW, 0, Reg.SP, Reg.SCRATCH1, slotOffset(spillTo)));
    }
  }

  private record Move(int dst, int src, boolean constant, int value) {
  }

  private void resolvePhis() {
    Map<String, MBlock> byLabel = new HashMap<>();
    for (MBlock b : mf.blocks) {
      byLabel.put(b.label, b);
    }
    for (MBlock s : new ArrayList<>(mf.blocks)) {
      if (s.phis.isEmpty()) {
        continue;
      }
      Map<String, List<Move>> perPred = new LinkedHashMap<>();
      for (MBlock.Phi p : s.phis) {
        int dst = alloc.of(p.dst);
        for (Map.Entry<String, MBlock.Src> e : p.sources.entrySet()) {
          MBlock.Src src = e.getValue();
          List<Move> ms = perPred.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
          if (src.isConstant()) {
            ms.add(new Move(dst, 0, true, src.constant()));
          } else {
            int from = alloc.of(src.reg());
            if (from != dst) {
              ms.add(new Move(dst, from, false, 0));
            }
          }
        }
      }
      for (Map.Entry<String, List<Move>> e : perPred.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        MBlock pred = byLabel.get(e.getKey());
        List<MInstr> code = sequentialise(e.getValue());
        if (pred.successors().size() == 1) {
          int at = 0;
          while (!pred.instrs.get(at).isTerminator()) {
            at++;
          }
          pred.instrs.addAll(at, code);
        } else {
          MBlock split = new MBlock(mf.freshLabel("edge"));
          split.instrs.addAll(code);
          split.instrs.add(MInstr.jump(s.label));
          List<MInstr> retargeted = new ArrayList<>();
          for (MInstr t : pred.instrs) {
            if (t.kind == MInstr.Kind.TABLE) {
              List<String> ts = new ArrayList<>();
              for (String x : t.table) {
                ts.add(x.equals(s.label) ? split.label : x);
              }
              retargeted.add(MInstr.table(t.rs1, ts));
            } else if ((t.kind == MInstr.Kind.BRANCH || t.kind == MInstr.Kind.JUMP) && t.target.equals(s.label)) {
              MInstr n = t.kind == MInstr.Kind.BRANCH ? MInstr.branch(t.op, t.rs1, t.rs2, split.label)
                  : MInstr.jump(split.label);
              retargeted.add(n);
            } else {
              retargeted.add(t);
            }
          }
          pred.instrs.clear();
          pred.instrs.addAll(retargeted);
          mf.insert(mf.blocks.indexOf(pred) + 1, split);
        }
      }
      s.phis.clear();
    }
  }

  /** Parallel copies as a sequence: copy into a location no pending copy still reads; break cycles with x31. */
  private List<MInstr> sequentialise(List<Move> moves) {
    List<MInstr> code = new ArrayList<>();
    List<Move> pending = new ArrayList<>();
    List<Move> constants = new ArrayList<>();
    for (Move m : moves) {
      (m.constant ? constants : pending).add(m);
    }
    while (!pending.isEmpty()) {
      Move ready = null;
      for (Move m : pending) {
        boolean read = false;
        for (Move o : pending) {
          if (o != m && o.src == m.dst) {
            read = true;
            break;
          }
        }
        if (!read) {
          ready = m;
          break;
        }
      }
      if (ready != null) {
        copy(code, ready.dst, ready.src);
        pending.remove(ready);
      } else {
        Move m = pending.get(0);
        copy(code, Reg.SCRATCH1, m.dst);
        List<Move> next = new ArrayList<>();
        for (Move o : pending) {
          next.add(o.src == m.dst ? new Move(o.dst, Reg.SCRATCH1, false, 0) : o);
        }
        pending = next;
      }
    }
    for (Move m : constants) {
      if (m.dst >= 0) {
        code.add(MInstr.li(m.dst, m.value));
      } else {
        code.add(MInstr.li(Reg.SCRATCH0, m.value));
        code.add(MInstr.op(Opcode.SW, 0, Reg.SP, Reg.SCRATCH0, slotOffset(m.dst)));
      }
    }
    return code;
  }

  private void copy(List<MInstr> code, int dst, int src) {
    if (dst >= 0 && src >= 0) {
      code.add(MInstr.op(Opcode.ADDI, dst, src, 0, 0));
    } else if (dst >= 0) {
      code.add(MInstr.op(Opcode.LW, dst, Reg.SP, 0, slotOffset(src)));
    } else if (src >= 0) {
      code.add(MInstr.op(Opcode.SW, 0, Reg.SP, src, slotOffset(dst)));
    } else {
      code.add(MInstr.op(Opcode.LW, Reg.SCRATCH0, Reg.SP, 0, slotOffset(src)));
      code.add(MInstr.op(Opcode.SW, 0, Reg.SP, Reg.SCRATCH0, slotOffset(dst)));
    }
  }
}
