package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Block;
import veneer.compiler.ir.Cond;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Elem;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.Value;
import veneer.isa.Opcode;

import static veneer.isa.Opcode.*;

/**
 * Instruction selection: one IR function body into machine blocks on virtual registers. An i64
 * value is a pair of registers [lo, hi]; i1 is 0/1 in a register; a reference is an address
 * (0 for null). A check becomes a compare-and-branch to a cold stub that reports its trap site.
 * A compare used only by the branch after it becomes the branch itself. Phis stay as block phis
 * with one source per machine predecessor, resolved after register allocation.
 */
final class InstructionSelector {
  /** Context word offsets (see {@link LaunchLoop}). */
  static final int CTX_PENDING = 8;

  private final MFunction mf;
  private final Function f;
  private final BodyEnv env;
  private final TrapSites sites;
  private final String prefix;
  private final Map<Value, int[]> regs = new IdentityHashMap<>();
  private final Map<Block, MBlock> start = new IdentityHashMap<>();
  private final Map<Block, Map<Block, List<String>>> edges = new IdentityHashMap<>();
  private final Map<Instr, Integer> uses;
  private final Map<Value, List<Instr>> users = new IdentityHashMap<>();
  private final Set<Value> zeroExtended = Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<String, Integer> cache = new HashMap<>();
  private Block irBlock;
  private MBlock cur;
  /** What the access whose address was computed last touches, when known (coarsened blocks). */
  private MemTag tag;

  private InstructionSelector(MFunction mf, Function f, BodyEnv env, TrapSites sites, String prefix) {
    this.mf = mf;
    this.f = f;
    this.env = env;
    this.sites = sites;
    this.prefix = prefix;
    this.uses = f.useCounts();
    for (Instr i : f.instructions()) {
      for (Value v : i.operands()) {
        users.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
      }
    }
  }

  /** A byte load whose every use is {@code & 0xFF} loads zero-extended and the masks vanish. */
  private boolean onlyMaskedToByte(Instr load) {
    List<Instr> us = users.getOrDefault(load, List.of());
    for (Instr u : us) {
      if (u.op() != Op.AND || !(Long.valueOf(255).equals(constOf(u.operand(0))) || Long.valueOf(255).equals(constOf(u.operand(1))))) {
        return false;
      }
    }
    return !us.isEmpty();
  }

  /**
   * Selects {@code f}'s body into {@code mf}; returns the label of the body's entry block.
   * {@code prefix} keeps labels of several copies of one body apart.
   */
  static String select(MFunction mf, Function f, BodyEnv env, TrapSites sites, String prefix) {
    return new InstructionSelector(mf, f, env, sites, prefix).run();
  }

  private String run() {
    for (Block b : f.blocks()) {
      start.put(b, mf.newBlock(prefix + "b"));
    }
    for (Block b : f.blocks()) {
      irBlock = b;
      cur = start.get(b);
      cache = new HashMap<>();
      for (Instr i : b.instrs()) {
        if (i.op() == Op.PHI) {
          int[] r = fresh(i.type());
          regs.put(i, r);
          for (int x : r) {
            cur.addPhi(x);
          }
        }
      }
      for (Instr i : b.instrs()) {
        if (i.op() != Op.PHI) {
          select(i);
        }
      }
    }
    for (Block b : f.blocks()) {
      for (Instr phi : b.phis()) {
        int[] dst = regs.get(phi);
        for (int k = 0; k < phi.incoming().size(); k++) {
          Block pred = phi.incoming().get(k);
          Value v = phi.operand(k);
          List<String> from = edges.getOrDefault(pred, Map.of()).getOrDefault(b, List.of());
          for (int part = 0; part < dst.length; part++) {
            MBlock.Src src = source(v, part);
            for (MBlock.Phi p : start.get(b).phis) {
              if (p.dst == dst[part]) {
                for (String l : from) {
                  p.sources.put(l, src);
                }
              }
            }
          }
        }
      }
    }
    return start.get(f.entry()).label;
  }

