package veneer.compiler.frontend;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Elem;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Param;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads class files with ASM and turns a kernel and every static method it reaches into IR
 * functions (one {@link SsaBuilder} per method). Functions are created on first call, so recursion
 * just refers to a function still being built.
 */
public final class FrontEnd {
  static final String KERNEL_ANNOTATION = "Lveneer/kernel/Kernel;";
  static final String LOCAL_ANNOTATION = "Lveneer/kernel/Local;";

  private final ClassLoader loader;
  private final Map<String, ClassNode> classes = new HashMap<>();
  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final Map<Function, MethodNode> bodies = new HashMap<>();
  private final Deque<Function> pending = new ArrayDeque<>();

  /** Reads classes through {@code loader} (the system loader if null). */
  public FrontEnd(ClassLoader loader) {
    this.loader = loader == null ? ClassLoader.getSystemClassLoader() : loader;
  }

  /** Compiles the kernel {@code name} of class {@code owner} (internal name). */
  public KernelIr compileKernel(String owner, String name) {
    ClassNode cn = classNode(owner, null, -1);
    MethodNode kernel = null;
    for (MethodNode m : cn.methods) {
      if (m.name.equals(name)) {
        if (kernel != null) {
          throw new KernelCompileException(cn.sourceFile, firstLine(m),
              "kernel name " + name + " is overloaded; give kernels unique names");
        }
        kernel = m;
      }
    }
    if (kernel == null) {
      throw new IllegalArgumentException("no method " + name + " in " + owner.replace('/', '.'));
    }
    if (!hasAnnotation(kernel.visibleAnnotations, KERNEL_ANNOTATION)) {
      throw new KernelCompileException(cn.sourceFile, firstLine(kernel),
          "method " + name + " is not annotated @Kernel: only @Kernel methods can be launched");
    }
    if (Type.getReturnType(kernel.desc) != Type.VOID_TYPE) {
      throw new KernelCompileException(cn.sourceFile, firstLine(kernel),
          "kernel " + name + " must return void: a kernel delivers its results through its array parameters");
    }
    Function k = function(owner, name, kernel.desc, true, -1);
    while (!pending.isEmpty()) {
      Function f = pending.poll();
      ClassNode fc = classNode(f.owner(), null, -1);
      new SsaBuilder(this, fc, bodies.get(f), f).build();
    }
    return new KernelIr(k, new ArrayList<>(functions.values()));
  }

  /**
   * Compiles the static method {@code owner.name desc} (internal owner name; not a kernel) and
   * every static method it reaches; used by the back end for its Java-written runtime helpers.
   * Returns the method's function; {@link #functions()} lists all compiled so far.
   */
  public Function compileMethod(String owner, String name, String desc) {
    Function f = function(owner, name, desc, false, -1);
    while (!pending.isEmpty()) {
      Function g = pending.poll();
      new SsaBuilder(this, classNode(g.owner(), null, -1), bodies.get(g), g).build();
    }
    return f;
  }

  /** Every function compiled by this front end, in creation order. */
  public List<Function> functions() {
    return new ArrayList<>(functions.values());
  }

