package veneer.compiler.frontend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Block;
import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Cond;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Intrinsic;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.Loc;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.Value;

import static org.objectweb.asm.Opcodes.*;

/**
 * Translates one method's bytecode into SSA form with the on-the-fly construction of Braun et al.
 * (2013): JVM locals and operand-stack entries are variables, a block is sealed once all its
 * predecessors are filled, and phis are created only where a variable is read; trivial phis are
 * removed at the end. Array accesses, array lengths and integer divisions get explicit checks.
 */
final class SsaBuilder {
  /** A bytecode basic block: instructions [start, end) of the method's list. */
  private static final class Bb {
    final int start;
    int end;
    Block ir;
    final List<Bb> preds = new ArrayList<>();
    final List<Bb> succs = new ArrayList<>();
    Value[] defs;
    boolean filled;
    boolean sealed;
    final Map<Integer, Instr> incomplete = new LinkedHashMap<>();
    int entryStack = -1;

    Bb(int start) {
      this.start = start;
    }
  }

  private final FrontEnd frontEnd;
  private final ClassNode owner;
  private final MethodNode method;
  private final Function fn;
  private final String file;
  private final AbstractInsnNode[] code;
  private final int[] lineAt;
  private final int stackBase;
  private final int varCount;
  private final Map<Integer, Bb> bbAt = new HashMap<>();
  private final List<Instr> phis = new ArrayList<>();
  private Loc loc;
  private Bb current;
  private final List<Value> stack = new ArrayList<>();

  SsaBuilder(FrontEnd frontEnd, ClassNode owner, MethodNode method, Function fn) {
    this.frontEnd = frontEnd;
    this.owner = owner;
    this.method = method;
    this.fn = fn;
    this.file = fn.file();
    InsnList list = method.instructions;
    this.code = list.toArray();
    this.lineAt = new int[code.length];
    int line = FrontEnd.firstLine(method);
    for (int i = 0; i < code.length; i++) {
      if (code[i] instanceof LineNumberNode ln) {
        line = ln.line;
      }
      lineAt[i] = line;
    }
    this.stackBase = method.maxLocals;
    this.varCount = method.maxLocals + method.maxStack + 1;
  }

  void build() {
    refuseUnsupported();
    List<Bb> blocks = splitBlocks();
    Bb entry = new Bb(-1);
    entry.ir = fn.newBlock();
    entry.defs = new Value[varCount];
    entry.filled = true;
    entry.sealed = true;
    Bb first = blocks.get(0);
    entry.succs.add(first);
    first.preds.add(entry);
    int slot = 0;
    for (Param p : fn.params()) {
      entry.defs[slot] = p;
      slot += p.type() == IrType.I64 ? 2 : 1;
    }
    loc = new Loc(file, lineAt.length == 0 ? -1 : lineAt[0]);
    List<Bb> rpo = reversePostorder(first);
    for (Bb b : rpo) {
      b.ir = fn.newBlock();
      b.defs = new Value[varCount];
    }
    entry.ir.append(Instr.jump(loc, first.ir));
    first.entryStack = 0;
    for (Bb b : rpo) {
      if (allFilled(b.preds)) {
        seal(b);
      }
      fill(b);
      for (Bb s : b.succs) {
        if (!s.sealed && allFilled(s.preds)) {
          seal(s);
        }
      }
    }
    for (Bb b : rpo) {
      if (!b.sealed) {
        seal(b);
      }
    }
    fn.recomputePreds();
    resolvePhiTypes();
    removeTrivialPhis();
  }

  // ---------------------------------------------------------------- structure

  private void refuseUnsupported() {
    for (int i = 0; i < code.length; i++) {
      String why = Refusal.of(code[i]);
      if (why != null) {
        throw new KernelCompileException(file, lineAt[i], why);
      }
    }
    if (method.tryCatchBlocks != null && !method.tryCatchBlocks.isEmpty()) {
      int at = method.instructions.indexOf(method.tryCatchBlocks.get(0).start);
      while (at < code.length - 1 && code[at].getOpcode() < 0) {
        at++;
      }
      throw new KernelCompileException(file, lineAt[at],
          "kernel code cannot catch exceptions (try/catch/finally): a Java failure ends the work-item");
    }
  }

