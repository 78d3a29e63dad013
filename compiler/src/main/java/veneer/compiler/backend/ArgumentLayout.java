package veneer.compiler.backend;

import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.Param;

import java.util.ArrayList;
import java.util.List;

/**
 * Which word of the kernel argument block (64 words at 0x2000_0100) holds what. Words 0..16 are
 * the launch header; parameters follow from word 17 in declaration order:
 *
 * <pre>
 *  0..2  global size x, y, z          3..5  local (work-group) size x, y, z
 *  6..8  number of groups x, y, z     9     total number of groups
 * 10     work-items per group         11    teams (T / items per group; barrier kernels)
 * 12     stack top of thread 0        13    stack bytes per thread (thread t: top - t*bytes)
 * 14     rows = global y * global z   15    P, the PEs running the launch (0 = 1)
 * 16     failure table: its address in global memory (0x8000_0000+), 0 = none; P*T records of
 *        2 words (site + 1 or 0, failing work-item), record peId*T + t written by thread t of PE
 *        peId just before it exits
 * 17..   parameters:
 *        int, short, byte, char, boolean   1 word (the value, sign/zero-extended as in Java)
 *        long                              2 words (low, high)
 *        array                             2 words (address of element 0 or 0 for null, length)
 *        {@code @Local} array              3 words (team 0's copy, bytes between team copies, length)
 * </pre>
 *
 * Every array in global memory (0x8000_0000+) is preceded by its length word, so {@code a.length}
 * of an array that is not a parameter reads the word at address - 4.
 *
 * <pre>{@code
 * ArgumentLayout l = ArgumentLayout.of(ir.kernel());
 * int w = l.params().get(1).word();   // first argument word of parameter 1
 * }</pre>
 */
public record ArgumentLayout(List<Slot> params, int words) {
  public static final int GLOBAL_SIZE = 0;
  public static final int LOCAL_SIZE = 3;
  public static final int NUM_GROUPS = 6;
  public static final int TOTAL_GROUPS = 9;
  public static final int GROUP_ITEMS = 10;
  public static final int TEAMS = 11;
  public static final int STACK_TOP = 12;
  public static final int STACK_BYTES = 13;
  public static final int ROWS = 14;
  public static final int PES = 15;
  public static final int FAILURE_TABLE = 16;
  public static final int FIRST_PARAM = 17;
  public static final int MAX_WORDS = 64;

  /** What a parameter's words hold. */
  public enum Kind { SCALAR, LONG, ARRAY, LOCAL_ARRAY }

  /**
   * One parameter: its name, Java descriptor, kind and first word.
   */
  public record Slot(String name, String javaType, Kind kind, int word) {
    /** Number of words. */
    public int size() {
      return switch (kind) {
        case SCALAR -> 1;
        case LONG, ARRAY -> 2;
        case LOCAL_ARRAY -> 3;
      };
    }
  }

  /** The layout of {@code kernel}'s parameters; refuses kernels whose arguments need more than 64 words. */
  public static ArgumentLayout of(Function kernel) {
    List<Slot> slots = new ArrayList<>();
    int w = FIRST_PARAM;
    for (Param p : kernel.params()) {
      Kind k = p.type().isRef() ? (p.isLocal() ? Kind.LOCAL_ARRAY : Kind.ARRAY)
          : p.type() == IrType.I64 ? Kind.LONG : Kind.SCALAR;
      Slot s = new Slot(p.name(), p.javaType(), k, w);
      slots.add(s);
      w += s.size();
    }
    if (w > MAX_WORDS) {
      throw new KernelCompileException(kernel.file(), -1, "kernel " + kernel.displayName() + " needs " + w
          + " argument words; the argument block holds " + MAX_WORDS + " (" + FIRST_PARAM + " header words + "
          + (MAX_WORDS - FIRST_PARAM) + " for parameters)");
    }
    return new ArgumentLayout(List.copyOf(slots), w);
  }

  /** Text form, one parameter a line: {@code word 17..18  a  [I  array}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Slot s : params) {
      sb.append("word ").append(s.word);
      if (s.size() > 1) {
        sb.append("..").append(s.word + s.size() - 1);
      }
      sb.append("  ").append(s.name).append("  ").append(s.javaType).append("  ").append(s.kind.name().toLowerCase()).append('\n');
    }
    return sb.toString();
  }
}