  private MBlock.Src source(Value v, int part) {
    if (v instanceof Const c) {
      long bits = c.bits();
      return MBlock.Src.constant(part == 0 ? (int) bits : (int) (bits >> 32));
    }
    int[] r = value(v);
    return MBlock.Src.of(r[part]);
  }

  private int[] fresh(IrType t) {
    return t == IrType.I64 ? new int[] {mf.newVreg(), mf.newVreg()} : new int[] {mf.newVreg()};
  }

  private int[] value(Value v) {
    if (v instanceof Const c) {
      if (c.type() == IrType.I64) {
        return new int[] {constant((int) c.bits()), constant((int) (c.bits() >> 32))};
      }
      return new int[] {constant((int) c.bits())};
    }
    if (v instanceof Param p) {
      return env.param(p);
    }
    int[] r = regs.get(v);
    if (r == null) {
      throw new IllegalStateException("value used before selection: " + v);
    }
    return r;
  }

  private int reg(Value v) {
    return value(v)[0];
  }

  private int constant(int c) {
    return c == 0 ? Reg.ZERO : env.constant(c);
  }

  private int emit(Opcode op, int rs1, int rs2) {
    int rd = mf.newVreg();
    cur.add(MInstr.op(op, rd, rs1, rs2, 0));
    return rd;
  }

  private int emitI(Opcode op, int rs1, int imm) {
    int rd = mf.newVreg();
    cur.add(MInstr.op(op, rd, rs1, 0, imm));
    return rd;
  }

  private static boolean fits12(long c) {
    return c >= -2048 && c <= 2047;
  }

  private static Long constOf(Value v) {
    return v instanceof Const c && c.type() != IrType.NULL ? c.bits() : (v instanceof Const ? 0L : null);
  }

  private void define(Instr i, int... r) {
    regs.put(i, r);
  }

  private void select(Instr i) {
    boolean i64 = i.type() == IrType.I64;
    switch (i.op()) {
      case ADD, SUB, MUL, MULHI, DIV, REM, AND, OR, XOR, SHL, SHR, USHR -> {
        if (i64) {
          define(i, I64Lowering.binary(this, i.op(), i.operand(0), i.operand(1)));
        } else {
          define(i, binary32(i.op(), i.operand(0), i.operand(1)));
        }
      }
      case NEG -> {
        if (i64) {
          int[] a = value(i.operand(0));
          define(i, I64Lowering.neg(this, a));
        } else {
          define(i, emit(SUB, Reg.ZERO, reg(i.operand(0))));
        }
      }
      case I2L -> {
        int a = reg(i.operand(0));
        define(i, a, emitI(SRAI, a, 31));
      }
      case L2I -> define(i, value(i.operand(0))[0]);
      case I2B -> define(i, emitI(SRAI, emitI(SLLI, reg(i.operand(0)), 24), 24));
      case I2S -> define(i, emitI(SRAI, emitI(SLLI, reg(i.operand(0)), 16), 16));
      case I2C -> define(i, emitI(SRLI, emitI(SLLI, reg(i.operand(0)), 16), 16));
      case ICMP -> {
        if (!fusedIntoBranch(i)) {
          define(i, compareValue(i.cond(), i.operand(0), i.operand(1)));
        }
      }
      case LCMP -> {
        int lt = I64Lowering.lessThan(this, value(i.operand(0)), value(i.operand(1)));
        int gt = I64Lowering.lessThan(this, value(i.operand(1)), value(i.operand(0)));
        define(i, emit(SUB, gt, lt));
      }
      case INTRINSIC -> define(i, Intrinsics.lower(this, i));
      case BUILTIN -> {
        Long d = constOf(i.operand(0));
        if (d == null) {
          throw new KernelCompileException(i.loc().file(), i.loc().line(),
              "WorkItem." + i.builtin().javaName() + " needs a constant dimension on the overlay; found a computed one");
        }
        define(i, env.builtin(i.builtin(), (int) (long) d, cur));
      }
      case ALEN -> {
        int len = i.operand(0) instanceof Param p ? env.paramLength(p) : -1;
        define(i, len >= 0 ? len : emitI(LW, reg(i.operand(0)), -4));
      }
      case ALOAD -> load(i);
      case ASTORE -> store(i);
      case NULLCHECK -> {
        Value a = i.operand(0);
        if (!(a instanceof Param p && env.nonNull(p))) {
          checkBranch(i, BEQ, reg(a), Reg.ZERO);
        }
      }
      case BOUNDSCHECK -> {
        if (!env.elides(i)) {
          checkBranch(i, BGEU, reg(i.operand(0)), reg(i.operand(1)));
        }
      }
      case DIVZEROCHECK -> {
        if (i.operand(0).type() == IrType.I64) {
          int[] d = value(i.operand(0));
          checkBranch(i, BEQ, emit(OR, d[0], d[1]), Reg.ZERO);
        } else {
          checkBranch(i, BEQ, reg(i.operand(0)), Reg.ZERO);
        }
      }
      case BARRIER -> {
        cur = env.barrier(cur);
        cache = new HashMap<>();
      }
      case CALL -> call(i);
      case JUMP -> jumpTo(i.targets().get(0));
      case BRANCH -> branch(i);
      case SWITCH -> switchOf(i);
      case RETURN -> ret(i);
      default -> throw new IllegalStateException("cannot select " + i.op());
    }
  }

