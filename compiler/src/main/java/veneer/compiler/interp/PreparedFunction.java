package veneer.compiler.interp;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function laid out for fast interpretation: every parameter, instruction result and constant
 * operand gets a register slot; constants are preloaded into the slot template.
 */
final class PreparedFunction {
  /** One instruction with its operand slots resolved. */
  static final class PInstr {
    final Instr instr;
    final Op op;
    final int dst;
    final int[] ops;
    PBlock[] targets;

    PInstr(Instr instr, int dst, int[] ops) {
      this.instr = instr;
      this.op = instr.op();
      this.dst = dst;
      this.ops = ops;
    }
  }

  /** One block: its phis as a parallel copy per predecessor, then its body. */
  static final class PBlock {
    final Block block;
    int[] phiDst;
    final Map<Block, int[]> phiSrc = new HashMap<>();
    PInstr[] body;

    PBlock(Block block) {
      this.block = block;
    }
  }

  final Function fn;
  final Map<Block, PBlock> blocks = new IdentityHashMap<>();
  final PBlock entry;
  final long[] initV;
  final Object[] initR;

  PreparedFunction(Function fn) {
    this.fn = fn;
    Map<Value, Integer> slots = new IdentityHashMap<>();
    List<Long> constV = new ArrayList<>();
    for (Param p : fn.params()) {
      slots.put(p, slots.size());
      constV.add(0L);
    }
    for (Block b : fn.blocks()) {
      for (Instr i : b.instrs()) {
        if (i.type() != IrType.VOID) {
          slots.put(i, slots.size());
          constV.add(0L);
        }
      }
    }
    Map<Const, Integer> constSlots = new HashMap<>();
    for (Block b : fn.blocks()) {
      for (Instr i : b.instrs()) {
        for (Value v : i.operands()) {
          if (v instanceof Const c && !constSlots.containsKey(c)) {
            constSlots.put(c, slots.size() + constSlots.size());
            constV.add(c.bits());
          }
        }
      }
    }
    initV = new long[constV.size()];
    for (int k = 0; k < initV.length; k++) {
      initV[k] = constV.get(k);
    }
    initR = new Object[initV.length];
    for (Block b : fn.blocks()) {
      blocks.put(b, new PBlock(b));
    }
    for (Block b : fn.blocks()) {
      PBlock pb = blocks.get(b);
      List<Instr> phis = b.phis();
      pb.phiDst = new int[phis.size()];
      for (int k = 0; k < phis.size(); k++) {
        pb.phiDst[k] = slots.get(phis.get(k));
      }
      for (Block pred : b.preds()) {
        int[] src = new int[phis.size()];
        for (int k = 0; k < phis.size(); k++) {
          src[k] = slot(slots, constSlots, phis.get(k).incomingValue(pred));
        }
        pb.phiSrc.put(pred, src);
      }
      List<PInstr> body = new ArrayList<>();
      for (Instr i : b.instrs().subList(phis.size(), b.instrs().size())) {
        int[] ops = new int[i.operands().size()];
        for (int k = 0; k < ops.length; k++) {
          ops[k] = slot(slots, constSlots, i.operand(k));
        }
        PInstr pi = new PInstr(i, i.type() == IrType.VOID ? -1 : slots.get(i), ops);
        pi.targets = new PBlock[i.targets().size()];
        for (int k = 0; k < pi.targets.length; k++) {
          pi.targets[k] = blocks.get(i.targets().get(k));
        }
        body.add(pi);
      }
      pb.body = body.toArray(new PInstr[0]);
    }
    entry = blocks.get(fn.entry());
  }

  private static int slot(Map<Value, Integer> slots, Map<Const, Integer> constSlots, Value v) {
    Integer s = v instanceof Const c ? constSlots.get(c) : slots.get(v);
    if (s == null) {
      throw new IllegalStateException("operand " + v + " has no definition in the function");
    }
    return s;
  }
}