  private int index(LabelNode l) {
    return method.instructions.indexOf(l);
  }

  private List<Bb> splitBlocks() {
    Set<Integer> leaders = new TreeSet<>();
    leaders.add(0);
    for (int i = 0; i < code.length; i++) {
      AbstractInsnNode n = code[i];
      if (n instanceof JumpInsnNode j) {
        leaders.add(index(j.label));
        leaders.add(i + 1);
      } else if (n instanceof TableSwitchInsnNode t) {
        leaders.add(index(t.dflt));
        t.labels.forEach(l -> leaders.add(index(l)));
        leaders.add(i + 1);
      } else if (n instanceof LookupSwitchInsnNode t) {
        leaders.add(index(t.dflt));
        t.labels.forEach(l -> leaders.add(index(l)));
        leaders.add(i + 1);
      } else if (isReturn(n.getOpcode())) {
        leaders.add(i + 1);
      }
    }
    leaders.removeIf(i -> i >= code.length);
    List<Bb> blocks = new ArrayList<>();
    for (int start : leaders) {
      Bb b = new Bb(start);
      if (!blocks.isEmpty()) {
        blocks.get(blocks.size() - 1).end = start;
      }
      blocks.add(b);
      bbAt.put(start, b);
    }
    blocks.get(blocks.size() - 1).end = code.length;
    for (int k = 0; k < blocks.size(); k++) {
      Bb b = blocks.get(k);
      AbstractInsnNode last = lastReal(b);
      List<Bb> succ = new ArrayList<>();
      int op = last == null ? -1 : last.getOpcode();
      if (last instanceof JumpInsnNode j) {
        if (op != GOTO) {
          succ.add(blocks.get(k + 1));
        }
        succ.add(bbAt.get(index(j.label)));
      } else if (last instanceof TableSwitchInsnNode t) {
        succ.add(bbAt.get(index(t.dflt)));
        t.labels.forEach(l -> succ.add(bbAt.get(index(l))));
      } else if (last instanceof LookupSwitchInsnNode t) {
        succ.add(bbAt.get(index(t.dflt)));
        t.labels.forEach(l -> succ.add(bbAt.get(index(l))));
      } else if (last == null && k + 1 >= blocks.size()) {
        // trailing labels after the last return: an empty block nothing reaches
      } else if (!isReturn(op)) {
        if (k + 1 >= blocks.size()) {
          throw new KernelCompileException(file, lineAt[b.end - 1], "control falls off the end of the method");
        }
        succ.add(blocks.get(k + 1));
      }
      for (Bb s : succ) {
        if (!b.succs.contains(s)) {
          b.succs.add(s);
          s.preds.add(b);
        }
      }
    }
    return blocks;
  }

  private AbstractInsnNode lastReal(Bb b) {
    for (int i = b.end - 1; i >= b.start; i--) {
      if (code[i].getOpcode() >= 0) {
        return code[i];
      }
    }
    return null;
  }

  private static boolean isReturn(int op) {
    return op >= IRETURN && op <= RETURN;
  }