  int[] binary32(Op op, Value av, Value bv) {
    Long ca = constOf(av);
    Long cb = constOf(bv);
    switch (op) {
      case ADD, AND, OR, XOR -> {
        if (op == Op.AND && (Long.valueOf(255).equals(cb) && zeroExtended.contains(av)
            || Long.valueOf(255).equals(ca) && zeroExtended.contains(bv))) {
          return new int[] {reg(zeroExtended.contains(av) ? av : bv)};
        }
        Opcode imm = op == Op.ADD ? ADDI : op == Op.AND ? ANDI : op == Op.OR ? ORI : XORI;
        Opcode rr = op == Op.ADD ? ADD : op == Op.AND ? AND : op == Op.OR ? OR : XOR;
        if (cb != null && fits12(cb)) {
          return new int[] {emitI(imm, reg(av), (int) (long) cb)};
        }
        if (ca != null && fits12(ca)) {
          return new int[] {emitI(imm, reg(bv), (int) (long) ca)};
        }
        return new int[] {emit(rr, reg(av), reg(bv))};
      }
      case SUB -> {
        if (cb != null && fits12(-cb)) {
          return new int[] {emitI(ADDI, reg(av), (int) -cb)};
        }
        return new int[] {emit(SUB, reg(av), reg(bv))};
      }
      case MUL -> {
        return new int[] {emit(MUL, reg(av), reg(bv))};
      }
      case MULHI -> {
        return new int[] {emit(MULH, reg(av), reg(bv))};
      }
      case DIV -> {
        return new int[] {emit(DIV, reg(av), reg(bv))};
      }
      case REM -> {
        return new int[] {emit(REM, reg(av), reg(bv))};
      }
      case SHL, SHR, USHR -> {
        Opcode imm = op == Op.SHL ? SLLI : op == Op.SHR ? SRAI : SRLI;
        Opcode rr = op == Op.SHL ? SLL : op == Op.SHR ? SRA : SRL;
        if (cb != null) {
          int s = (int) (cb & 31);
          return new int[] {s == 0 ? reg(av) : emitI(imm, reg(av), s)};
        }
        return new int[] {emit(rr, reg(av), reg(bv))};
      }
      default -> throw new IllegalStateException("not a binary op: " + op);
    }
  }

