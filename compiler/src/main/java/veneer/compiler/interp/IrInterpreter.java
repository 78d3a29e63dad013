package veneer.compiler.interp;

import veneer.compiler.interp.PreparedFunction.PBlock;
import veneer.compiler.interp.PreparedFunction.PInstr;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.TrapKind;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkItemId;
import veneer.kernel.WorkRange;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes a kernel's IR with Java semantics: the reference executor of the compiler until the
 * RV32IM back end runs. Launch semantics match {@link veneer.kernel.JvmKernelRunner}: groups in
 * order, the items of a group interleaved at barriers, a failing item stops while the others go
 * on, and the failure of the lowest linear global id is reported. Arrays are updated in place.
 *
 * <pre>{@code
 * Optional<KernelFailure> f = IrInterpreter.run(ir, WorkRange.of(64), a, b, c);
 * }</pre>
 */
public final class IrInterpreter {
  /** Default bound on executed instructions per work-item, so a broken pass cannot hang a test. */
  public static final long DEFAULT_STEP_LIMIT = 50_000_000L;

  private final Map<Function, PreparedFunction> prepared = new HashMap<>();
  private final KernelIr ir;
  private final long stepLimit;

  private IrInterpreter(KernelIr ir, long stepLimit) {
    this.ir = ir;
    this.stepLimit = stepLimit;
  }

  /** Runs every work-item of {@code range}. */
  public static Optional<KernelFailure> run(KernelIr ir, WorkRange range, Object... args) {
    return new IrInterpreter(ir, DEFAULT_STEP_LIMIT).launch(range, args);
  }

  /** Runs with a custom per-work-item instruction limit. */
  public static Optional<KernelFailure> run(KernelIr ir, long stepLimit, WorkRange range, Object... args) {
    return new IrInterpreter(ir, stepLimit).launch(range, args);
  }

  private PreparedFunction prepare(Function f) {
    return prepared.computeIfAbsent(f, PreparedFunction::new);
  }

  private static final class Trap extends RuntimeException {
    final transient Instr at;

