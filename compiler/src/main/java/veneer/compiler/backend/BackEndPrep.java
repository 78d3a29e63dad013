package veneer.compiler.backend;

import veneer.compiler.frontend.FrontEnd;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Intrinsic;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.IrVerifier;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;
import veneer.compiler.pass.CommonSubexpressionElimination;
import veneer.compiler.pass.ConstantFolding;
import veneer.compiler.pass.DeadCodeElimination;
import veneer.compiler.pass.Inlining;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IR steps that prepare a kernel for RV32IM selection, after the standard passes: intrinsics
 * without a short instruction sequence become calls of their Java implementations in
 * {@link RuntimeHelpers}, which are inlined and cleaned up; then every 64-bit division
 * (i64 div/rem and the unsigned and floor intrinsics) becomes a call of the one out-of-line
 * routine {@code RuntimeHelpers.divmod64}.
 */
final class BackEndPrep {
  private static final String OWNER = RuntimeHelpers.class.getName().replace('.', '/');
  private static final Map<Intrinsic, String> HELPERS = new EnumMap<>(Intrinsic.class);
  private static final Map<Intrinsic, Integer> DIVISIONS = new EnumMap<>(Intrinsic.class);

  static {
    HELPERS.put(Intrinsic.IBITCOUNT, "bitCount");
    HELPERS.put(Intrinsic.LBITCOUNT, "bitCountL");
    HELPERS.put(Intrinsic.ICLZ, "clz");
    HELPERS.put(Intrinsic.LCLZ, "clzL");
    HELPERS.put(Intrinsic.ICTZ, "ctz");
    HELPERS.put(Intrinsic.LCTZ, "ctzL");
    HELPERS.put(Intrinsic.LROTL, "rotlL");
    HELPERS.put(Intrinsic.LROTR, "rotrL");
    HELPERS.put(Intrinsic.IREVERSE, "reverse");
    HELPERS.put(Intrinsic.LREVERSE, "reverseL");
    HELPERS.put(Intrinsic.IREVERSEBYTES, "reverseBytes");
    HELPERS.put(Intrinsic.LREVERSEBYTES, "reverseBytesL");
    HELPERS.put(Intrinsic.LSIGNUM, "signumL");
    HELPERS.put(Intrinsic.IHIGHESTONEBIT, "highestOneBit");
    HELPERS.put(Intrinsic.LHIGHESTONEBIT, "highestOneBitL");
    HELPERS.put(Intrinsic.LLOWESTONEBIT, "lowestOneBitL");
    HELPERS.put(Intrinsic.LMIN, "minL");
    HELPERS.put(Intrinsic.LMAX, "maxL");
    HELPERS.put(Intrinsic.LABS, "absL");
    HELPERS.put(Intrinsic.LCOMPARE, "compareL");
    HELPERS.put(Intrinsic.LCOMPAREU, "compareUnsignedL");
    HELPERS.put(Intrinsic.IFLOORDIV, "floorDiv");
    HELPERS.put(Intrinsic.IFLOORMOD, "floorMod");
    DIVISIONS.put(Intrinsic.LDIVU, RuntimeHelpers.DIVU);
    DIVISIONS.put(Intrinsic.LREMU, RuntimeHelpers.REMU);
    DIVISIONS.put(Intrinsic.LFLOORDIV, RuntimeHelpers.FLOOR_DIV);
    DIVISIONS.put(Intrinsic.LFLOORMOD, RuntimeHelpers.FLOOR_MOD);
  }

  private BackEndPrep() {
  }

  static void run(KernelIr ir) {
    FrontEnd fe = new FrontEnd(RuntimeHelpers.class.getClassLoader());
    Map<String, Function> compiled = new HashMap<>();
    boolean expanded = false;
    for (Function f : new ArrayList<>(ir.functions())) {
      for (Instr i : f.instructions()) {
        if (i.op() == Op.INTRINSIC && HELPERS.containsKey(i.intrinsic())) {
          Function h = compiled.computeIfAbsent(HELPERS.get(i.intrinsic()),
              n -> fe.compileMethod(OWNER, n, i.intrinsic().descriptor()));
          replace(f, i, Instr.call(h, i.loc(), i.operands().toArray(new Value[0])));
          expanded = true;
        }
      }
    }
    if (expanded) {
      for (Function h : fe.functions()) {
        if (!ir.functions().contains(h)) {
          ir.functions().add(h);
        }
      }
      new Inlining().run(ir);
      new ConstantFolding().run(ir);
      new DeadCodeElimination().run(ir);
      new CommonSubexpressionElimination().run(ir);
    }
    Function divmod = null;
    for (Function f : new ArrayList<>(ir.functions())) {
      for (Instr i : f.instructions()) {
        Integer mode = null;
        if ((i.op() == Op.DIV || i.op() == Op.REM) && i.type() == IrType.I64) {
          mode = i.op() == Op.DIV ? RuntimeHelpers.DIV : RuntimeHelpers.REM;
        } else if (i.op() == Op.INTRINSIC && DIVISIONS.containsKey(i.intrinsic())) {
          mode = DIVISIONS.get(i.intrinsic());
        }
        if (mode != null) {
          if (divmod == null) {
            divmod = fe.compileMethod(OWNER, "divmod64", "(JJI)J");
            new ConstantFolding().run(new KernelIr(divmod, List.of(divmod)));
            new DeadCodeElimination().run(new KernelIr(divmod, List.of(divmod)));
            ir.functions().add(divmod);
          }
          replace(f, i, Instr.call(divmod, i.loc(), i.operand(0), i.operand(1), Const.i32(mode)));
        }
      }
    }
    IrVerifier.verify(ir);
  }

  private static void replace(Function f, Instr old, Instr call) {
    old.block().insertBefore(old, call);
    f.replaceUses(old, call);
    old.block().remove(old);
  }
}