  private static List<Bb> reversePostorder(Bb first) {
    List<Bb> post = new ArrayList<>();
    Set<Bb> seen = new HashSet<>();
    List<Bb> stack = new ArrayList<>();
    List<Integer> next = new ArrayList<>();
    seen.add(first);
    stack.add(first);
    next.add(0);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      Bb b = stack.get(top);
      int k = next.get(top);
      if (k < b.succs.size()) {
        next.set(top, k + 1);
        Bb s = b.succs.get(k);
        if (seen.add(s)) {
          stack.add(s);
          next.add(0);
        }
      } else {
        post.add(b);
        stack.remove(top);
        next.remove(top);
      }
    }
    Collections.reverse(post);
    // forget predecessors that bytecode-level dead code would contribute
    for (Bb b : post) {
      b.preds.removeIf(p -> p.start >= 0 && !seen.contains(p));
    }
    return post;
  }

  private static boolean allFilled(List<Bb> bs) {
    for (Bb b : bs) {
      if (!b.filled) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- Braun et al. SSA construction

  private void write(int var, Bb b, Value v) {
    b.defs[var] = v;
  }

  private Value read(int var, Bb b, IrType hint) {
    Value v = b.defs[var];
    return v != null ? v : readRecursive(var, b, hint);
  }

  private Value readRecursive(int var, Bb b, IrType hint) {
    Value v;
    if (!b.sealed) {
      Instr phi = newPhi(b, hint);
      b.incomplete.put(var, phi);
      v = phi;
    } else if (b.preds.size() == 1) {
      v = read(var, b.preds.get(0), hint);
    } else if (b.preds.isEmpty()) {
      throw new IllegalStateException(fn.displayName() + ": variable " + var + " read before it is written");
    } else {
      Instr phi = newPhi(b, hint);
      write(var, b, phi);
      addPhiOperands(var, phi, b, hint);
      v = phi;
    }
    write(var, b, v);
    return v;
  }

  private Instr newPhi(Bb b, IrType hint) {
    Instr phi = Instr.phi(hint, new Loc(file, lineAt[b.start]));
    b.ir.addPhi(phi);
    phis.add(phi);
    return phi;
  }

  private void addPhiOperands(int var, Instr phi, Bb b, IrType hint) {
    for (Bb p : b.preds) {
      phi.addIncoming(p.ir, read(var, p, hint));
    }
  }

  private void seal(Bb b) {
    for (Map.Entry<Integer, Instr> e : b.incomplete.entrySet()) {
      addPhiOperands(e.getKey(), e.getValue(), b, e.getValue().type());
    }
    b.incomplete.clear();
    b.sealed = true;
  }

  /** Phis of stack entries and of references learn their type from their operands. */
  private void resolvePhiTypes() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Instr phi : phis) {
        IrType t = phi.type();
        for (Value v : phi.operands()) {
          IrType o = v.type();
          if (o == null) {
            continue;
          }
          if (t == null || (t == IrType.NULL && o.kind() == IrType.Kind.ARRAY)) {
            t = o;
          }
        }
        if (t != phi.type()) {
          phi.setType(t);
          changed = true;
        }
      }
    }
    for (Instr phi : phis) {
      if (phi.type() == null) {
        throw new IllegalStateException(fn.displayName() + ": cannot infer the type of a phi");
      }
    }
  }

  private void removeTrivialPhis() {
    boolean changed = true;
    Map<Value, Value> replaced = new HashMap<>();
    while (changed) {
      changed = false;
      for (Instr phi : new ArrayList<>(phis)) {
        Value same = null;
        boolean trivial = true;
        for (Value v : phi.operands()) {
          Value r = resolve(replaced, v);
          if (r == phi || r == same) {
            continue;
          }
          if (same != null) {
            trivial = false;
            break;
          }
          same = r;
        }
        if (trivial && same != null) {
          replaced.put(phi, same);
          phi.block().remove(phi);
          phis.remove(phi);
          changed = true;
        }
      }
    }
    fn.replaceUses(replaced);
  }

  private static Value resolve(Map<Value, Value> m, Value v) {
    while (m.containsKey(v)) {
      v = m.get(v);
    }
    return v;
  }

  // ---------------------------------------------------------------- translation

  private Instr emit(Instr i) {
    return current.ir.append(i);
  }

  private Value push(Value v) {
    stack.add(v);
    return v;
  }

  private Value pop() {
    return stack.remove(stack.size() - 1);
  }

  private Value peek() {
    return stack.get(stack.size() - 1);
  }

  private void fill(Bb b) {
    current = b;
    stack.clear();
    loc = new Loc(file, lineAt[b.start]);
    for (int k = 0; k < b.entryStack; k++) {
      stack.add(read(stackBase + k, b, null));
    }
    AbstractInsnNode last = lastReal(b);
    for (int i = b.start; i < b.end; i++) {
      AbstractInsnNode n = code[i];
      if (n.getOpcode() < 0) {
        continue;
      }
      loc = new Loc(file, lineAt[i]);
      if (n == last && isTerminatorInsn(n)) {
        terminate(n, i);
        b.filled = true;
        return;
      }
      translate(n, i);
    }
    endStack(b);
    emit(Instr.jump(loc, b.succs.get(0).ir));
    b.filled = true;
  }

  private static boolean isTerminatorInsn(AbstractInsnNode n) {
    return n instanceof JumpInsnNode || n instanceof TableSwitchInsnNode || n instanceof LookupSwitchInsnNode
        || isReturn(n.getOpcode());
  }

  /** Leaves the operand stack in variables for the successors. */
  private void endStack(Bb b) {
    for (int k = 0; k < stack.size(); k++) {
      write(stackBase + k, b, stack.get(k));
    }
    for (Bb s : b.succs) {
      if (s.entryStack < 0) {
        s.entryStack = stack.size();
      }
    }
  }

  private void terminate(AbstractInsnNode n, int index) {
    int op = n.getOpcode();
    Bb b = current;
    if (isReturn(op)) {
      Value v = op == RETURN ? null : pop();
      emit(v == null ? new Instr(Op.RETURN, IrType.VOID, loc) : new Instr(Op.RETURN, IrType.VOID, loc, v));
      return;
    }
    if (n instanceof JumpInsnNode j) {
      Block target = bbAt.get(index(j.label)).ir;
      if (op == GOTO) {
        endStack(b);
        emit(Instr.jump(loc, target));
        return;
      }
      Value cond = condition(op);
      endStack(b);
      Block fall = bbAt.get(b.end).ir;
      emit(Instr.branch(loc, cond, target, fall));
      return;
    }
    Value key = pop();
    endStack(b);
    int[] keys;
    List<LabelNode> labels;
    LabelNode dflt;
    if (n instanceof TableSwitchInsnNode t) {
      keys = new int[t.labels.size()];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = t.min + k;
      }
      labels = t.labels;
      dflt = t.dflt;
    } else {
      LookupSwitchInsnNode t = (LookupSwitchInsnNode) n;
      keys = t.keys.stream().mapToInt(Integer::intValue).toArray();
      labels = t.labels;
      dflt = t.dflt;
    }
    List<Block> cases = new ArrayList<>();
    for (LabelNode l : labels) {
      cases.add(bbAt.get(index(l)).ir);
    }
    emit(Instr.switchOf(loc, key, bbAt.get(index(dflt)).ir, keys, cases));
  }

  /** The i1 condition of a conditional jump; fuses {@code lcmp; ifXX} into one i64 compare. */
  private Value condition(int op) {
    if (op >= IFEQ && op <= IFLE) {
      Value v = pop();
      Cond c = Cond.values()[op - IFEQ];
      List<Instr> is = current.ir.instrs();
      if (v instanceof Instr lcmp && lcmp.op() == Op.LCMP && !is.isEmpty() && is.get(is.size() - 1) == lcmp
          && !stack.contains(lcmp)) {
        current.ir.remove(lcmp);
        return emit(Instr.icmp(c, loc, lcmp.operand(0), lcmp.operand(1)));
      }
      return emit(Instr.icmp(c, loc, v, Const.i32(0)));
    }
    if (op >= IF_ICMPEQ && op <= IF_ICMPLE) {
      Value b = pop();
      Value a = pop();
      return emit(Instr.icmp(Cond.values()[op - IF_ICMPEQ], loc, a, b));
    }
    if (op == IF_ACMPEQ || op == IF_ACMPNE) {
      Value b = pop();
      Value a = pop();
      return emit(Instr.icmp(op == IF_ACMPEQ ? Cond.EQ : Cond.NE, loc, a, b));
    }
    if (op == IFNULL || op == IFNONNULL) {
      return emit(Instr.icmp(op == IFNULL ? Cond.EQ : Cond.NE, loc, pop(), Const.NULL));
    }
    throw new IllegalStateException("not a conditional jump: " + op);
  }

  private static boolean isWide(Value v) {
    return v.type() == IrType.I64;
  }

  private void translate(AbstractInsnNode n, int index) {
    int op = n.getOpcode();
    switch (op) {
      case NOP -> { }
      case ACONST_NULL -> push(Const.NULL);
      case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 -> push(Const.i32(op - ICONST_0));
      case LCONST_0, LCONST_1 -> push(Const.i64(op - LCONST_0));
      case BIPUSH, SIPUSH -> push(Const.i32(((IntInsnNode) n).operand));
      case LDC -> {
        Object c = ((LdcInsnNode) n).cst;
        push(c instanceof Long l ? Const.i64(l) : Const.i32((Integer) c));
      }
      case ILOAD -> push(read(((VarInsnNode) n).var, current, IrType.I32));
      case LLOAD -> push(read(((VarInsnNode) n).var, current, IrType.I64));
      case ALOAD -> push(read(((VarInsnNode) n).var, current, IrType.NULL));
      case ISTORE, LSTORE, ASTORE -> write(((VarInsnNode) n).var, current, pop());
      case IINC -> {
        IincInsnNode in = (IincInsnNode) n;
        Value v = read(in.var, current, IrType.I32);
        write(in.var, current, emit(new Instr(Op.ADD, IrType.I32, loc, v, Const.i32(in.incr))));
      }
      case IALOAD, LALOAD, BALOAD, CALOAD, SALOAD -> {
        Value idx = pop();
        Value arr = pop();
        checkedAccess(arr, idx);
        push(emit(new Instr(Op.ALOAD, op == LALOAD ? IrType.I64 : IrType.I32, loc, arr, idx)));
      }
      case IASTORE, LASTORE, BASTORE, CASTORE, SASTORE -> {
        Value v = pop();
        Value idx = pop();
        Value arr = pop();
        checkedAccess(arr, idx);
        emit(new Instr(Op.ASTORE, IrType.VOID, loc, arr, idx, v));
      }
      case ARRAYLENGTH -> {
        Value arr = pop();
        emit(new Instr(Op.NULLCHECK, IrType.VOID, loc, arr));
        push(emit(new Instr(Op.ALEN, IrType.I32, loc, arr)));
      }
      case POP -> pop();
      case POP2 -> {
        if (!isWide(pop())) {
          pop();
        }
      }
      case DUP -> push(peek());
      case DUP_X1 -> {
        Value a = pop();
        Value b = pop();
        push(a);
        push(b);
        push(a);
      }
      case DUP_X2 -> {
        Value a = pop();
        Value b = pop();
        if (isWide(b)) {
          push(a);
          push(b);
          push(a);
        } else {
          Value c = pop();
          push(a);
          push(c);
          push(b);
          push(a);
        }
      }
      case DUP2 -> {
        Value a = pop();
        if (isWide(a)) {
          push(a);
          push(a);
        } else {
          Value b = pop();
          push(b);
          push(a);
          push(b);
          push(a);
        }
      }
      case DUP2_X1 -> {
        Value a = pop();
        if (isWide(a)) {
          Value b = pop();
          push(a);
          push(b);
          push(a);
        } else {
          Value b = pop();
          Value c = pop();
          push(b);
          push(a);
          push(c);
          push(b);
          push(a);
        }
      }
      case DUP2_X2 -> dup2x2();
      case SWAP -> {
        Value a = pop();
        Value b = pop();
        push(a);
        push(b);
      }
      case IADD, LADD -> binary(Op.ADD, op == LADD);
      case ISUB, LSUB -> binary(Op.SUB, op == LSUB);
      case IMUL, LMUL -> binary(Op.MUL, op == LMUL);
      case IDIV, LDIV, IREM, LREM -> {
        Value d = peek();
        emit(new Instr(Op.DIVZEROCHECK, IrType.VOID, loc, d));
        binary(op == IDIV || op == LDIV ? Op.DIV : Op.REM, op == LDIV || op == LREM);
      }
      case IAND, LAND -> binary(Op.AND, op == LAND);
      case IOR, LOR -> binary(Op.OR, op == LOR);
      case IXOR, LXOR -> binary(Op.XOR, op == LXOR);
      case ISHL, LSHL -> binary(Op.SHL, op == LSHL);
      case ISHR, LSHR -> binary(Op.SHR, op == LSHR);
      case IUSHR, LUSHR -> binary(Op.USHR, op == LUSHR);
      case INEG -> push(emit(new Instr(Op.NEG, IrType.I32, loc, pop())));
      case LNEG -> push(emit(new Instr(Op.NEG, IrType.I64, loc, pop())));
      case I2L -> push(emit(new Instr(Op.I2L, IrType.I64, loc, pop())));
      case L2I -> push(emit(new Instr(Op.L2I, IrType.I32, loc, pop())));
      case I2B -> push(emit(new Instr(Op.I2B, IrType.I32, loc, pop())));
      case I2S -> push(emit(new Instr(Op.I2S, IrType.I32, loc, pop())));
      case I2C -> push(emit(new Instr(Op.I2C, IrType.I32, loc, pop())));
      case LCMP -> {
        Value b = pop();
        Value a = pop();
        push(emit(new Instr(Op.LCMP, IrType.I32, loc, a, b)));
      }
      case INVOKESTATIC -> invokeStatic((MethodInsnNode) n, index);
      default -> throw new KernelCompileException(file, lineAt[index],
          "kernel code cannot use bytecode " + org.objectweb.asm.util.Printer.OPCODES[op].toLowerCase()
              + ": the kernel compiler does not support it");
    }
  }

  private void dup2x2() {
    Value a = pop();
    if (isWide(a)) {
      Value b = pop();
      if (isWide(b)) {
        push(a);
        push(b);
        push(a);
      } else {
        Value c = pop();
        push(a);
        push(c);
        push(b);
        push(a);
      }
    } else {
      Value b = pop();
      Value c = pop();
      if (isWide(c)) {
        push(b);
        push(a);
        push(c);
        push(b);
        push(a);
      } else {
        Value d = pop();
        push(b);
        push(a);
        push(d);
        push(c);
        push(b);
        push(a);
      }
    }
  }

  private void binary(Op op, boolean wide) {
    Value b = pop();
    Value a = pop();
    push(emit(new Instr(op, wide ? IrType.I64 : IrType.I32, loc, a, b)));
  }

  private void checkedAccess(Value arr, Value idx) {
    emit(new Instr(Op.NULLCHECK, IrType.VOID, loc, arr));
    Value len = emit(new Instr(Op.ALEN, IrType.I32, loc, arr));
    emit(new Instr(Op.BOUNDSCHECK, IrType.VOID, loc, idx, len));
  }

  private void invokeStatic(MethodInsnNode m, int index) {
    Type[] argTypes = Type.getArgumentTypes(m.desc);
    Value[] args = new Value[argTypes.length];
    for (int k = args.length - 1; k >= 0; k--) {
      args[k] = pop();
    }
    if (m.owner.equals("veneer/kernel/WorkItem")) {
      if (m.name.equals("barrier")) {
        emit(new Instr(Op.BARRIER, IrType.VOID, loc));
        return;
      }
      Builtin b = Builtin.byJavaName(m.name);
      if (b == null || args.length != 1) {
        throw new KernelCompileException(file, lineAt[index], "WorkItem." + m.name + " is not a kernel built-in");
      }
      push(emit(Instr.builtin(b, loc, args[0])));
      return;
    }
    Intrinsic in = Intrinsic.lookup(m.owner, m.name, m.desc);
    if (in != null) {
      if (in.divides()) {
        emit(new Instr(Op.DIVZEROCHECK, IrType.VOID, loc, args[args.length - 1]));
      }
      push(emit(Instr.intrinsic(in, loc, args)));
      return;
    }
    if (Refusal.isJdk(m.owner)) {
      throw new KernelCompileException(file, lineAt[index], Refusal.jdkCall(m));
    }
    frontEnd.classNode(m.owner, file, lineAt[index]);
    Function callee = frontEnd.function(m.owner, m.name, m.desc, false, lineAt[index]);
    Instr call = emit(Instr.call(callee, loc, args));
    if (callee.returnType() != IrType.VOID) {
      push(call);
    }
  }
}
