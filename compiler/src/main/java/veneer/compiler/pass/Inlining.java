package veneer.compiler.pass;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every call of a non-recursive static method by a copy of its body. Copied instructions
 * keep the callee's source locations, so a trap in inlined code still names the callee's line.
 * Calls into recursion cycles stay calls (the back end needs a stack for them).
 */
public final class Inlining implements Pass {
  @Override
  public String name() {
    return "inline";
  }

  @Override
  public void run(KernelIr ir) {
    Set<Function> recursive = recursiveFunctions(ir);
    for (Function f : ir.functions()) {
      boolean again = true;
      while (again) {
        again = false;
        for (Instr call : f.instructions()) {
          if (call.op() == Op.CALL && !recursive.contains(call.callee()) && call.callee() != f) {
            inline(f, call);
            again = true;
            break;
          }
        }
      }
      f.recomputePreds();
    }
    ir.removeUncalledFunctions();
  }

  private static Set<Function> recursiveFunctions(KernelIr ir) {
    Map<Function, Set<Function>> calls = new HashMap<>();
    for (Function f : ir.functions()) {
      Set<Function> cs = new HashSet<>();
      for (Instr i : f.instructions()) {
        if (i.op() == Op.CALL) {
          cs.add(i.callee());
        }
      }
      calls.put(f, cs);
    }
    Set<Function> recursive = new HashSet<>();
    for (Function f : ir.functions()) {
      Set<Function> seen = new HashSet<>();
      List<Function> work = new ArrayList<>(calls.getOrDefault(f, Set.of()));
      while (!work.isEmpty()) {
        Function g = work.remove(work.size() - 1);
        if (g == f) {
          recursive.add(f);
          break;
        }
        if (seen.add(g)) {
          work.addAll(calls.getOrDefault(g, Set.of()));
        }
      }
    }
    return recursive;
  }

  private static void inline(Function f, Instr call) {
    Block before = call.block();
    Function callee = call.callee();
    // split: everything after the call moves to a continuation block
    Block after = f.newBlockAfter(before);
    List<Instr> is = before.instrs();
    int at = is.indexOf(call);
    for (Instr moved : new ArrayList<>(is.subList(at + 1, is.size()))) {
      before.remove(moved);
      after.append(moved);
    }
    before.remove(call);
    for (Block s : after.successors()) {
      for (Instr phi : s.phis()) {
        for (int k = 0; k < phi.incoming().size(); k++) {
          if (phi.incoming().get(k) == before) {
            phi.incoming().set(k, after);
          }
        }
      }
    }
    // copy the callee's blocks
    Map<Block, Block> blocks = new IdentityHashMap<>();
    Map<Value, Value> values = new IdentityHashMap<>();
    for (int k = 0; k < callee.params().size(); k++) {
      values.put(callee.params().get(k), call.operand(k));
    }
    Block insertAfter = before;
    for (Block cb : callee.blocks()) {
      Block nb = f.newBlockAfter(insertAfter);
      insertAfter = nb;
      blocks.put(cb, nb);
    }
    List<Instr> copies = new ArrayList<>();
    for (Block cb : callee.blocks()) {
      for (Instr ci : cb.instrs()) {
        Instr copy = ci.copy();
        values.put(ci, copy);
        blocks.get(cb).append(copy);
        copies.add(copy);
      }
    }
    Instr result = call.type() == IrType.VOID ? null : Instr.phi(call.type(), call.loc());
    for (Instr copy : copies) {
      for (int k = 0; k < copy.operands().size(); k++) {
        Value v = copy.operand(k);
        copy.setOperand(k, values.getOrDefault(v, v));
      }
      copy.targets().replaceAll(blocks::get);
      copy.incoming().replaceAll(blocks::get);
      if (copy.op() == Op.RETURN) {
        Block from = copy.block();
        if (result != null) {
          result.addIncoming(from, copy.operand(0));
        }
        from.remove(copy);
        from.append(Instr.jump(copy.loc(), after));
      }
    }
    before.append(Instr.jump(call.loc(), blocks.get(callee.entry())));
    if (result != null) {
      after.addPhi(result);
      f.replaceUses(call, result);
    }
    f.recomputePreds();
    if (result != null && after.preds().isEmpty()) {
      // the callee never returns normally: nothing uses the result on a live path
      after.remove(result);
    }
    f.removeUnreachableBlocks();
  }
}
