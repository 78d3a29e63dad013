package veneer.compiler.frontend;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.util.Printer;

/**
 * Says why an instruction cannot run on the overlay, or null if it can. One sentence per
 * construct: what it is, and why it is refused.
 */
final class Refusal {
  private Refusal() {
  }

  static String of(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    if (op < 0) {
      return null;
    }
    if (isFloatingPoint(op)) {
      return "kernel code cannot use floating point (" + Printer.OPCODES[op].toLowerCase()
          + "): the RV32IM processing elements have no FPU; use fixed-point int arithmetic";
    }
    switch (op) {
      case Opcodes.NEW:
        return "kernel code cannot allocate objects (new " + simple(((TypeInsnNode) insn).desc)
            + "): the overlay has no heap; pass data in array parameters";
      case Opcodes.NEWARRAY, Opcodes.ANEWARRAY, Opcodes.MULTIANEWARRAY:
        return "kernel code cannot allocate arrays: the overlay has no heap; pass the array as a parameter"
            + " (@Local for a per-work-group scratchpad)";
      case Opcodes.ATHROW:
        return "kernel code cannot throw exceptions: a kernel fails only through Java's own checks"
            + " (array bounds, null array, division by zero)";
      case Opcodes.MONITORENTER, Opcodes.MONITOREXIT:
        return "kernel code cannot synchronize: work-items share memory only through WorkItem.barrier()";
      case Opcodes.PUTSTATIC:
        return "kernel code cannot write static field " + field(insn)
            + ": work-items share no global variables; pass an array parameter instead";
      case Opcodes.GETSTATIC:
        return "kernel code cannot read static field " + field(insn)
            + ": a kernel sees only its arguments; pass the value as a parameter"
            + " (static final primitives with constant values are fine)";
      case Opcodes.GETFIELD, Opcodes.PUTFIELD:
        return "kernel code cannot use object field " + field(insn) + ": kernels work on primitives and arrays only";
      case Opcodes.CHECKCAST, Opcodes.INSTANCEOF:
        return "kernel code cannot test or cast object types: kernels work on primitives and arrays only";
      case Opcodes.AALOAD, Opcodes.AASTORE:
        return "kernel code cannot use arrays of arrays or of objects: use flat primitive arrays with computed indices";
      case Opcodes.INVOKEDYNAMIC: {
        Handle bsm = ((InvokeDynamicInsnNode) insn).bsm;
        if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
          return "kernel code cannot use strings (string concatenation): the overlay has no strings or objects";
        }
        return "kernel code cannot use lambdas or method references (invokedynamic): they create objects"
            + " and call through interfaces";
      }
      case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL: {
        MethodInsnNode m = (MethodInsnNode) insn;
        String special = jdkSpecial(m.owner);
        if (special != null) {
          return special + " (" + simple(m.owner) + "." + m.name + ")";
        }
        return "kernel code cannot call instance method " + simple(m.owner) + "." + m.name
            + ": only static methods, WorkItem built-ins and Math/Integer/Long intrinsics compile to the overlay";
      }
      case Opcodes.LDC: {
        Object c = ((LdcInsnNode) insn).cst;
        if (c instanceof String s) {
          return "kernel code cannot use strings (\"" + s + "\"): the overlay has no strings or objects";
        }
        if (c instanceof Type || c instanceof Handle) {
          return "kernel code cannot use reflection (class literal or method handle " + c
              + "): the overlay has no classes at run time";
        }
        if (!(c instanceof Integer) && !(c instanceof Long)) {
          return "kernel code cannot load constant " + c + ": only int and long constants are supported";
        }
        return null;
      }
      default:
        return null;
    }
  }

  /** Refusal for a static call into the JDK that is not an intrinsic. */
  static String jdkCall(MethodInsnNode m) {
    String special = jdkSpecial(m.owner);
    if (special != null) {
      return special + " (" + simple(m.owner) + "." + m.name + ")";
    }
    if (m.desc.contains("F") || m.desc.contains("D")) {
      return "kernel code cannot use floating point (" + simple(m.owner) + "." + m.name
          + "): the RV32IM processing elements have no FPU; use fixed-point int arithmetic";
    }
    return "kernel code cannot call " + simple(m.owner) + "." + m.name + m.desc
        + ": it is not a kernel intrinsic (supported: Math/Integer/Long min, max, abs, bitCount,"
        + " numberOfLeading/TrailingZeros, rotateLeft/Right, reverse, reverseBytes, signum, compare,"
        + " divide/remainderUnsigned, floorDiv/floorMod, ...)";
  }

  /** True for classes outside the user's code. */
  static boolean isJdk(String owner) {
    return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/") || owner.startsWith("sun/");
  }

  private static String jdkSpecial(String owner) {
    if (owner.equals("java/lang/String") || owner.equals("java/lang/StringBuilder")
        || owner.equals("java/lang/StringBuffer") || owner.equals("java/lang/CharSequence")) {
      return "kernel code cannot use strings: the overlay has no strings or objects";
    }
    if (owner.equals("java/lang/Class") || owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/")) {
      return "kernel code cannot use reflection: the overlay has no classes or methods at run time";
    }
    return null;
  }

  private static boolean isFloatingPoint(int op) {
    return switch (op) {
      case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2, Opcodes.DCONST_0, Opcodes.DCONST_1,
         Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.FALOAD, Opcodes.DALOAD,
         Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.FADD, Opcodes.DADD, Opcodes.FSUB, Opcodes.DSUB,
         Opcodes.FMUL, Opcodes.DMUL, Opcodes.FDIV, Opcodes.DDIV, Opcodes.FREM, Opcodes.DREM,
         Opcodes.FNEG, Opcodes.DNEG, Opcodes.I2F, Opcodes.I2D, Opcodes.L2F, Opcodes.L2D, Opcodes.F2I,
         Opcodes.F2L, Opcodes.F2D, Opcodes.D2I, Opcodes.D2L, Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG,
         Opcodes.DCMPL, Opcodes.DCMPG, Opcodes.FRETURN, Opcodes.DRETURN -> true;
      default -> false;
    };
  }

  private static String field(AbstractInsnNode insn) {
    FieldInsnNode f = (FieldInsnNode) insn;
    return simple(f.owner) + "." + f.name;
  }

  static String simple(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }
}
