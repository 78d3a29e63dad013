package veneer.compiler.random;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

import static org.objectweb.asm.Opcodes.*;

/**
 * Generates a random kernel {@code static void k(int[] data, int x, long y)} directly as bytecode:
 * int and long arithmetic (including division that may hit zero and array indices that may fall
 * outside), narrowing casts, intrinsics, if/else, ternaries (values flowing across blocks on the
 * operand stack), bounded loops and table/lookup switches. Every statement gets its own line number.
 * The same seed always gives the same class.
 */
final class RandomKernel {
  static final String FILE = "Generated.java";
  private static final int DATA = 0;
  private static final int X = 1;
  private static final int Y = 2;
  private static final int FIRST_INT = 4;
  private static final int INTS = 4;
  private static final int LONG = 8;
  private static final int COUNTER = 10;

  private final Random r;
  private final MethodVisitor mv;
  private int line = 10;
  private int loopDepth;
  private int budget = 40;

  private RandomKernel(Random r, MethodVisitor mv) {
    this.r = r;
    this.mv = mv;
  }

  /** A class loader that defines the generated class and serves its bytes to the compiler. */
  static final class Loader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    Loader(String name, byte[] bytes) {
      super(RandomKernel.class.getClassLoader());
      this.name = name;
      this.bytes = bytes;
    }

