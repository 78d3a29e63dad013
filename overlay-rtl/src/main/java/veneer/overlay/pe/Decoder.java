package veneer.overlay.pe;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.isa.Opcode;

/**
 * The instruction decoder, generated from the ISA table. Legality is exact (high in
 * {@link #legalPlain} or {@link #legalOther}): a table of the major opcode and
 * funct3, and the compares of the other bits for the rows that fix them (see {@link #legality}).
 * The other outputs (the unit bits, {@link Control}: the controls Pe registers into S2, and the
 * immediate) are defined only for the legal rows that read them, which lets each depend on few
 * instruction bits: most are one LUT, and outputs that agree share it (see {@link #lookup}).
 * There is no hand-written opcode in here.
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
   * knows from the controls ({@link Control#ALU_SEL}, {@link Control#MUL_RESULT}) and the
   * instruction's bits (the multiplier's mode, {@link Multiplier#MODE_BITS}), and the jumps,
   * which S2 tells from the instruction's opcode bits and legality ({@link JumpBits}). ECALL and
   * EBREAK share one output, {@link #stops}.
   */
  public static final Set<MicroOp.Unit> UNIT_OUTPUTS = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(
      MicroOp.Unit.ALU, MicroOp.Unit.MUL, MicroOp.Unit.JAL, MicroOp.Unit.JALR, MicroOp.Unit.BRANCH,
      MicroOp.Unit.ECALL, MicroOp.Unit.EBREAK, MicroOp.Unit.FENCE)));
  /**
   * Among legal words, FENCE is exactly the one with these opcode bits (bit 3 set, bit 6 clear:
   * the other opcode with bit 3 is JAL's), so S2 reads them where it knows the word legal.
   */
  public static final int FENCE_MASK = 1 << 6 | 1 << 3;
  public static final int FENCE_MATCH = 1 << 3;
  /** The instruction bit that tells EBREAK (1) from ECALL (0) among the words {@link #stops} is high for. */
  public static final int EBREAK_BIT = 20;

  public final Bits insn = input("insn", Bits(32));
  /**
   * The word matches a row of the table that compares only the major opcode and funct3 (and bits
   * 1..0). The word is legal exactly when this or {@link #legalOther} is high: two outputs, so
   * that their OR is in S2's LUTs (which have inputs to spare) rather than at the end of a deep
   * cone, which ABC mapped 6 LUTs larger (see {@link #legality}).
   */
  public final Bool legalPlain = output("legal_plain", Bool());
  /** The word matches a row of the table that also compares other bits (funct7, zero fields). */
  public final Bool legalOther = output("legal_other", Bool());
  /**
   * ECALL or EBREAK (defined for legal words only): one output and one S2 flip-flop for the two,
   * which {@link #EBREAK_BIT} of the instruction tells apart.
   */
  public final Bool stops = output("is_stop", Bool());
  /** {@link Control#WRITES_RD}. */
  public final Bool writesRd;
  /**
   * The immediate, in parts that Pe registers and ORs (see {@link ImmPart}): sign-extended and
   * placed as its format says, 0 when it has none (ECALL, EBREAK) and for divisions (whose
   * second operand is the divider's result), undefined for the other rows without one.
   */
  public final List<ImmPart> immParts;
  /**
   * Bits [14:12]. Loads and stores take their size and signedness from it, divisions their
   * operation and CSR instructions whether they always write (checked against {@link MicroOp}
   * by {@link #funct3Meaning}), so that none needs a control of its own.
   */
  public final UInt funct3 = output("funct3", UInt(3));
  public final UInt rd = output("rd", UInt(5));
  public final UInt rs1 = output("rs1", UInt(5));
  public final UInt rs2 = output("rs2", UInt(5));
  /** Bits [31:20]: the CSR number of CSR instructions. */
  public final UInt csr = output("csr", UInt(12));
  private final Map<MicroOp.Unit, Bool> units = new EnumMap<>(MicroOp.Unit.class);
  private final Map<Control, UInt> controls = new EnumMap<>(Control.class);
  private final Map<Control, Bool> flags = new EnumMap<>(Control.class);
  /** The one-LUT outputs, built together at the end so that compatible ones share a LUT. */
  private final List<Shared> shared = new ArrayList<>();

  public Decoder() {
    UInt w = insn.asUInt();
    for (MicroOp.Unit u : UNIT_OUTPUTS) {
      units.put(u, output("is_" + u.name().toLowerCase(Locale.ROOT), Bool()));
    }
    for (MicroOp.Unit u : UNIT_OUTPUTS) {
      units.get(u).assign(lookup(w, "is_" + u.name().toLowerCase(Locale.ROOT), op -> MicroOp.of(op).unit() == u));
    }
    stops.assign(lookup(w, "is_stop", op -> isStop(MicroOp.of(op).unit())));
    checkEbreakBit();
    checkFenceBits();
    legality(w);
    funct3Meaning();
    Control.checkResultBits();
    Control.checkMulModeBits();
    JumpBits.check();
    for (Control c : Control.values()) {
      Bool[] bits = new Bool[c.width];
      for (int k = 0; k < c.width; k++) {
        int bit = k;
        bits[k] = lookup(w, c.port() + k, op -> {
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
        out.assign(Data.catLowFirst(Arrays.asList(bits)));
        controls.put(c, out);
      }
    }
    writesRd = flag(Control.WRITES_RD);
    rd.assign(w.bits(11, 7));
    rs1.assign(w.bits(19, 15));
    rs2.assign(w.bits(24, 20));
    csr.assign(w.bits(31, 20));
    funct3.assign(w.bits(14, 12));
    immParts = immediateParts(w);
    emitShared(w);
  }

  /** Whether {@code u} is one of the units {@link #stops} is high for. */
  public static boolean isStop(MicroOp.Unit u) {
    return u == MicroOp.Unit.ECALL || u == MicroOp.Unit.EBREAK;
  }

  /** Checks that the ISA table fixes {@link #EBREAK_BIT} of ECALL to 0 and of EBREAK to 1. */
  private static void checkEbreakBit() {
    for (Opcode op : Opcode.instructions()) {
      MicroOp.Unit u = MicroOp.of(op).unit();
      if (isStop(u) && ((op.mask() >>> EBREAK_BIT & 1) == 0
          || (op.match() >>> EBREAK_BIT & 1) != (u == MicroOp.Unit.EBREAK ? 1 : 0))) {
        throw new IllegalStateException(op + " (match " + Integer.toHexString(op.match()) + ") is not told from the other"
            + " of ECALL and EBREAK by bit " + EBREAK_BIT);
      }
    }
  }

  /** Checks that {@link #FENCE_MASK}'s bits, which the ISA table fixes for every row, equal {@link #FENCE_MATCH} for FENCE alone. */
  private static void checkFenceBits() {
    for (Opcode op : Opcode.instructions()) {
      boolean fence = MicroOp.of(op).unit() == MicroOp.Unit.FENCE;
      if ((op.mask() & FENCE_MASK) != FENCE_MASK || ((op.match() & FENCE_MASK) == FENCE_MATCH) != fence) {
        throw new IllegalStateException(op + " (match " + Integer.toHexString(op.match()) + ") breaks the FENCE rule of"
            + " bits " + Integer.toHexString(FENCE_MASK));
      }
    }
  }

  /** Bits 6..2 and 14..12: the major opcode and funct3, the index of {@link #legality}'s table. */
  static final int KEY_BITS = 0x707C;

  /**
   * {@link #legalPlain} and {@link #legalOther}: high together exactly for the words of a row of
   * the table. Most rows are told apart by the major
   * opcode and funct3 alone: a 256-entry table indexed by those 8 bits says which of their values
   * are legal whatever the other bits are. The rows that also compare other bits (funct7, and the
   * zero fields of FENCE, ECALL and EBREAK) add, for each compare of those bits, the compare ANDed
   * with the index values it makes legal: a function of as few of the index bits as tell those
   * values from the illegal ones (the values the first table makes legal are don't-cares). (The
   * OR of each row's full compare mapped to about 30 LUTs; a table per set of compares, over all
   * eight index bits, to 23-28; this, as one output, to 24-29, and as two outputs to 22.)
   */
  private void legality(UInt w) {
    int[] keyBits = RowFunction.positions(KEY_BITS);
    int keys = 1 << keyBits.length;
    BigInteger plain = BigInteger.ZERO;
    Map<Long, BigInteger> byPattern = new LinkedHashMap<>();
    for (Opcode op : Opcode.instructions()) {
      if ((op.mask() & 3) != 3 || (op.match() & 3) != 3) {
        throw new IllegalStateException(op + ": the decoder takes only 32-bit encodings (bits 1..0 = 11), not match "
            + Integer.toHexString(op.match()) + " mask " + Integer.toHexString(op.mask()));
      }
      long other = Integer.toUnsignedLong(op.mask() & ~KEY_BITS & ~3);
      for (int key = 0; key < keys; key++) {
        int word = spread(key, keyBits);
        if (((word ^ op.match()) & op.mask() & KEY_BITS) != 0) {
          continue;
        }
        if (other == 0) {
          plain = plain.setBit(key);
        } else {
          byPattern.merge(other << 32 | (op.match() & other), BigInteger.ZERO.setBit(key), BigInteger::or);
        }
      }
    }
    Bool other = lit(0, Bool());
    // Compares that make the same index values legal share their index function.
    Map<BigInteger, List<Long>> byKeys = new LinkedHashMap<>();
    for (Map.Entry<Long, BigInteger> e : byPattern.entrySet()) {
      byKeys.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    for (Map.Entry<BigInteger, List<Long>> e : byKeys.entrySet()) {
      BigInteger on = e.getKey();
      BigInteger off = BigInteger.ZERO;
      for (int key = 0; key < keys; key++) {
        off = plain.testBit(key) || on.testBit(key) ? off : off.setBit(key);
      }
      int[] sub = fewestKeyBits(on, off, keyBits.length);
      BigInteger subTable = BigInteger.ZERO;
      for (int key = 0; key < keys; key++) {
        if (on.testBit(key)) {
          subTable = subTable.setBit(project(key, sub));
        }
      }
      int[] positions = new int[sub.length];
      for (int i = 0; i < sub.length; i++) {
        positions[i] = keyBits[sub[i]];
      }
      Bool any = lit(0, Bool());
      for (long pattern : e.getValue()) {
        any = any.or(w.and(lit(pattern >>> 32, UInt(32))).eq(lit(pattern & 0xFFFF_FFFFL, UInt(32))));
      }
      other = other.or(table(subTable, index(w, positions)).and(any));
    }
    Bool word32 = w.bits(1, 0).eq(3);
    legalPlain.assign(word32.and(table(plain, index(w, keyBits))));
    legalOther.assign(word32.and(other));
  }

  /**
   * The fewest of the {@code n} index bits (their numbers, ascending) on which no index value of
   * {@code on} equals one of {@code off}.
   */
  private static int[] fewestKeyBits(BigInteger on, BigInteger off, int n) {
    for (int size = 0; size <= n; size++) {
      for (int subset = 0; subset < 1 << n; subset++) {
        if (Integer.bitCount(subset) != size) {
          continue;
        }
        Set<Integer> seen = new TreeSet<>();
        int[] sub = RowFunction.positions(subset);
        for (int key = 0; key < 1 << n; key++) {
          if (on.testBit(key)) {
            seen.add(project(key, sub));
          }
        }
        boolean separates = true;
        for (int key = 0; key < 1 << n && separates; key++) {
          separates = !off.testBit(key) || !seen.contains(project(key, sub));
        }
        if (separates) {
          return sub;
        }
      }
    }
    throw new AssertionError("the full index separates any two disjoint sets");
  }

  /** The bits {@code sub} of {@code key}, the first as bit 0. */
  private static int project(int key, int[] sub) {
    int v = 0;
    for (int i = 0; i < sub.length; i++) {
      v |= (key >>> sub[i] & 1) << i;
    }
    return v;
  }

  /** Bit {@code key} of the table {@code bits}, one entry per value of the index. */
  private Bool table(BigInteger bits, UInt key) {
    int n = 1 << key.width();
    return lit(bits, UInt(n)).shr(key).bit(0);
  }

  /** The word's bits at {@code positions}, the first as bit 0. */
  private static UInt index(UInt w, int[] positions) {
    List<Bool> bits = new ArrayList<>();
    for (int p : positions) {
      bits.add(w.bit(p));
    }
    return Data.catLowFirst(bits);
  }

  /** A word with bit {@code i} of {@code key} at {@code positions[i]}. */
  private static int spread(int key, int[] positions) {
    int word = 0;
    for (int i = 0; i < positions.length; i++) {
      word |= (key >>> i & 1) << positions[i];
    }
    return word;
  }

  /**
   * What Pe reads from {@link #funct3} instead of {@link MicroOp#sub}: for loads and stores the
   * sub-operation is funct3 (bits 1..0 the size, bit 2 unsigned), for divisions bits 1..0 are the
   * {@link MicroOp.DivOp}, and a CSR instruction always writes exactly when bits 1..0 are 01.
   */
  private static void funct3Meaning() {
    for (Opcode op : Opcode.instructions()) {
      MicroOp m = MicroOp.of(op);
      int f3 = op.match() >>> 12 & 7;
      boolean fixed = (op.mask() >>> 12 & 7) == 7;
      boolean ok;
      switch (m.unit()) {
        case LOAD: case STORE: ok = fixed && m.sub() == f3; break;
        case DIV: ok = fixed && m.sub() == (f3 & 3); break;
        case CSR: ok = fixed && (m.sub() == 1) == ((f3 & 3) == 1); break;
        default: ok = true;
      }
      if (!ok) {
        throw new IllegalStateException("Pe reads " + op + "'s sub-operation " + m.sub() + " from funct3, but the ISA table"
            + " has match " + Integer.toHexString(op.match()) + " mask " + Integer.toHexString(op.mask()));
      }
    }
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
   * and anything for the rows where it is null and for illegal words: a {@link RowFunction}
   * (one LUT, built by {@link #emitShared}, perhaps shared with other outputs) or, when that would
   * need more than six instruction bits, {@link #control}'s sum of reduced row matches.
   */
  private Bool lookup(UInt w, String name, Function<Opcode, Boolean> value) {
    Map<Opcode, Boolean> spec = new LinkedHashMap<>();
    for (Opcode op : Opcode.instructions()) {
      spec.put(op, value.apply(op));
    }
    RowFunction f = rowFunction(spec);
    if (f != null) {
      Bool out = wire("lut_" + name, Bool());
      shared.add(new Shared(out, spec, f.support().length == 0));
      return out;
    }
    List<Opcode> off = new ArrayList<>();
    for (Opcode op : Opcode.instructions()) {
      if (Boolean.FALSE.equals(value.apply(op))) {
        off.add(op);
      }
    }
    return control(w, op -> Boolean.TRUE.equals(value.apply(op)), off);
  }

  /** A {@link #lookup}'s wire and the row values it needs ({@code constant}: it needs no instruction bit). */
  private record Shared(Bool out, Map<Opcode, Boolean> spec, boolean constant) {}

  /** The {@link RowFunction} of a row spec (true, false or null per row), or null when it needs more than one LUT. */
  private static RowFunction rowFunction(Map<Opcode, Boolean> spec) {
    return RowFunction.find(op -> {
      Boolean v = spec.get(op);
      return v == null ? null : v ? RowFunction.ONE : RowFunction.ZERO;
    });
  }

  /**
   * Builds the {@link #lookup} outputs, one LUT for each group of outputs whose row values agree
   * wherever both are defined and whose merged values still fit one LUT (an immediate part's
   * clear and {@link Control#WRITES_RD}, for example: both are low exactly for stores and
   * branches among the rows that read them). Greedy, the outputs with the fewest partners first,
   * so that an output that fits many groups does not take the one partner of another. Constant
   * outputs stay constants.
   */
  private void emitShared(UInt w) {
    int n = shared.size();
    int[] partners = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && !shared.get(i).constant() && !shared.get(j).constant()
            && merged(shared.get(i).spec(), shared.get(j).spec()) != null) {
          partners[i]++;
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(partners[a], partners[b]));
    List<Map<Opcode, Boolean>> groupSpecs = new ArrayList<>();
    List<List<Shared>> groups = new ArrayList<>();
    for (int i : order) {
      Shared s = shared.get(i);
      int into = -1;
      for (int g = 0; g < groups.size() && into < 0 && !s.constant() && partners[i] > 0; g++) {
        Map<Opcode, Boolean> m = groups.get(g).get(0).constant() ? null : merged(groupSpecs.get(g), s.spec());
        if (m != null) {
          groupSpecs.set(g, m);
          into = g;
        }
      }
      if (into < 0) {
        groupSpecs.add(s.spec());
        groups.add(new ArrayList<>());
        into = groups.size() - 1;
      }
      groups.get(into).add(s);
    }
    for (int g = 0; g < groups.size(); g++) {
      Bool value = emit(w, rowFunction(groupSpecs.get(g)));
      for (Shared s : groups.get(g)) {
        s.out().assign(value);
      }
    }
  }

  /** The row values of both specs, or null when they disagree on a row or together need more than one LUT. */
  private static Map<Opcode, Boolean> merged(Map<Opcode, Boolean> a, Map<Opcode, Boolean> b) {
    Map<Opcode, Boolean> out = new LinkedHashMap<>();
    for (Map.Entry<Opcode, Boolean> e : a.entrySet()) {
      Boolean x = e.getValue();
      Boolean y = b.get(e.getKey());
      if (x != null && y != null && !x.equals(y)) {
        return null;
      }
      out.put(e.getKey(), x != null ? x : y);
    }
    return rowFunction(out) == null ? null : out;
  }

  /** {@code f} of the word {@code w}: the OR of the support assignments where it is high. */
  private Bool emit(UInt w, RowFunction f) {
    int[] support = f.support();
    if (support.length == 0) {
      return lit(f.value(0) ? 1 : 0, Bool());
    }
    BigInteger bits = BigInteger.ZERO;
    for (int v = 0; v < 1 << support.length; v++) {
      bits = f.value(v) ? bits.setBit(v) : bits;
    }
    return table(bits, index(w, support));
  }

  /**
   * High for a word of a row where {@code sets} holds, low for a word of a row of {@code off}.
   * Each row that sets it is compared on a subset of its mask bits: a bit is left out (greedily,
   * from bit 31 down) when the row still differs from every row of {@code off} in a bit that
   * both compare.
   */
  private Bool control(UInt w, Predicate<Opcode> sets, List<Opcode> off) {
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

  /**
   * The output bit that is high when the instruction belongs to {@code u} (one of
   * {@link #UNIT_OUTPUTS}); defined for legal words only (Pe uses it with {@link #legalPlain} or {@link #legalOther}).
   */
  public Bool unit(MicroOp.Unit u) {
    Bool out = units.get(u);
    if (out == null) {
      throw new IllegalArgumentException("the decoder has no unit bit for " + u + "; it has " + UNIT_OUTPUTS
          + " (the ALU's and multiplier's work is in the controls, the jumps' in JumpBits)");
    }
    return out;
  }

  /**
   * A part of the immediate: instruction bits ({@link #field}, wires) placed at immediate bits,
   * which Pe registers into S2 with {@link #clear} as the flip-flops' synchronous reset (no LUT)
   * and ORs with the other parts. Or, for the immediate bits that more than two instruction bits
   * feed, bits decoded in LUTs ({@link #clear} null). So most of the immediate costs no LUT: the
   * formats' choice of instruction bits is the resets of a few registers, one LUT each, and the
   * OR sits in the LUT of S2's operand mux (at most two parts meet in an immediate bit).
   *
   * @param clear high when the part is 0 for this instruction; null for a part never cleared
   * @param field the part's bits
   * @param place for each immediate bit (0..31), the bit of {@link #field} there, or -1
   */
  public record ImmPart(Bool clear, UInt field, int[] place) {
    /** The part's contribution to the immediate for the field value {@code bits}. */
    public long of(long bits) {
      long out = 0;
      for (int k = 0; k < 32; k++) {
        if (place[k] >= 0) {
          out |= (bits >>> place[k] & 1) << k;
        }
      }
      return out;
    }
  }

  /**
   * The immediate as {@link ImmPart}s, from {@link #immediateSource}: the (immediate bit,
   * instruction bit) pairs that the same rows use form one part, cleared for the rows that need
   * something else there (a row may keep it where the instruction bits it would add are fixed to
   * 0 in its encoding). The immediate bits with more than two sources are decoded, each a
   * {@link RowFunction}.
   */
  private List<ImmPart> immediateParts(UInt w) {
    List<Opcode> rows = Opcode.instructions();
    Map<List<Integer>, List<int[]>> byUsers = new LinkedHashMap<>();
    List<Integer> decodedBits = new ArrayList<>();
    for (int k = 0; k < 32; k++) {
      Set<Integer> sources = new TreeSet<>();
      for (Opcode op : rows) {
        Integer s = immediateSource(op, k);
        if (s != null && s >= 0) {
          sources.add(s);
        }
      }
      if (sources.size() > 2) {
        decodedBits.add(k);
        continue;
      }
      for (int src : sources) {
        List<Integer> users = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
          Integer s = immediateSource(rows.get(r), k);
          if (s != null && s == src) {
            users.add(r);
          }
        }
        byUsers.computeIfAbsent(users, u -> new ArrayList<>()).add(new int[] {k, src});
      }
    }
    List<ImmPart> parts = new ArrayList<>();
    int n = 0;
    for (Map.Entry<List<Integer>, List<int[]>> e : byUsers.entrySet()) {
      List<int[]> pairs = e.getValue();
      List<Integer> fieldBits = new ArrayList<>();
      int[] place = new int[32];
      Arrays.fill(place, -1);
      for (int[] pair : pairs) {
        int i = fieldBits.indexOf(pair[1]);
        if (i < 0) {
          i = fieldBits.size();
          fieldBits.add(pair[1]);
        }
        place[pair[0]] = i;
      }
      Set<Opcode> users = new LinkedHashSet<>();
      for (int r : e.getKey()) {
        users.add(rows.get(r));
      }
      Bool clear = lookup(w, "imm_clear" + n, op -> clears(op, users, pairs));
      Bool[] bits = new Bool[fieldBits.size()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = w.bit(fieldBits.get(i));
      }
      UInt field = output("imm_part" + n, UInt(bits.length));
      field.assign(Data.catLowFirst(Arrays.asList(bits)));
      Bool clearOut = output("imm_clear" + n, Bool());
      clearOut.assign(clear);
      parts.add(new ImmPart(clearOut, field, place));
      n++;
    }
    if (!decodedBits.isEmpty()) {
      int[] place = new int[32];
      Arrays.fill(place, -1);
      Bool[] bits = new Bool[decodedBits.size()];
      for (int i = 0; i < bits.length; i++) {
        int k = decodedBits.get(i);
        RowFunction f = RowFunction.find(op -> immediateSource(op, k));
        if (f == null) {
          throw new IllegalStateException("immediate bit " + k + " needs more than " + RowFunction.MAX_INPUTS
              + " instruction bits; the decoder builds each from one LUT");
        }
        bits[i] = emit(w, f);
        place[k] = i;
      }
      UInt field = output("imm_decoded", UInt(bits.length));
      field.assign(Data.catLowFirst(Arrays.asList(bits)));
      parts.add(new ImmPart(null, field, place));
    }
    for (int k = 0; k < 32; k++) {
      int meeting = 0;
      for (ImmPart part : parts) {
        meeting += part.place()[k] >= 0 ? 1 : 0;
      }
      if (meeting > 2) {
        throw new IllegalStateException("immediate bit " + k + " has " + meeting + " parts; Pe's operand mux takes two");
      }
    }
    return Collections.unmodifiableList(parts);
  }

  /**
   * Whether the part of the (immediate bit, instruction bit) {@code pairs} that the {@code users}
   * read is cleared for {@code op}: no for its users; don't care (null) where the row reads no
   * immediate or its encoding fixes the part's instruction bits to 0 (adding them changes
   * nothing); yes for the others.
   */
  private static Boolean clears(Opcode op, Set<Opcode> users, List<int[]> pairs) {
    if (users.contains(op)) {
      return false;
    }
    boolean reads = false;
    boolean harmless = true;
    for (int[] pair : pairs) {
      if (immediateSource(op, pair[0]) != null) {
        reads = true;
      }
      int src = pair[1];
      harmless &= (op.mask() >>> src & 1) != 0 && (op.match() >>> src & 1) == 0;
    }
    return !reads || harmless ? null : true;
  }

  /**
   * What bit {@code k} of {@code op}'s immediate is (RISC-V spec, "Immediate Encoding
   * Variants"): an instruction bit (31 for the sign), {@link RowFunction#ZERO}, or null where S2
   * does not read it: instructions without an immediate operand (register-register, CSR,
   * FENCE) and a shift's bits above its 5-bit amount. ECALL and EBREAK add their immediate to
   * rs1 for their status value, and a division's is ORed with the divider's result: so theirs
   * is 0.
   */
  static Integer immediateSource(Opcode op, int k) {
    final int zero = RowFunction.ZERO;
    switch (op.format()) {
      case I: case LOAD: case JALR:
        return k <= 10 ? 20 + k : 31;
      case SHIFT:
        return k < 5 ? 20 + k : null;
      case S:
        return k < 5 ? 7 + k : k <= 10 ? 20 + k : 31;
      case B:
        return k == 0 ? zero : k <= 4 ? 7 + k : k <= 10 ? 20 + k : k == 11 ? 7 : 31;
      case U:
        return k < 12 ? zero : k;
      case J:
        return k == 0 ? zero : k <= 10 ? 20 + k : k == 11 ? 20 : k <= 19 ? k : 31;
      case NONE:
        return isStop(MicroOp.of(op).unit()) ? zero : null;
      default:
        // A division's second ALU operand is the divider's result, which Pe ORs with the
        // immediate: so it is 0.
        return MicroOp.of(op).unit() == MicroOp.Unit.DIV ? zero : null;
    }
  }

}