  private int compareValue(Cond c, Value a, Value b) {
    if (a.type() == IrType.I64) {
      return I64Lowering.compare(this, c, value(a), value(b));
    }
    int x = reg(a);
    int y = reg(b);
    return switch (c) {
      case EQ -> emitI(SLTIU, emit(XOR, x, y), 1);
      case NE -> emit(SLTU, Reg.ZERO, emit(XOR, x, y));
      case LT -> emit(SLT, x, y);
      case GE -> emitI(XORI, emit(SLT, x, y), 1);
      case GT -> emit(SLT, y, x);
      case LE -> emitI(XORI, emit(SLT, y, x), 1);
    };
  }

  private boolean fusedIntoBranch(Instr cmp) {
    Instr t = cmp.block().terminator();
    return t != null && t.op() == Op.BRANCH && t.operand(0) == cmp && uses.getOrDefault(cmp, 0) == 1
        && cmp.operand(0).type() != IrType.I64;
  }

  private int elemShift(Elem e) {
    return Integer.numberOfTrailingZeros(e.bytes());
  }

  /** [base register, byte offset] of element {@code index} of array {@code a}; sets {@link #tag}. */
  private int[] address(Value a, Value index, Elem e) {
    BodyEnv.Access known = env.access(a, index, e);
    tag = known == null ? null : known.tag();
    if (known != null) {
      return new int[] {known.base(), known.offset()};
    }
    int base = reg(a);
    Long c = constOf(index);
    if (c != null && fits12(c * e.bytes()) && fits12(c * e.bytes() + 4)) {
      return new int[] {base, (int) (c * e.bytes())};
    }
    int idx = reg(index);
    int sh = elemShift(e);
    int scaled = idx;
    if (sh > 0) {
      String key = "s" + idx + ":" + sh;
      Integer r = cache.get(key);
      if (r == null) {
        r = emitI(SLLI, idx, sh);
        cache.put(key, r);
      }
      scaled = r;
    }
    String key = "a" + base + ":" + scaled;
    Integer addr = cache.get(key);
    if (addr == null) {
      addr = emit(ADD, base, scaled);
      cache.put(key, addr);
    }
    return new int[] {addr, 0};
  }

  private void load(Instr i) {
    Elem e = i.elem();
    int[] at = address(i.operand(0), i.operand(1), e);
    Opcode op = switch (e) {
      case BOOL -> LBU;
      case BYTE -> onlyMaskedToByte(i) ? LBU : LB;
      case SHORT -> LH;
      case CHAR -> LHU;
      case INT, LONG -> LW;
    };
    MemTag t = tag;
    int lo = emitI(op, at[0], at[1]);
    tagLast(t, 0, e == Elem.LONG ? 4 : e.bytes());
    if (op == LBU && e == Elem.BYTE) {
      zeroExtended.add(i);
    }
    if (e == Elem.LONG) {
      define(i, lo, emitI(LW, at[0], at[1] + 4));
      tagLast(t, 4, 4);
    } else {
      define(i, lo);
    }
  }

  /** Tags the instruction just emitted with bytes {@code skip..skip+bytes-1} of access {@code t} (if known). */
  private void tagLast(MemTag t, int skip, int bytes) {
    if (t != null) {
      cur.instrs.get(cur.instrs.size() - 1).mem = new MemTag(t.javaType(), t.offset() + skip, bytes);
    }
  }

  private void store(Instr i) {
    Elem e = i.elem();
    int[] at = address(i.operand(0), i.operand(1), e);
    MemTag t = tag;
    int[] v = value(i.operand(2));
    switch (e) {
      case BOOL -> cur.add(MInstr.op(SB, 0, at[0], emitI(ANDI, v[0], 1), at[1]));
      case BYTE -> cur.add(MInstr.op(SB, 0, at[0], v[0], at[1]));
      case SHORT, CHAR -> cur.add(MInstr.op(SH, 0, at[0], v[0], at[1]));
      case INT -> cur.add(MInstr.op(SW, 0, at[0], v[0], at[1]));
      case LONG -> {
        cur.add(MInstr.op(SW, 0, at[0], v[0], at[1]));
        tagLast(t, 0, 4);
        cur.add(MInstr.op(SW, 0, at[0], v[1], at[1] + 4));
        tagLast(t, 4, 4);
        return;
      }
    }
    tagLast(t, 0, e.bytes());
  }