    Class<?> load() {
      return defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String resource) {
      return resource.equals(name + ".class") ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(resource);
    }
  }

  /** The class {@code internalName} holding kernel {@code k}, generated from {@code seed}. */
  static Class<?> generate(String internalName, long seed) {
    return new Loader(internalName, bytes(internalName, seed, true)).load();
  }

  /** The class file bytes; without {@code frames} only for printing while debugging the generator. */
  static byte[] bytes(String internalName, long seed, boolean frames) {
    ClassWriter cw = new ClassWriter(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL, internalName, null, "java/lang/Object", null);
    cw.visitSource(FILE, null);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "k", "([IIJ)V", null, null);
    mv.visitAnnotation("Lveneer/kernel/Kernel;", true).visitEnd();
    mv.visitCode();
    new RandomKernel(new Random(seed), mv).body();
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void newLine() {
    Label l = new Label();
    mv.visitLabel(l);
    mv.visitLineNumber(line++, l);
  }

  private void body() {
    newLine();
    for (int i = 0; i < INTS; i++) {
      mv.visitVarInsn(ILOAD, X);
      push(r.nextInt(100) - 50);
      mv.visitInsn(r.nextBoolean() ? IADD : IXOR);
      mv.visitVarInsn(ISTORE, FIRST_INT + i);
    }
    mv.visitVarInsn(LLOAD, Y);
    mv.visitVarInsn(LSTORE, LONG);
    statements(3);
    newLine();
    for (int i = 0; i < INTS; i++) {
      // data[i] ^= local_i
      mv.visitVarInsn(ALOAD, DATA);
      push(i);
      mv.visitInsn(DUP2);
      mv.visitInsn(IALOAD);
      mv.visitVarInsn(ILOAD, FIRST_INT + i);
      mv.visitInsn(IXOR);
      mv.visitInsn(IASTORE);
    }
    mv.visitVarInsn(ALOAD, DATA);
    push(INTS);
    mv.visitVarInsn(LLOAD, LONG);
    mv.visitInsn(L2I);
    mv.visitInsn(IASTORE);
    mv.visitInsn(RETURN);
  }

  private void statements(int depth) {
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n && budget-- > 0; i++) {
      statement(depth);
    }
  }

  private void statement(int depth) {
    newLine();
    int kind = r.nextInt(depth > 0 ? 7 : 3);
    switch (kind) {
      case 0 -> {
        intExpr(2);
        mv.visitVarInsn(ISTORE, FIRST_INT + r.nextInt(INTS));
      }
      case 1 -> {
        longExpr(2);
        mv.visitVarInsn(LSTORE, LONG);
      }
      case 2 -> {
        mv.visitVarInsn(ALOAD, DATA);
        index();
        intExpr(2);
        mv.visitInsn(IASTORE);
      }
      case 3 -> {
        Label otherwise = new Label();
        Label end = new Label();
        condition(otherwise);
        statements(depth - 1);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        if (r.nextBoolean()) {
          statements(depth - 1);
        }
        mv.visitLabel(end);
      }
      case 4 -> {
        if (loopDepth >= 2) {
          statement(0);
          return;
        }
        int counter = COUNTER + loopDepth;
        loopDepth++;
        Label head = new Label();
        Label exit = new Label();
        push(0);
        mv.visitVarInsn(ISTORE, counter);
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, counter);
        push(1 + r.nextInt(4));
        mv.visitJumpInsn(IF_ICMPGE, exit);
        statements(depth - 1);
        if (r.nextInt(4) == 0) {
          // continue-like early jump back to the header
          Label skip = new Label();
          condition(skip);
          mv.visitIincInsn(counter, 1);
          mv.visitJumpInsn(GOTO, head);
          mv.visitLabel(skip);
        }
        mv.visitIincInsn(counter, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
        loopDepth--;
      }
      case 5 -> switchStatement(depth);
      default -> {
        // if (cond) break-free early exit from the kernel
        if (r.nextInt(3) == 0) {
          Label skip = new Label();
          condition(skip);
          mv.visitVarInsn(ALOAD, DATA);
          push(0);
          intExpr(1);
          mv.visitInsn(IASTORE);
          mv.visitInsn(RETURN);
          mv.visitLabel(skip);
        } else {
          statement(0);
        }
      }
    }
  }

  private void switchStatement(int depth) {
    intExpr(1);
    int cases = 1 + r.nextInt(4);
    Label dflt = new Label();
    Label end = new Label();
    Label[] labels = new Label[cases];
    for (int i = 0; i < cases; i++) {
      labels[i] = new Label();
    }
    if (r.nextBoolean()) {
      int min = r.nextInt(5) - 2;
      mv.visitTableSwitchInsn(min, min + cases - 1, dflt, labels);
    } else {
      int[] keys = new int[cases];
      int k = r.nextInt(20) - 10;
      for (int i = 0; i < cases; i++) {
        k += 1 + r.nextInt(50);
        keys[i] = k;
      }
      mv.visitLookupSwitchInsn(dflt, keys, labels);
    }
    for (int i = 0; i < cases; i++) {
      mv.visitLabel(labels[i]);
      newLine();
      statements(depth - 1);
      if (r.nextInt(3) > 0) {
        mv.visitJumpInsn(GOTO, end); // otherwise fall through
      }
    }
    mv.visitLabel(dflt);
    newLine();
    statements(depth - 1);
    mv.visitLabel(end);
  }

  private void push(int v) {
    mv.visitLdcInsn(v);
  }

  /** An index: mostly masked into range, sometimes raw (may be out of bounds). */
  private void index() {
    intExpr(1);
    if (r.nextInt(8) != 0) {
      push(15);
      mv.visitInsn(IAND);
    }
  }

  /** Jumps to {@code ifFalse} unless a random condition holds. */
  private void condition(Label ifFalse) {
    switch (r.nextInt(3)) {
      case 0 -> {
        intExpr(1);
        intExpr(1);
        mv.visitJumpInsn(IF_ICMPEQ + r.nextInt(6), ifFalse);
      }
      case 1 -> {
        longExpr(1);
        longExpr(1);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ + r.nextInt(6), ifFalse);
      }
      default -> {
        intExpr(1);
        mv.visitJumpInsn(IFEQ + r.nextInt(6), ifFalse);
      }
    }
  }

  private static final int[] INT_BINARY = {IADD, ISUB, IMUL, IDIV, IREM, IAND, IOR, IXOR, ISHL, ISHR, IUSHR};
  private static final int[] LONG_BINARY = {LADD, LSUB, LMUL, LDIV, LREM, LAND, LOR, LXOR};
  private static final int[] INT_CONSTS = {0, 1, -1, 2, 3, 7, 8, 10, 16, -4, 31, 641, Integer.MIN_VALUE, Integer.MAX_VALUE};

  private void intExpr(int depth) {
    int kind = r.nextInt(depth > 0 ? 12 : 3);
    switch (kind) {
      case 0 -> push(r.nextBoolean() ? INT_CONSTS[r.nextInt(INT_CONSTS.length)] : r.nextInt());
      case 1 -> mv.visitVarInsn(ILOAD, r.nextInt(3) == 0 ? X : FIRST_INT + r.nextInt(INTS));
      case 2 -> {
        push(0);
        mv.visitMethodInsn(INVOKESTATIC, "veneer/kernel/WorkItem", "globalId", "(I)I", false);
      }
      case 3, 4, 5 -> {
        int op = INT_BINARY[r.nextInt(INT_BINARY.length)];
        intExpr(depth - 1);
        if ((op == IDIV || op == IREM) && r.nextInt(3) == 0) {
          push(INT_CONSTS[r.nextInt(INT_CONSTS.length)]); // division by a constant (maybe zero)
        } else {
          intExpr(depth - 1);
          if ((op == IDIV || op == IREM) && r.nextInt(4) != 0) {
            push(1);
            mv.visitInsn(IOR);
          }
        }
        mv.visitInsn(op);
      }
      case 6 -> {
        intExpr(depth - 1);
        mv.visitInsn(new int[] {INEG, I2B, I2S, I2C}[r.nextInt(4)]);
        if (kind == 6 && r.nextInt(4) == 0) {
          mv.visitInsn(I2B);
        }
      }
      case 7 -> {
        longExpr(depth - 1);
        mv.visitInsn(L2I);
      }
      case 8 -> {
        mv.visitVarInsn(ALOAD, DATA);
        index();
        mv.visitInsn(IALOAD);
      }
      case 9 -> {
        String[][] calls = {
          {"java/lang/Integer", "bitCount", "(I)I"}, {"java/lang/Integer", "numberOfLeadingZeros", "(I)I"},
          {"java/lang/Integer", "rotateLeft", "(II)I"}, {"java/lang/Math", "min", "(II)I"},
          {"java/lang/Math", "abs", "(I)I"}, {"java/lang/Math", "floorMod", "(II)I"},
          {"java/lang/Integer", "compareUnsigned", "(II)I"}, {"java/lang/Long", "signum", "(J)I"},
        };
        String[] c = calls[r.nextInt(calls.length)];
        for (char a : c[2].substring(1, c[2].indexOf(')')).toCharArray()) {
          if (a == 'J') {
            longExpr(depth - 1);
          } else {
            intExpr(depth - 1);
          }
        }
        mv.visitMethodInsn(INVOKESTATIC, c[0], c[1], c[2], false);
      }
      case 10 -> {
        // ternary: the chosen value reaches the join on the operand stack
        Label otherwise = new Label();
        Label end = new Label();
        condition(otherwise);
        intExpr(depth - 1);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(otherwise);
        intExpr(depth - 1);
        mv.visitLabel(end);
      }
      default -> {
        mv.visitVarInsn(ALOAD, DATA);
        mv.visitInsn(ARRAYLENGTH);
      }
    }
  }

  private void longExpr(int depth) {
    int kind = r.nextInt(depth > 0 ? 8 : 3);
    switch (kind) {
      case 0 -> mv.visitLdcInsn(r.nextBoolean() ? (long) r.nextInt(20) - 5 : r.nextLong());
      case 1 -> mv.visitVarInsn(LLOAD, r.nextBoolean() ? Y : LONG);
      case 2 -> {
        intExpr(0);
        mv.visitInsn(I2L);
      }
      case 3, 4 -> {
        int op = LONG_BINARY[r.nextInt(LONG_BINARY.length)];
        longExpr(depth - 1);
        longExpr(depth - 1);
        if (op == LDIV || op == LREM) {
          if (r.nextInt(4) != 0) {
            mv.visitLdcInsn(1L);
            mv.visitInsn(LOR);
          }
        }
        mv.visitInsn(op);
      }
      case 5 -> {
        longExpr(depth - 1);
        intExpr(depth - 1);
        mv.visitInsn(new int[] {LSHL, LSHR, LUSHR}[r.nextInt(3)]);
      }
      case 6 -> {
        longExpr(depth - 1);
        mv.visitInsn(LNEG);
      }
      default -> {
        longExpr(depth - 1);
        mv.visitLdcInsn(new long[] {2, 8, 10, -16, 1000, 3}[r.nextInt(6)]);
        mv.visitInsn(new int[] {LDIV, LREM, LMUL}[r.nextInt(3)]);
      }
    }
  }
}
