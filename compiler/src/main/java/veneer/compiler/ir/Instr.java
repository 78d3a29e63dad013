package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SSA instruction. Every instruction has an opcode, a result type ({@code void} for effects),
 * operands, a source {@link Loc}, and the block it sits in. Op-specific data: {@code cond} (ICMP),
 * {@code intrinsic}, {@code builtin}, {@code callee} (CALL), {@code targets} (terminators: JUMP
 * {@code [t]}, BRANCH {@code [then, else]}, SWITCH {@code [default, case0, ...]} with
 * {@code caseKeys}), and {@code incoming} for PHI (operand i flows in from {@code incoming[i]}).
 * Build instructions with the static factories; {@link IrVerifier} checks the invariants.
 */
public final class Instr extends Value {
  private final Op op;
  private IrType type;
  private final List<Value> operands;
  private Loc loc;
  private Block block;
  private Cond cond;
  private Intrinsic intrinsic;
  private Builtin builtin;
  private Function callee;
  private final List<Block> targets = new ArrayList<>();
  private int[] caseKeys = new int[0];
  private final List<Block> incoming = new ArrayList<>();

  public Instr(Op op, IrType type, Loc loc, Value... operands) {
    this.op = op;
    this.type = type;
    this.loc = loc;
    this.operands = new ArrayList<>(Arrays.asList(operands));
  }

  public static Instr binary(Op op, Loc loc, Value a, Value b) {
    return new Instr(op, a.type(), loc, a, b);
  }

  public static Instr icmp(Cond cond, Loc loc, Value a, Value b) {
    Instr i = new Instr(Op.ICMP, IrType.I1, loc, a, b);
    i.cond = cond;
    return i;
  }

  public static Instr intrinsic(Intrinsic in, Loc loc, Value... args) {
    Instr i = new Instr(Op.INTRINSIC, in.resultType(), loc, args);
    i.intrinsic = in;
    return i;
  }

  public static Instr builtin(Builtin b, Loc loc, Value dim) {
    Instr i = new Instr(Op.BUILTIN, IrType.I32, loc, dim);
    i.builtin = b;
    return i;
  }

  public static Instr call(Function callee, Loc loc, Value... args) {
    Instr i = new Instr(Op.CALL, callee.returnType(), loc, args);
    i.callee = callee;
    return i;
  }

  public static Instr jump(Loc loc, Block target) {
    Instr i = new Instr(Op.JUMP, IrType.VOID, loc);
    i.targets.add(target);
    return i;
  }

  public static Instr branch(Loc loc, Value cond, Block then, Block otherwise) {
    Instr i = new Instr(Op.BRANCH, IrType.VOID, loc, cond);
    i.targets.add(then);
    i.targets.add(otherwise);
    return i;
  }

  public static Instr switchOf(Loc loc, Value v, Block dflt, int[] keys, List<Block> cases) {
    Instr i = new Instr(Op.SWITCH, IrType.VOID, loc, v);
    i.targets.add(dflt);
    i.targets.addAll(cases);
    i.caseKeys = keys.clone();
    return i;
  }

  public static Instr phi(IrType type, Loc loc) {
    return new Instr(Op.PHI, type, loc);
  }

  /** A copy with the same opcode, type, data and operands, not in any block. */
  public Instr copy() {
    Instr c = new Instr(op, type, loc, operands.toArray(new Value[0]));
    c.cond = cond;
    c.intrinsic = intrinsic;
    c.builtin = builtin;
    c.callee = callee;
    c.targets.addAll(targets);
    c.caseKeys = caseKeys.clone();
    c.incoming.addAll(incoming);
    return c;
  }

  public Op op() {
    return op;
  }

  @Override
  public IrType type() {
    return type;
  }

  /** Phis of references learn their array type once their operands are known. */
  public void setType(IrType type) {
    this.type = type;
  }

  public List<Value> operands() {
    return operands;
  }

  public Value operand(int i) {
    return operands.get(i);
  }

  public void setOperand(int i, Value v) {
    operands.set(i, v);
  }

  public Loc loc() {
    return loc;
  }

  public void setLoc(Loc loc) {
    this.loc = loc;
  }

  public Block block() {
    return block;
  }

  void setBlock(Block block) {
    this.block = block;
  }

  public Cond cond() {
    return cond;
  }

  public Intrinsic intrinsic() {
    return intrinsic;
  }

  public Builtin builtin() {
    return builtin;
  }

  public Function callee() {
    return callee;
  }

  /** Successor blocks of a terminator (may repeat for a switch). */
  public List<Block> targets() {
    return targets;
  }

  public int[] caseKeys() {
    return caseKeys;
  }

  /** For a phi: the predecessor each operand flows in from. */
  public List<Block> incoming() {
    return incoming;
  }

  /** Adds a phi operand flowing in from {@code pred}. */
  public void addIncoming(Block pred, Value v) {
    incoming.add(pred);
    operands.add(v);
  }

  /** Removes the phi operand that flows in from {@code pred}, if any. */
  public void removeIncoming(Block pred) {
    int i = incoming.indexOf(pred);
    if (i >= 0) {
      incoming.remove(i);
      operands.remove(i);
    }
  }

  /** The phi operand flowing in from {@code pred}. */
  public Value incomingValue(Block pred) {
    int i = incoming.indexOf(pred);
    if (i < 0) {
      throw new IllegalStateException("phi has no operand for " + pred);
    }
    return operands.get(i);
  }

  /** The array element type of a load or store (from the array operand's type). */
  public Elem elem() {
    return operand(0).type().elem();
  }

  @Override
  public String toString() {
    return op + (block == null ? "" : " in " + block);
  }
}