  private void checkBranch(Instr check, Opcode op, int rs1, int rs2) {
    int site = sites.add(check.op().trapKind().failure(), check.loc().file(), check.loc().line());
    MBlock stub = mf.newBlock(prefix + "trap");
    stub.cold = true;
    env.trap(stub, site);
    MBlock next = mf.newBlockAfter(cur, prefix + "ok");
    cur.add(MInstr.branch(op, rs1, rs2, stub.label));
    cur.add(MInstr.jump(next.label));
    cur = next;
  }

  private void call(Instr i) {
    int off = 0;
    for (Value a : i.operands()) {
      for (int r : value(a)) {
        cur.add(MInstr.op(SW, 0, Reg.SP, r, off));
        off += 4;
      }
    }
    mf.outgoingBytes = Math.max(mf.outgoingBytes, off);
    cur.add(MInstr.call(Callees.label(i.callee())));
    if (i.type() == IrType.I64) {
      int hi = mf.newVreg();
      int lo = mf.newVreg();
      cur.add(MInstr.op(ADDI, hi, Reg.SCRATCH1, 0, 0));
      cur.add(MInstr.op(ADDI, lo, Reg.SCRATCH0, 0, 0));
      define(i, lo, hi);
    } else if (i.type() != IrType.VOID) {
      int r = mf.newVreg();
      cur.add(MInstr.op(ADDI, r, Reg.SCRATCH0, 0, 0));
      define(i, r);
    }
    if (Callees.mayTrap(i.callee())) {
      int pending = emitI(LW, Reg.TP, CTX_PENDING);
      MBlock next = mf.newBlockAfter(cur, prefix + "back");
      cur.add(MInstr.branch(BNE, pending, Reg.ZERO, env.pendingTarget()));
      cur.add(MInstr.jump(next.label));
      cur = next;
    }
    cache = new HashMap<>();
  }

  private void edge(Block to) {
    edges.computeIfAbsent(irBlock, k -> new LinkedHashMap<>()).computeIfAbsent(to, k -> new ArrayList<>()).add(cur.label);
  }

  private void jumpTo(Block t) {
    edge(t);
    cur.add(MInstr.jump(start.get(t).label));
  }

  private void branch(Instr i) {
    Block then = i.targets().get(0);
    Block otherwise = i.targets().get(1);
    Value c = i.operand(0);
    Boolean known = env.knownCondition(c);
    if (known != null) {
      jumpTo(known ? then : otherwise);
      return;
    }
    edge(then);
    edge(otherwise);
    if (c instanceof Instr cmp && cmp.op() == Op.ICMP && fusedIntoBranch(cmp)) {
      int x = reg(cmp.operand(0));
      int y = reg(cmp.operand(1));
      switch (cmp.cond()) {
        case EQ -> cur.add(MInstr.branch(BEQ, x, y, start.get(then).label));
        case NE -> cur.add(MInstr.branch(BNE, x, y, start.get(then).label));
        case LT -> cur.add(MInstr.branch(BLT, x, y, start.get(then).label));
        case GE -> cur.add(MInstr.branch(BGE, x, y, start.get(then).label));
        case GT -> cur.add(MInstr.branch(BLT, y, x, start.get(then).label));
        case LE -> cur.add(MInstr.branch(BGE, y, x, start.get(then).label));
      }
    } else {
      cur.add(MInstr.branch(BNE, reg(c), Reg.ZERO, start.get(then).label));
    }
    cur.add(MInstr.jump(start.get(otherwise).label));
  }

