package veneer.compiler.backend;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.isa.Opcode;

/**
 * Functions that stay calls after inlining (recursive methods, the 64-bit division routine):
 * their symbols, and their machine code with a plain frame. Convention: the caller stores the
 * arguments at 0(sp), 4(sp), ... of its own frame (a long as low, high); the callee allocates
 * its frame, saves ra in its top word, reads its arguments above its frame, and returns the
 * value in x30 (low) and x31 (high). A failing check in a callee stores site+1 in the thread's
 * context word +8 and returns; every caller checks that word after the call.
 */
final class Callees implements BodyEnv {
  private final MFunction mf;
  private final Map<Param, int[]> params = new IdentityHashMap<>();
  private final Map<Integer, Integer> constants = new HashMap<>();
  private MBlock entry;

  private Callees(MFunction mf) {
    this.mf = mf;
  }

  /** The symbol of {@code f}'s code. */
  static String label(Function f) {
    String owner = f.owner().substring(f.owner().lastIndexOf('/') + 1);
    return owner + "." + f.name() + "." + Integer.toHexString(f.descriptor().hashCode() & 0xffff);
  }

  static String epilogue(MFunction mf) {
    return mf.name + ".epilogue";
  }

  /** Whether a call of {@code f} may leave a trap pending. */
  static boolean mayTrap(Function f) {
    return mayTrap(f, new HashSet<>());
  }

  private static boolean mayTrap(Function f, Set<Function> seen) {
    if (!seen.add(f)) {
      return false;
    }
    for (Instr i : f.instructions()) {
      if (i.op().isCheck() || i.op() == Op.CALL && mayTrap(i.callee(), seen)) {
        return true;
      }
    }
    return false;
  }

  /** Machine code of callee {@code f}. */
  static MFunction build(Function f, TrapSites sites) {
    LaunchLoop.refuseBuiltinsIn(f);
    MFunction mf = new MFunction(label(f), true);
    Callees env = new Callees(mf);
    MBlock entry = mf.namedBlock(mf.name);
    env.entry = entry;
    entry.add(MInstr.frame(-1));
    MInstr saveRa = MInstr.op(Opcode.SW, 0, Reg.SP, Reg.RA, 0);
    saveRa.frameRel = MInstr.FrameRel.RA;
    entry.add(saveRa);
    int off = 0;
    for (Param p : f.params()) {
      int[] r = p.type() == veneer.compiler.ir.IrType.I64 ? new int[] {mf.newVreg(), mf.newVreg()} : new int[] {mf.newVreg()};
      for (int x : r) {
        MInstr ld = MInstr.op(Opcode.LW, x, Reg.SP, 0, off);
        ld.frameRel = MInstr.FrameRel.ARG_IN;
        entry.add(ld);
        off += 4;
      }
      env.params.put(p, r);
    }
    String body = InstructionSelector.select(mf, f, env, sites, "");
    entry.add(MInstr.jump(body));
    env.entry = null;
    MBlock epi = mf.namedBlock(epilogue(mf));
    MInstr loadRa = MInstr.op(Opcode.LW, Reg.RA, Reg.SP, 0, 0);
    loadRa.frameRel = MInstr.FrameRel.RA;
    epi.add(loadRa);
    epi.add(MInstr.frame(1));
    epi.add(MInstr.ret());
    return mf;
  }

  @Override
  public int constant(int c) {
    return constants.computeIfAbsent(c, k -> {
      int r = mf.newVreg();
      entry.add(MInstr.li(r, c));
      return r;
    });
  }

  @Override
  public int[] param(Param p) {
    return params.get(p);
  }

  @Override
  public int paramLength(Param p) {
    return -1;
  }

  @Override
  public boolean nonNull(Param p) {
    return false;
  }

  @Override
  public int builtin(Builtin b, int dim, MBlock at) {
    throw new IllegalStateException("built-ins are refused in callees");
  }

  @Override
  public void trap(MBlock stub, int site) {
    int r = mf.newVreg();
    stub.add(MInstr.li(r, site + 1));
    stub.add(MInstr.op(Opcode.SW, 0, Reg.TP, r, InstructionSelector.CTX_PENDING));
    stub.add(MInstr.jump(epilogue(mf)));
  }

  @Override
  public String returnTarget() {
    return null;
  }

  @Override
  public String pendingTarget() {
    return epilogue(mf);
  }

  @Override
  public MBlock barrier(MBlock at) {
    throw new IllegalStateException("barriers are refused in callees");
  }
}
