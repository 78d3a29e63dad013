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
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.isa.Format;
import veneer.isa.Opcode;

/**
 * The instruction decoder, generated from the ISA table: one match/mask comparator per row of
 * {@link Opcode}, and each control output is the OR of the rows that set it (their
 * {@link MicroOp}). There is no hand-written opcode in here; a word that matches no row is
 * illegal. {@link #legal} and the unit bits are exact (an illegal word sets none); {@link #sub},
 * {@link #useImm}, {@link #pcOperand}, {@link #writesRd} and {@link #imm} are defined only for
 * a legal word, which lets each compare fewer bits.
 *
 * <pre>{@code
 * Decoder dec = instance("dec", new Decoder());
 * dec.insn.assign(fetched);
 * when(dec.unit(MicroOp.Unit.LOAD), () -> ...);
 * }</pre>
 */
public final class Decoder extends Module {
  public final Bits insn = input("insn", Bits(32));
  /** The word matches a row of the table. */
  public final Bool legal = output("legal", Bool());
  /** The {@link MicroOp#sub} of the matching row. */
  public final UInt sub = output("sub", UInt(MicroOp.SUB_WIDTH));
  public final Bool useImm = output("use_imm", Bool());
  public final Bool pcOperand = output("pc_operand", Bool());
  /** Whether the instruction's format has a destination register. */
  public final Bool writesRd = output("writes_rd", Bool());
  /** The immediate, sign-extended and placed as its format says (0 when it has none). */
  public final UInt imm = output("imm", UInt(32));
  public final UInt rd = output("rd", UInt(5));
  public final UInt rs1 = output("rs1", UInt(5));
  public final UInt rs2 = output("rs2", UInt(5));
  /** Bits [31:20]: the CSR number of CSR instructions. */
  public final UInt csr = output("csr", UInt(12));
  private final Map<MicroOp.Unit, Bool> units = new EnumMap<>(MicroOp.Unit.class);

  public Decoder() {
    UInt w = insn.asUInt();
    for (MicroOp.Unit u : MicroOp.Unit.values()) {
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
    for (MicroOp.Unit u : MicroOp.Unit.values()) {
      units.get(u).assign(unitHits.getOrDefault(u, lit(0, Bool())));
    }
    legal.assign(any);
    // The other controls matter only for a legal word: each is the OR of the rows that set it,
    // every row compared only on the bits that tell it from the rows that do not (an illegal
    // word may set them; it faults before any of them has an effect).
    Bool[] subBits = new Bool[MicroOp.SUB_WIDTH];
    for (int k = 0; k < subBits.length; k++) {
      int bit = k;
      subBits[k] = control(w, op -> (MicroOp.of(op).sub() >> bit & 1) != 0);
    }
    sub.assign(Hw.bitsOf(Arrays.asList(subBits)));
    useImm.assign(control(w, op -> MicroOp.of(op).useImm()));
    pcOperand.assign(control(w, op -> MicroOp.of(op).pcOperand()));
    writesRd.assign(control(w, op -> op.format().hasRd()));
    rd.assign(w.bits(11, 7));
    rs1.assign(w.bits(19, 15));
    rs2.assign(w.bits(24, 20));
    csr.assign(w.bits(31, 20));
    imm.assign(immediate(w));
  }

  /**
   * High for a word of a row where {@code sets} holds, low for a word of any other row. Each such
   * row is compared on a subset of its mask bits: a bit is left out (greedily, from bit 31 down)
   * when the row still differs from every row where {@code sets} does not hold in a bit that
   * both compare.
   */
  private Bool control(UInt w, java.util.function.Predicate<Opcode> sets) {
    List<Opcode> off = new ArrayList<>();
    for (Opcode op : Opcode.instructions()) {
      if (!sets.test(op)) {
        off.add(op);
      }
    }
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

  /** The output bit that is high when the instruction belongs to {@code u}. */
  public Bool unit(MicroOp.Unit u) {
    return units.get(u);
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