    Trap(Instr at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private static final class Frame {
    final PreparedFunction fn;
    final long[] v;
    final Object[] r;
    PBlock block;
    int pc;

    Frame(PreparedFunction fn) {
      this.fn = fn;
      this.v = fn.initV.clone();
      this.r = fn.initR.clone();
      this.block = fn.entry;
    }
  }

  private static final class Item {
    final WorkItemId id;
    final List<Frame> frames = new ArrayList<>();
    boolean done;
    KernelFailure failure;
    long steps;

    Item(WorkItemId id) {
      this.id = id;
    }
  }

  private Optional<KernelFailure> launch(WorkRange range, Object[] args) {
    Function k = ir.kernel();
    if (args.length != k.params().size()) {
      throw new IllegalArgumentException("kernel " + k.displayName() + " takes " + k.params().size()
          + " arguments, found " + args.length);
    }
    PreparedFunction pk = prepare(k);
    KernelFailure first = null;
    for (int g = 0; g < range.groupCount(); g++) {
      Object[] groupArgs = args.clone();
      for (Param p : k.params()) {
        if (p.isLocal() && args[p.index()] != null) {
          Object a = args[p.index()];
          groupArgs[p.index()] = Array.newInstance(a.getClass().getComponentType(), Array.getLength(a));
        }
      }
      List<Item> items = new ArrayList<>();
      for (int l = 0; l < range.groupSize(); l++) {
        Item it = new Item(range.item(g, l));
        Frame f = new Frame(pk);
        for (Param p : k.params()) {
          bindArgument(f, p, groupArgs[p.index()]);
        }
        it.frames.add(f);
        items.add(it);
      }
      boolean waiting = true;
      while (waiting) {
        waiting = false;
        for (Item it : items) {
          if (!it.done) {
            runUntilBlocked(it);
            waiting |= !it.done;
          }
        }
      }
      for (Item it : items) {
        if (it.failure != null && (first == null || it.failure.workItem() < first.workItem())) {
          first = it.failure;
        }
      }
    }
    return Optional.ofNullable(first);
  }

  private static void bindArgument(Frame f, Param p, Object arg) {
    int s = p.index();
    if (p.type().isRef()) {
      f.r[s] = arg;
    } else if (arg instanceof Integer i) {
      f.v[s] = i;
    } else if (arg instanceof Long l) {
      f.v[s] = l;
    } else if (arg instanceof Short x) {
      f.v[s] = x;
    } else if (arg instanceof Byte x) {
      f.v[s] = x;
    } else if (arg instanceof Character x) {
      f.v[s] = x;
    } else if (arg instanceof Boolean x) {
      f.v[s] = x ? 1 : 0;
    } else {
      throw new IllegalArgumentException("argument " + s + " (" + p.name() + ") must be " + p.javaType()
          + ", found " + (arg == null ? "null" : arg.getClass().getSimpleName()));
    }
  }

  /** Runs an item until it finishes, fails or reaches a barrier. */
  private void runUntilBlocked(Item it) {
    try {
      if (execute(it)) {
        it.done = true;
      }
    } catch (Trap t) {
      it.done = true;
      TrapKind kind = t.at.op().trapKind();
      it.failure = new KernelFailure(kind.failure(), t.at.loc().file(), t.at.loc().line(), it.id.linearGlobalId());
    }
  }

  /** Returns true when the item finished, false at a barrier. */
  private boolean execute(Item it) {
    Frame f = it.frames.get(it.frames.size() - 1);
    while (true) {
      if (++it.steps > stepLimit) {
        throw new IllegalStateException("work-item " + it.id.linearGlobalId() + " of " + ir.kernel().displayName()
            + " ran more than " + stepLimit + " IR instructions");
      }
      PInstr p = f.block.body[f.pc];
      long[] v = f.v;
      int[] o = p.ops;
      boolean i64 = p.instr.type() == IrType.I64;
      switch (p.op) {
        case ADD -> v[p.dst] = i64 ? v[o[0]] + v[o[1]] : (int) (v[o[0]] + v[o[1]]);
        case SUB -> v[p.dst] = i64 ? v[o[0]] - v[o[1]] : (int) (v[o[0]] - v[o[1]]);
        case MUL -> v[p.dst] = i64 ? v[o[0]] * v[o[1]] : (int) v[o[0]] * (int) v[o[1]];
        case MULHI -> v[p.dst] = (int) ((v[o[0]] * v[o[1]]) >> 32);
        case DIV -> v[p.dst] = i64 ? v[o[0]] / v[o[1]] : (int) v[o[0]] / (int) v[o[1]];
        case REM -> v[p.dst] = i64 ? v[o[0]] % v[o[1]] : (int) v[o[0]] % (int) v[o[1]];
        case AND -> v[p.dst] = v[o[0]] & v[o[1]];
        case OR -> v[p.dst] = v[o[0]] | v[o[1]];
        case XOR -> v[p.dst] = v[o[0]] ^ v[o[1]];
        case SHL -> v[p.dst] = i64 ? v[o[0]] << v[o[1]] : (int) v[o[0]] << (int) v[o[1]];
        case SHR -> v[p.dst] = i64 ? v[o[0]] >> v[o[1]] : (int) v[o[0]] >> (int) v[o[1]];
        case USHR -> v[p.dst] = i64 ? v[o[0]] >>> v[o[1]] : (int) v[o[0]] >>> (int) v[o[1]];
        case NEG -> v[p.dst] = i64 ? -v[o[0]] : -(int) v[o[0]];
        case I2L -> v[p.dst] = v[o[0]];
        case L2I -> v[p.dst] = (int) v[o[0]];
        case I2B -> v[p.dst] = (byte) v[o[0]];
        case I2S -> v[p.dst] = (short) v[o[0]];
        case I2C -> v[p.dst] = (char) v[o[0]];
        case ICMP -> {
          boolean r = p.instr.operand(0).type().isRef()
              ? (f.r[o[0]] == f.r[o[1]]) == (p.instr.cond() == veneer.compiler.ir.Cond.EQ)
              : p.instr.cond().test(v[o[0]], v[o[1]]);
          v[p.dst] = r ? 1 : 0;
        }
        case LCMP -> v[p.dst] = Long.compare(v[o[0]], v[o[1]]);
        case INTRINSIC -> {
          long[] a = new long[o.length];
          for (int k = 0; k < o.length; k++) {
            a[k] = v[o[k]];
          }
          v[p.dst] = p.instr.intrinsic().apply(a);
        }
        case BUILTIN -> v[p.dst] = builtin(p.instr, it.id, (int) v[o[0]]);
        case ALEN -> v[p.dst] = Array.getLength(f.r[o[0]]);
        case ALOAD -> v[p.dst] = load(f.r[o[0]], (int) v[o[1]]);
        case ASTORE -> store(f.r[o[0]], (int) v[o[1]], v[o[2]]);
        case NULLCHECK -> {
          if (f.r[o[0]] == null) {
            throw new Trap(p.instr);
          }
        }
        case BOUNDSCHECK -> {
          int idx = (int) v[o[0]];
          if (idx < 0 || idx >= (int) v[o[1]]) {
            throw new Trap(p.instr);
          }
        }
        case DIVZEROCHECK -> {
          if (v[o[0]] == 0) {
            throw new Trap(p.instr);
          }
        }
        case BARRIER -> {
          f.pc++;
          return false;
        }
        case CALL -> {
          Frame callee = new Frame(prepare(p.instr.callee()));
          for (int k = 0; k < o.length; k++) {
            callee.v[k] = v[o[k]];
            callee.r[k] = f.r[o[k]];
          }
          it.frames.add(callee);
          f = callee;
          continue;
        }
        case JUMP -> {
          enter(f, p.targets[0]);
          continue;
        }
        case BRANCH -> {
          enter(f, v[o[0]] != 0 ? p.targets[0] : p.targets[1]);
          continue;
        }
        case SWITCH -> {
          int key = (int) v[o[0]];
          int[] keys = p.instr.caseKeys();
          PBlock t = p.targets[0];
          for (int k = 0; k < keys.length; k++) {
            if (keys[k] == key) {
              t = p.targets[k + 1];
              break;
            }
          }
          enter(f, t);
          continue;
        }
        case RETURN -> {
          it.frames.remove(it.frames.size() - 1);
          if (it.frames.isEmpty()) {
            return true;
          }
          Frame caller = it.frames.get(it.frames.size() - 1);
          PInstr call = caller.block.body[caller.pc];
          if (o.length == 1) {
            caller.v[call.dst] = v[o[0]];
            caller.r[call.dst] = f.r[o[0]];
          }
          f = caller;
        }
        case PHI -> throw new IllegalStateException("phi in a block body");
      }
      f.pc++;
    }
  }

  private static void enter(Frame f, PBlock target) {
    int[] src = target.phiSrc.get(f.block.block);
    int n = target.phiDst.length;
    if (n > 0) {
      long[] tv = new long[n];
      Object[] tr = new Object[n];
      for (int k = 0; k < n; k++) {
        tv[k] = f.v[src[k]];
        tr[k] = f.r[src[k]];
      }
      for (int k = 0; k < n; k++) {
        f.v[target.phiDst[k]] = tv[k];
        f.r[target.phiDst[k]] = tr[k];
      }
    }
    f.block = target;
    f.pc = 0;
  }

  private static long builtin(Instr in, WorkItemId id, int dim) {
    return switch (in.builtin()) {
      case GLOBAL_ID -> id.globalId(dim);
      case LOCAL_ID -> id.localId(dim);
      case GROUP_ID -> id.groupId(dim);
      case GLOBAL_SIZE -> id.range().globalSize(dim);
      case LOCAL_SIZE -> id.range().localSize(dim);
      case NUM_GROUPS -> id.range().groupCount(dim);
    };
  }

  private static long load(Object a, int i) {
    if (a instanceof int[] x) {
      return x[i];
    } else if (a instanceof long[] x) {
      return x[i];
    } else if (a instanceof byte[] x) {
      return x[i];
    } else if (a instanceof short[] x) {
      return x[i];
    } else if (a instanceof char[] x) {
      return x[i];
    } else if (a instanceof boolean[] x) {
      return x[i] ? 1 : 0;
    }
    throw new IllegalStateException("load from " + a + ": not a primitive array (a missing null check?)");
  }

  private static void store(Object a, int i, long v) {
    if (a instanceof int[] x) {
      x[i] = (int) v;
    } else if (a instanceof long[] x) {
      x[i] = v;
    } else if (a instanceof byte[] x) {
      x[i] = (byte) v;
    } else if (a instanceof short[] x) {
      x[i] = (short) v;
    } else if (a instanceof char[] x) {
      x[i] = (char) v;
    } else if (a instanceof boolean[] x) {
      x[i] = (v & 1) != 0;
    } else {
      throw new IllegalStateException("store to " + a + ": not a primitive array (a missing null check?)");
    }
  }
}
