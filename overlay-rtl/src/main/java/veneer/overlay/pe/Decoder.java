package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.isa.Format;
import veneer.isa.Opcode;

/**
 * The instruction decoder, generated from the ISA table: one match/mask comparator per row of
 * {@link Opcode} for {@link #legal} and the unit bits, which are exact (an illegal word sets
 * none). The other outputs ({@link Control}: the controls Pe registers into S2, and the
 * immediate) are defined only for the legal rows that read them, which lets each depend on
 * few instruction bits: most are one LUT (see {@link #lookup}). There is no hand-written opcode
 * in here.
 *
 * <pre>{@code
 * Decoder dec = instance("dec", new Decoder());
 * dec.insn.assign(fetched);
 * when(dec.unit(MicroOp.Unit.LOAD), () -> ...);   // dec.control(Control.ALU_SEL), ...
 * }</pre>
 */
public final class Decoder extends Module {
  /**
   * The units with an {@code is_*} output: all but the ALU and the multiplier, whose work S2
   * knows from the controls ({@link Control#ALU_SEL}, {@link Control#MUL_MODE},
   * {@link Control#RESULT_SEL}).
   */
  public static final Set<MicroOp.Unit> UNIT_OUTPUTS =
      java.util.Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(MicroOp.Unit.ALU, MicroOp.Unit.MUL)));

  /** Candidate inputs of {@link #lookup}: at most this many instruction bits make one LUT6. */
  private static final int LUT_INPUTS = 6;

  public final Bits insn = input("insn", Bits(32));
  /** The word matches a row of the table. */
  public final Bool legal = output("legal", Bool());
  /** {@link Control#SUB}. */
  public final UInt sub;
  /** {@link Control#WRITES_RD}. */
  public final Bool writesRd;
  /** The immediate, sign-extended and placed as its format says (0 when it has none). */
  public final UInt imm = output("imm", UInt(32));
  public final UInt rd = output("rd", UInt(5));
  public final UInt rs1 = output("rs1", UInt(5));
  public final UInt rs2 = output("rs2", UInt(5));
  /** Bits [31:20]: the CSR number of CSR instructions. */
  public final UInt csr = output("csr", UInt(12));
  /** Bits [14:12]: funct3 (a branch's condition). */
  public final UInt funct3 = output("funct3", UInt(3));
  private final Map<MicroOp.Unit, Bool> units = new EnumMap<>(MicroOp.Unit.class);
  private final Map<Control, UInt> controls = new EnumMap<>(Control.class);
  private final Map<Control, Bool> flags = new EnumMap<>(Control.class);

  public Decoder() {
    UInt w = insn.asUInt();
    for (MicroOp.Unit u : UNIT_OUTPUTS) {
      units.put(u, output("is_" + u.name().toLowerCase(Locale.ROOT), Bool()));
    }
    Map<MicroOp.Unit, Bool> unitHits = new EnumMap<>(MicroOp.Unit.class);
    Bool any = lit(0, Bool());
    for (Opcode op : Opcode.instructions()) {
      Bool hit = w.and(lit(Integer.toUnsignedLong(op.mask()), UInt(32)))
          .eq(lit(Integer.toUnsignedLong(op.match()), UInt(32)))
          .named("hit_" + op.name().toLowerCase(Locale.ROOT));
      any = any.or(hit);
      unitHits.merge(MicroOp.of(op).unit(), hit, Bool::or);
    }
    for (MicroOp.Unit u : UNIT_OUTPUTS) {
      units.get(u).assign(unitHits.getOrDefault(u, lit(0, Bool())));
    }
    legal.assign(any);
    for (Control c : Control.values()) {
      Bool[] bits = new Bool[c.width];
      for (int k = 0; k < c.width; k++) {
        int bit = k;
        bits[k] = lookup(w, op -> {
          Integer v = c.of(op);
          return v == null ? null : (v >> bit & 1) != 0;
        });
      }
      if (c.width == 1) {
        Bool out = output(c.port(), Bool());
        out.assign(bits[0]);
        flags.put(c, out);
      } else {
        UInt out = output(c.port(), UInt(c.width));
        out.assign(Hw.bitsOf(Arrays.asList(bits)));
        controls.put(c, out);
      }
    }
    sub = control(Control.SUB);
    writesRd = flag(Control.WRITES_RD);
    rd.assign(w.bits(11, 7));
    rs1.assign(w.bits(19, 15));
    rs2.assign(w.bits(24, 20));
    csr.assign(w.bits(31, 20));
    funct3.assign(w.bits(14, 12));
    imm.assign(immediate(w));
  }

  /** The output of the multi-bit control {@code c}. */
  public UInt control(Control c) {
    UInt out = controls.get(c);
    if (out == null) {
      throw new IllegalArgumentException(c + " is a single bit: use flag(" + c + ")");
    }
    return out;
  }

  /** The output of the one-bit control {@code c}. */
  public Bool flag(Control c) {
    Bool out = flags.get(c);
    if (out == null) {
      throw new IllegalArgumentException(c + " has " + c.width + " bits: use control(" + c + ")");
    }
    return out;
  }

  /**
   * A control bit that is high for the rows where {@code value} is true, low where it is false,
   * and anything for the rows where it is null and for illegal words. Built as a table of the
   * fewest instruction bits (at most {@link #LUT_INPUTS}) that tell every row of the first kind
   * from every row of the second, so that it is one LUT; when no such set exists, as
   * {@link #control}'s sum of reduced row matches.
   */
  private Bool lookup(UInt w, Function<Opcode, Boolean> value) {
    List<Opcode> on = new ArrayList<>();
    List<Opcode> off = new ArrayList<>();
    for (Opcode op : Opcode.instructions()) {
      Boolean v = value.apply(op);
      if (v != null) {
        (v ? on : off).add(op);
      }
    }
    if (on.isEmpty()) {
      return lit(0, Bool());
    }
    if (off.isEmpty()) {
      return lit(1, Bool());
    }
    int[] support = smallestSupport(on, off);
    if (support == null) {
      return control(w, op -> on.contains(op), off);
    }
    UInt index = lit(0, UInt(1));
    for (int p : support) {
      index = w.bit(p).asUInt().cat(index);
    }
    Bool out = lit(0, Bool());
    for (int v = 0; v < 1 << support.length; v++) {
      if (covers(on, support, v)) {
        out = out.or(index.bits(support.length, 1).eq(v));
      }
    }
    return out;
  }

  /** Whether some row of {@code rows} agrees with the assignment {@code v} of the {@code support} bits. */
  private static boolean covers(List<Opcode> rows, int[] support, int v) {
    for (Opcode op : rows) {
      boolean agrees = true;
      for (int i = 0; i < support.length && agrees; i++) {
        int p = support[i];
        agrees = (op.mask() >>> p & 1) == 0 || (op.match() >>> p & 1) == (v >>> i & 1);
      }
      if (agrees) {
        return true;
      }
    }
    return false;
  }

  /**
   * The smallest set of bit positions (the lowest positions first among sets of one size) on
   * which every row of {@code on} differs from every row of {@code off} in a bit that both
   * compare; null if that takes more than {@link #LUT_INPUTS} bits.
   */
  private static int[] smallestSupport(List<Opcode> on, List<Opcode> off) {
    int distinguishing = 0;
    for (Opcode a : on) {
      for (Opcode b : off) {
        distinguishing |= a.mask() & b.mask() & (a.match() ^ b.match());
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (int p = 0; p < 32; p++) {
      if ((distinguishing >>> p & 1) != 0) {
        candidates.add(p);
      }
    }
    for (int k = 1; k <= LUT_INPUTS && k <= candidates.size(); k++) {
      int[] pick = new int[k];
      for (int i = 0; i < k; i++) {
        pick[i] = i;
      }
      while (true) {
        int mask = 0;
        for (int i : pick) {
          mask |= 1 << candidates.get(i);
        }
        if (separatesAll(on, off, mask)) {
          int[] out = new int[k];
          for (int i = 0; i < k; i++) {
            out[i] = candidates.get(pick[i]);
          }
          return out;
        }
        int i = k - 1;
        while (i >= 0 && pick[i] == candidates.size() - k + i) {
          i--;
        }
        if (i < 0) {
          break;
        }
        pick[i]++;
        for (int j = i + 1; j < k; j++) {
          pick[j] = pick[j - 1] + 1;
        }
      }
    }
    return null;
  }

  private static boolean separatesAll(List<Opcode> on, List<Opcode> off, int bits) {
    for (Opcode a : on) {
      for (Opcode b : off) {
        if ((a.mask() & b.mask() & (a.match() ^ b.match()) & bits) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * High for a word of a row where {@code sets} holds, low for a word of a row of {@code off}.
   * Each row that sets it is compared on a subset of its mask bits: a bit is left out (greedily,
   * from bit 31 down) when the row still differs from every row of {@code off} in a bit that
   * both compare.
   */
  private Bool control(UInt w, java.util.function.Predicate<Opcode> sets, List<Opcode> off) {
    Set<Long> patterns = new LinkedHashSet<>();
    for (Opcode op : Opcode.instructions()) {
      if (!sets.test(op)) {
        continue;
      }
      int mask = op.mask();
      for (int bit = 31; bit >= 0; bit--) {
        int fewer = mask & ~(1 << bit);
        if (fewer != mask && separates(op.match(), fewer, off)) {
          mask = fewer;
        }
      }
      patterns.add((long) mask << 32 | (op.match() & mask & 0xFFFF_FFFFL));
    }
    Bool out = lit(0, Bool());
    for (long pattern : patterns) {
      long mask = pattern >>> 32;
      out = out.or(mask == 0 ? lit(1, Bool()) : w.and(lit(mask, UInt(32))).eq(lit(pattern & 0xFFFF_FFFFL, UInt(32))));
    }
    return out;
  }

  /** No word matches both {@code match} under {@code mask} and any row of {@code others}. */
  private static boolean separates(int match, int mask, List<Opcode> others) {
    for (Opcode o : others) {
      int common = mask & o.mask();
      if (((match ^ o.match()) & common) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The output bit that is high when the instruction belongs to {@code u} (one of {@link #UNIT_OUTPUTS}). */
  public Bool unit(MicroOp.Unit u) {
    Bool out = units.get(u);
    if (out == null) {
      throw new IllegalArgumentException("the decoder has no unit bit for " + u + "; it has " + UNIT_OUTPUTS
          + " (the ALU's and multiplier's work is in the controls)");
    }
    return out;
  }

  /** The immediate of each format family (RISC-V spec, "Immediate Encoding Variants"). */
  private UInt immediate(UInt w) {
    UInt sign = w.bit(31).mux(lit(0xFFFFF, UInt(20)), lit(0, UInt(20)));
    UInt i = sign.cat(w.bits(31, 20));
    UInt s = sign.cat(w.bits(31, 25), w.bits(11, 7));
    UInt b = sign.bits(18, 0).cat(w.bit(31), w.bit(7), w.bits(30, 25), w.bits(11, 8), lit(0, UInt(1)));
    UInt u = w.bits(31, 12).cat(lit(0, UInt(12)));
    UInt j = sign.bits(10, 0).cat(w.bit(31), w.bits(19, 12), w.bit(20), w.bits(30, 21), lit(0, UInt(1)));
    UInt out = lit(0, UInt(32));
    out = pick(out, w, i, Format.I, Format.SHIFT, Format.LOAD, Format.JALR);
    out = pick(out, w, s, Format.S);
    out = pick(out, w, b, Format.B);
    out = pick(out, w, u, Format.U);
    out = pick(out, w, j, Format.J);
    return out;
  }

  /**
   * {@code value} when the word's major opcode (bits 6..0) is one of the family {@code fs}'s, so
   * a 7-bit compare per opcode rather than the rows' full match: the table must not give any
   * of those opcodes to a row of another format (checked here), which keeps the immediate 0 for
   * every format without one.
   */
  private UInt pick(UInt acc, UInt w, UInt value, Format... fs) {
    Set<Format> family = EnumSet.noneOf(Format.class);
    family.addAll(Arrays.asList(fs));
    Set<Integer> opcodes = new TreeSet<>();
    for (Opcode op : Opcode.instructions()) {
      if (family.contains(op.format())) {
        if ((op.mask() & 0x7F) != 0x7F) {
          throw new IllegalStateException(op + " does not match all of its major opcode bits (mask "
              + Integer.toHexString(op.mask()) + "); the decoder picks immediates by major opcode");
        }
        opcodes.add(op.match() & 0x7F);
      }
    }
    for (Opcode op : Opcode.instructions()) {
      if (!family.contains(op.format()) && opcodes.contains(op.match() & 0x7F)) {
        throw new IllegalStateException(op + " (format " + op.format() + ") shares its major opcode with the "
            + family + " immediate family; the decoder picks immediates by major opcode");
      }
    }
    Bool sel = lit(0, Bool());
    for (int opcode : opcodes) {
      sel = sel.or(w.bits(6, 0).eq(opcode));
    }
    return acc.or(sel.mux(value, 0));
  }
}
