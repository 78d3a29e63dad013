package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import veneer.isa.Opcode;

/**
 * One decoder output bit as a truth table of at most six instruction bits (one LUT6), found at
 * elaboration from what the bit must be for each row of the ISA table. A row's value is a
 * constant ({@link #ZERO}, {@link #ONE}), one of the word's own bits (an immediate bit: its
 * index, 0..31), or null where nothing reads the output for that row; illegal words may give
 * anything. The support is the smallest set of bit positions (lowest positions first) that
 * contains every source bit and on which any two rows that could disagree differ in a bit that
 * both compare.
 *
 * <pre>{@code
 * RowFunction f = RowFunction.find(op -> op == Opcode.ECALL ? RowFunction.ONE : RowFunction.ZERO);
 * f.support();   // the instruction bits it reads, f.value(v) for each assignment of them
 * }</pre>
 */
public final class RowFunction {
  /** The row's output is 0. */
  public static final int ZERO = -1;
  /** The row's output is 1. */
  public static final int ONE = -2;
  /** Most inputs of one LUT. */
  public static final int MAX_INPUTS = 6;

  private final int[] support;
  private final long table;

  private RowFunction(int[] support, long table) {
    this.support = support;
    this.table = table;
  }

  /** The instruction bit positions read, the first one as bit 0 of {@link #value}'s index. */
  public int[] support() {
    return support.clone();
  }

  /** The output for the assignment {@code v} of the support bits (bit i of v is support()[i]). */
  public boolean value(int v) {
    return (table >>> v & 1) != 0;
  }

  /** The output for the instruction {@code word}. */
  public boolean of(int word) {
    int v = 0;
    for (int i = 0; i < support.length; i++) {
      v |= (word >>> support[i] & 1) << i;
    }
    return value(v);
  }

  /**
   * The function with the smallest support for {@code spec} over the rows of the table, or
   * null when it needs more than {@link #MAX_INPUTS} bits.
   */
  public static RowFunction find(Function<Opcode, Integer> spec) {
    List<Opcode> rows = new ArrayList<>();
    List<Integer> specs = new ArrayList<>();
    int sources = 0;
    for (Opcode op : Opcode.instructions()) {
      Integer s = spec.apply(op);
      if (s != null) {
        if (s < ONE || s > 31) {
          throw new IllegalArgumentException(op + ": a row's value is ZERO, ONE or a bit 0..31, not " + s);
        }
        rows.add(op);
        specs.add(s);
        if (s >= 0) {
          sources |= 1 << s;
        }
      }
    }
    int distinguishing = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        distinguishing |= common(rows.get(i), rows.get(j));
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (int p = 0; p < 32; p++) {
      if ((distinguishing >>> p & 1) != 0 && (sources >>> p & 1) == 0) {
        candidates.add(p);
      }
    }
    int fixed = Integer.bitCount(sources);
    for (int extra = 0; fixed + extra <= MAX_INPUTS && extra <= candidates.size(); extra++) {
      int[] pick = new int[extra];
      for (int i = 0; i < extra; i++) {
        pick[i] = i;
      }
      while (true) {
        int bits = sources;
        for (int i : pick) {
          bits |= 1 << candidates.get(i);
        }
        if (consistent(rows, specs, bits)) {
          return build(rows, specs, bits);
        }
        int i = extra - 1;
        while (i >= 0 && pick[i] == candidates.size() - extra + i) {
          i--;
        }
        if (i < 0) {
          break;
        }
        pick[i]++;
        for (int j = i + 1; j < extra; j++) {
          pick[j] = pick[j - 1] + 1;
        }
      }
    }
    return null;
  }

  /** The bits in which both rows compare and differ. */
  private static int common(Opcode a, Opcode b) {
    return a.mask() & b.mask() & (a.match() ^ b.match());
  }

  /** No two rows that the {@code bits} do not tell apart can give different values. */
  private static boolean consistent(List<Opcode> rows, List<Integer> specs, int bits) {
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        int si = specs.get(i);
        int sj = specs.get(j);
        if (si == sj || (common(rows.get(i), rows.get(j)) & bits) != 0) {
          continue;
        }
        Integer vi = fixedValue(rows.get(i), rows.get(j), si);
        Integer vj = fixedValue(rows.get(i), rows.get(j), sj);
        if (vi == null || !vi.equals(vj)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The value {@code spec} has for every word of both rows, or null if it varies. */
  private static Integer fixedValue(Opcode a, Opcode b, int spec) {
    if (spec == ZERO) {
      return 0;
    }
    if (spec == ONE) {
      return 1;
    }
    if ((a.mask() >>> spec & 1) != 0) {
      return a.match() >>> spec & 1;
    }
    if ((b.mask() >>> spec & 1) != 0) {
      return b.match() >>> spec & 1;
    }
    return null;
  }

  /** The set bits of {@code mask}, lowest first. */
  static int[] positions(int mask) {
    int[] out = new int[Integer.bitCount(mask)];
    for (int p = 0, i = 0; p < 32; p++) {
      if ((mask >>> p & 1) != 0) {
        out[i++] = p;
      }
    }
    return out;
  }

  private static RowFunction build(List<Opcode> rows, List<Integer> specs, int bits) {
    int[] support = positions(bits);
    long table = 0;
    for (int v = 0; v < 1 << support.length; v++) {
      // The value of the first row this assignment fits (all such rows agree); 0 where none does.
      for (int r = 0; r < rows.size(); r++) {
        if (fits(rows.get(r), support, v)) {
          int s = specs.get(r);
          boolean one = s == ONE || s >= 0 && (v >>> Arrays.binarySearch(support, s) & 1) != 0;
          table |= one ? 1L << v : 0;
          break;
        }
      }
    }
    return new RowFunction(support, table);
  }

  private static boolean fits(Opcode op, int[] support, int v) {
    for (int i = 0; i < support.length; i++) {
      int p = support[i];
      if ((op.mask() >>> p & 1) != 0 && (op.match() >>> p & 1) != (v >>> i & 1)) {
        return false;
      }
    }
    return true;
  }
}