  private void switchOf(Instr i) {
    int v = reg(i.operand(0));
    int[] keys = i.caseKeys();
    if (isDense(keys) && distinctTargets(i) >= 2) {
      tableSwitch(i, v, keys);
      return;
    }
    for (int k = 0; k < keys.length; k++) {
      Block t = i.targets().get(k + 1);
      int key = constant(keys[k]);
      edge(t);
      MBlock next = mf.newBlockAfter(cur, prefix + "case");
      cur.add(MInstr.branch(BEQ, v, key, start.get(t).label));
      cur.add(MInstr.jump(next.label));
      cur = next;
      cache = new HashMap<>(cache);
    }
    jumpTo(i.targets().get(0));
  }

  /** Fewest cases for a jump table: below this a compare chain is as short. */
  static final int TABLE_MIN_CASES = 4;
  /** Most slots of a jump table. */
  static final int TABLE_MAX_SLOTS = 512;

  /** Whether a jump table is worth it: enough cases, and at least a third of the slots in the key range used. */
  static boolean isDense(int[] keys) {
    if (keys.length < TABLE_MIN_CASES) {
      return false;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int k : keys) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    long slots = max - min + 1;
    return slots <= TABLE_MAX_SLOTS && slots <= 3L * keys.length;
  }

  private static int distinctTargets(Instr i) {
    return new HashSet<>(i.targets()).size();
  }

  /**
   * A dense switch: slot = v - min, one unsigned compare sends slots out of range to the default, then
   * a jump through a table of {@code jal}s (holes go to the default).
   */
  private void tableSwitch(Instr i, int v, int[] keys) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int k : keys) {
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    int slots = max - min + 1;
    Block dflt = i.targets().get(0);
    int slot = min == 0 ? v : fits12(-(long) min) ? emitI(ADDI, v, -min) : emit(SUB, v, constant(min));
    edge(dflt);
    MBlock table = mf.newBlockAfter(cur, prefix + "table");
    cur.add(MInstr.branch(BGEU, slot, constant(slots), start.get(dflt).label));
    cur.add(MInstr.jump(table.label));
    cur = table;
    cache = new HashMap<>(cache);
    int slot4 = emitI(SLLI, slot, 2);
    List<String> targets = new ArrayList<>(Collections.nCopies(slots, start.get(dflt).label));
    Set<Block> distinct = new LinkedHashSet<>();
    for (int k = 0; k < keys.length; k++) {
      Block t = i.targets().get(k + 1);
      targets.set(keys[k] - min, start.get(t).label);
      distinct.add(t);
    }
    distinct.add(dflt);
    for (Block t : distinct) {
      edge(t);
    }
    cur.add(MInstr.table(slot4, targets));
    // never taken (the table always jumps), but keeps the block's form: terminators end in a JUMP
    cur.add(MInstr.jump(start.get(dflt).label));
  }

  private void ret(Instr i) {
    String target = env.returnTarget();
    if (target == null) {
      if (!i.operands().isEmpty()) {
        int[] v = value(i.operand(0));
        if (v.length == 2) {
          cur.add(MInstr.op(ADDI, Reg.SCRATCH1, v[1], 0, 0));
        }
        cur.add(MInstr.op(ADDI, Reg.SCRATCH0, v[0], 0, 0));
      }
      cur.add(MInstr.jump(Callees.epilogue(mf)));
    } else {
      cur.add(MInstr.jump(target));
    }
  }

  // helpers for the lowering classes

  MFunction function() {
    return mf;
  }

  int[] valueOf(Value v) {
    return value(v);
  }

  int regOf(Value v) {
    return reg(v);
  }

  int constReg(int c) {
    return constant(c);
  }

  int r(Opcode op, int rs1, int rs2) {
    return emit(op, rs1, rs2);
  }

  int i(Opcode op, int rs1, int imm) {
    return emitI(op, rs1, imm);
  }

  static Long constantOf(Value v) {
    return constOf(v);
  }

  Param paramOrNull(Value v) {
    return v instanceof Param p ? p : null;
  }
}