  /**
   * The function for static method {@code owner.name desc}, created (and queued for building) on
   * first use. {@code callerLine} locates errors about a missing class.
   */
  Function function(String owner, String name, String desc, boolean kernel, int callerLine) {
    String key = owner + "." + name + desc;
    Function f = functions.get(key);
    if (f != null) {
      return f;
    }
    ClassNode cn = classNode(owner, null, callerLine);
    MethodNode m = null;
    for (MethodNode candidate : cn.methods) {
      if (candidate.name.equals(name) && candidate.desc.equals(desc)) {
        m = candidate;
      }
    }
    if (m == null) {
      throw new IllegalStateException("method " + key + " not found in its class file");
    }
    String file = cn.sourceFile == null ? Refusal.simple(owner) + ".class" : cn.sourceFile;
    int line = firstLine(m);
    if ((m.access & Opcodes.ACC_STATIC) == 0) {
      throw new KernelCompileException(file, line, "method " + name + " must be static: kernels and the methods they call are static");
    }
    if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
      throw new KernelCompileException(file, line,
          "kernel code cannot synchronize (synchronized method " + name + "): work-items share memory only through WorkItem.barrier()");
    }
    if ((m.access & Opcodes.ACC_NATIVE) != 0 || m.instructions.size() == 0) {
      throw new KernelCompileException(file, line, "method " + name + " has no bytecode (native or abstract) to compile");
    }
    Type ret = Type.getReturnType(desc);
    IrType retType = ret == Type.VOID_TYPE ? IrType.VOID : irType(ret, file, line, "the return type of " + name);
    f = new Function(owner, name, desc, file, retType);
    Type[] args = Type.getArgumentTypes(desc);
    int slot = 0;
    for (int i = 0; i < args.length; i++) {
      IrType t = irType(args[i], file, line, "parameter " + i + " of " + name);
      boolean local = kernel && m.visibleParameterAnnotations != null && m.visibleParameterAnnotations.length > i
          && hasAnnotation(m.visibleParameterAnnotations[i], LOCAL_ANNOTATION);
      if (local && !t.isRef()) {
        throw new KernelCompileException(file, line, "@Local parameter " + i + " of " + name
            + " has type " + args[i].getClassName() + ": only arrays can live in the work-group scratchpad");
      }
      f.params().add(new Param(i, paramName(m, slot, i), t, args[i].getDescriptor(), local));
      slot += args[i].getSize();
    }
    functions.put(key, f);
    bodies.put(f, m);
    pending.add(f);
    return f;
  }

  /** The register type of a Java parameter or return type, or a refusal. */
  static IrType irType(Type t, String file, int line, String what) {
    switch (t.getSort()) {
      case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR, Type.BOOLEAN:
        return IrType.I32;
      case Type.LONG:
        return IrType.I64;
      case Type.ARRAY:
        if (t.getDimensions() == 1) {
          Elem e = Elem.ofDescriptor(t.getElementType().getDescriptor().charAt(0));
          if (e != null) {
            return IrType.array(e);
          }
        }
        break;
      default:
        break;
    }
    String why = t.getSort() == Type.FLOAT || t.getSort() == Type.DOUBLE
        ? ": the RV32IM processing elements have no FPU"
        : ": kernels take int, long, short, byte, char, boolean and one-dimensional arrays of them";
    throw new KernelCompileException(file, line, what + " has type " + t.getClassName() + why);
  }

  private static String paramName(MethodNode m, int slot, int index) {
    if (m.localVariables != null) {
      for (LocalVariableNode lv : m.localVariables) {
        if (lv.index == slot && lv.start == firstLabel(m)) {
          return lv.name;
        }
      }
    }
    return "p" + index;
  }

  private static AbstractInsnNode firstLabel(MethodNode m) {
    return m.instructions.getFirst();
  }

  static int firstLine(MethodNode m) {
    for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
      if (i instanceof LineNumberNode ln) {
        return ln.line;
      }
    }
    return -1;
  }

  private static boolean hasAnnotation(List<AnnotationNode> as, String desc) {
    if (as != null) {
      for (AnnotationNode a : as) {
        if (a.desc.equals(desc)) {
          return true;
        }
      }
    }
    return false;
  }

  ClassNode classNode(String owner, String file, int line) {
    ClassNode cached = classes.get(owner);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = loader.getResourceAsStream(owner + ".class")) {
      if (in == null) {
        String what = "class " + owner.replace('/', '.') + " has no class file on the class path";
        if (file != null) {
          throw new KernelCompileException(file, line, what);
        }
        throw new IllegalArgumentException(what);
      }
      ClassNode cn = new ClassNode();
      new ClassReader(in).accept(cn, 0);
      if (cn.sourceFile == null) {
        cn.sourceFile = Refusal.simple(owner) + ".class";
      }
      classes.put(owner, cn);
      return cn;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read class file of " + owner, e);
    }
  }
}
