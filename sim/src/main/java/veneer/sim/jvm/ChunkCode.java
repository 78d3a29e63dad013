package veneer.sim.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The body of one eval chunk, recorded rather than written to a class, so that chunks with the
 * same code can become one method. In <em>table</em> mode every state offset and memory index the
 * code uses is a slot ({@link #slot}): the code reads {@code o[k]} from a per-call {@code int[]}
 * table instead of holding the number, and the numbers go to {@link #table()}. Two chunks of two
 * instances of one module then record equal {@link #shape()}s with different tables, and
 * {@link ChunkSequence} emits the code once and calls it once per table.
 *
 * <pre>{@code
 * ChunkCode c = new ChunkCode(true);
 * c.visitVarInsn(ALOAD, 0);      // s
 * c.slot(c.slotOf(1234));        // o[0], which holds 1234
 * c.visitInsn(LALOAD);
 * c.replay(mv, true, constants); // ALOAD 0, ALOAD 2, ICONST_0, IALOAD, LALOAD
 * }</pre>
 *
 * <p>Only the instructions the compiler uses are accepted (no jumps, fields or frames): anything
 * else fails at once rather than being lost.
 */
final class ChunkCode extends MethodVisitor {
  /** Local holding the table of a table-mode chunk (after {@code s} and {@code m}). */
  static final int TABLE = 2;
  private static final int INSN = 0;
  private static final int INT_INSN = 1;
  private static final int VAR = 2;
  private static final int LDC_INT = 3;
  private static final int LDC_LONG = 4;
  private static final int METHOD = 5;
  private static final int SLOT = 6;

  /** What a replay reports for each constant-pool entry it asks for (see {@link ChunkSequence#constant}). */
  interface Constants {
    void constant(Object key, int cost);
  }

  /** The code without its table: equal shapes are interchangeable given their own tables. */
  record Shape(int[] code, List<String> methods) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Shape s && Arrays.equals(s.code, code) && s.methods.equals(methods);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(code) * 31 + methods.hashCode();
    }
  }

  private final boolean tableMode;
  private int[] code = new int[256];
  private int size;
  private final List<String> methods = new ArrayList<>();
  private final List<Integer> table = new ArrayList<>();
  private final Map<Integer, Integer> slots = new HashMap<>();
  private Shape shape;

  ChunkCode(boolean tableMode) {
    super(Opcodes.ASM9);
    this.tableMode = tableMode;
  }

  /** Whether offsets are slots of a table (else the code holds them as constants). */
  boolean tableMode() {
    return tableMode;
  }

  /** The slot holding {@code value}, added at the end of the table when new. */
  int slotOf(int value) {
    Integer k = slots.get(value);
    if (k == null) {
      k = table.size();
      slots.put(value, k);
      table.add(value);
    }
    return k;
  }

  /** Pushes {@code o[k]} (in a direct replay: the number itself). */
  void slot(int k) {
    add(SLOT, k);
  }

  /** The numbers of the slots, in slot order. */
  int[] table() {
    return table.stream().mapToInt(Integer::intValue).toArray();
  }

  Shape shape() {
    if (shape == null) {
      shape = new Shape(Arrays.copyOf(code, size), List.copyOf(methods));
    }
    return shape;
  }

  @Override
  public void visitInsn(int opcode) {
    add(INSN, opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    add(INT_INSN, opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    add(VAR, opcode, var);
  }

  @Override
  public void visitLdcInsn(Object value) {
    if (value instanceof Integer i) {
      add(LDC_INT, i);
    } else if (value instanceof Long l) {
      add(LDC_LONG, (int) (l >>> 32), (int) (long) l);
    } else {
      throw new IllegalArgumentException("a chunk loads only int and long constants, found " + value);
    }
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode != INVOKESTATIC || isInterface) {
      throw new IllegalArgumentException("a chunk calls only static methods, found opcode " + opcode + " " + owner + "." + name);
    }
    methods.add(owner + "." + name + descriptor);
    add(METHOD, methods.size() - 1);
  }

  /**
   * Writes the recorded code to {@code mv}: slots become reads of the table in local
   * {@link #TABLE} if {@code tableReads}, else the numbers themselves.
   */
  void replay(MethodVisitor mv, boolean tableReads, Constants constants) {
    for (int i = 0; i < size; ) {
      int kind = code[i];
      switch (kind) {
        case INSN -> {
          mv.visitInsn(code[i + 1]);
          i += 2;
        }
        case INT_INSN -> {
          mv.visitIntInsn(code[i + 1], code[i + 2]);
          i += 3;
        }
        case VAR -> {
          mv.visitVarInsn(code[i + 1], code[i + 2]);
          i += 3;
        }
        case LDC_INT -> {
          constants.constant(code[i + 1], 1);
          mv.visitLdcInsn(code[i + 1]);
          i += 2;
        }
        case LDC_LONG -> {
          long v = ((long) code[i + 1] << 32) | (code[i + 2] & 0xFFFF_FFFFL);
          constants.constant(v, 2);
          mv.visitLdcInsn(v);
          i += 3;
        }
        case METHOD -> {
          String m = methods.get(code[i + 1]);
          int dot = m.indexOf('.');
          int paren = m.indexOf('(');
          constants.constant(m, ChunkSequence.METHOD_REF_ENTRIES);
          mv.visitMethodInsn(INVOKESTATIC, m.substring(0, dot), m.substring(dot + 1, paren), m.substring(paren), false);
          i += 2;
        }
        case SLOT -> {
          int k = code[i + 1];
          if (tableReads) {
            mv.visitVarInsn(ALOAD, TABLE);
            pushInt(mv, k, constants);
            mv.visitInsn(IALOAD);
          } else {
            pushInt(mv, table.get(k), constants);
          }
          i += 2;
        }
        default -> throw new IllegalStateException("corrupt chunk code at " + i);
      }
    }
  }

  /** Bytes of the code that pushes {@code v} ({@code iconst}, {@code bipush}, {@code sipush} or {@code ldc}). */
  static int pushBytes(int v) {
    if (v >= -1 && v <= 5) {
      return 1;
    }
    return v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE ? 2 : 3;
  }

  static void pushInt(MethodVisitor mv, int v, Constants constants) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      constants.constant(v, 1);
      mv.visitLdcInsn(v);
    }
  }

  private void add(int... words) {
    if (shape != null) {
      throw new IllegalStateException("chunk code is already finished");
    }
    if (size + words.length > code.length) {
      code = Arrays.copyOf(code, Math.max(2 * code.length, size + words.length));
    }
    System.arraycopy(words, 0, code, size, words.length);
    size += words.length;
  }

  // Everything else a MethodVisitor can receive is not part of a chunk.
  @Override
  public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
    throw new UnsupportedOperationException("no jumps in a chunk");
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    throw new UnsupportedOperationException("no fields in a chunk");
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    throw new UnsupportedOperationException("no type instructions in a chunk");
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    throw new UnsupportedOperationException("no iinc in a chunk");
  }
}
