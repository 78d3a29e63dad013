package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * The single-cycle multiplier, which also does the ALU's shifts: one 33x33 signed product, with
 * each operand sign- or zero-extended to 33 bits as the operation ({@link Mode}) says, so that
 * one array serves MUL, MULH, MULHSU, MULHU, SLL, SRL and SRA.
 *
 * <p>A shift is a multiplication by a power of two, which costs the DSP blocks nothing and
 * saves the ALU a barrel shifter: {@code a << s} is the low word of {@code a * 2^s}, and
 * {@code a >> s} (logical or arithmetic, by the extension of {@code a}) is the high word of
 * {@code a * 2^(32 - s)} for {@code s > 0} and the low word of {@code a * 1} for {@code s = 0}.
 * For a shift, {@code b}'s low five bits are the amount.
 *
 * <p>It gives both words of the product and which one is the result ({@link #takeHigh}), so
 * that the PE can choose the word in the same LUT that ORs other zero-unless-chosen words into
 * its S3 register (docs/pe-area-arith.md). (With {@code a = 0}, as for a CSR read, whose rs1 is
 * x0, both words are 0 in every mode.)
 *
 * <pre>{@code
 * Multiplier mul = instance("mul", new Multiplier());
 * mul.funct3.assign(insn.bits(14, 12)); mul.multiply.assign(insn.bit(25)); mul.arithmetic.assign(insn.bit(30));
 * mul.a.assign(rs1v); mul.b.assign(amount);
 * UInt result = mul.takeHigh.mux(mul.high, mul.low);
 * }</pre>
 */
public final class Multiplier extends Module {
  /** The operations; the first four have the ordinals of {@link MicroOp.MulOp}. */
  public enum Mode { MUL, MULH, MULHSU, MULHU, SLL, SRL, SRA }

  /**
   * The instruction bits that say the mode, as RISC-V encodes multiplications and shifts: funct3
   * (bits 14..12), bit 25 (1 for the M extension's multiplications) and bit 30 (arithmetic
   * shift). The multiplier decodes them itself (see {@link #encoding}), so that S2 needs no mode
   * register and the decoder no mode LUTs.
   */
  public static final int MODE_BITS = 1 << 30 | 1 << 25 | 7 << 12;

  /** funct3: a multiplication's {@link MicroOp.MulOp}; for a shift, bit 2 says right. */
  public final UInt funct3 = input("funct3", UInt(3));
  /** Instruction bit 25: a multiplication rather than a shift. */
  public final Bool multiply = input("multiply", Bool());
  /** Instruction bit 30: a right shift is arithmetic. */
  public final Bool arithmetic = input("arithmetic", Bool());
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  /** Bits 31..0 of the product. */
  public final UInt low = output("low", UInt(32));
  /** Bits 63..32 of the product. */
  public final UInt high = output("high", UInt(32));
  /** The operation's result is {@link #high} (MULH, MULHSU, MULHU, a right shift by 1 to 31), else {@link #low}. */
  public final Bool takeHigh = output("take_high", Bool());

  public Multiplier() {
    for (MicroOp.MulOp m : MicroOp.MulOp.values()) {
      if (!Mode.values()[m.ordinal()].name().equals(m.name())) {
        throw new AssertionError("Multiplier.Mode must begin with MicroOp.MulOp's values in order");
      }
    }
    Bool aSigned = multiply.mux(funct3.eq(Mode.MULH.ordinal()).or(funct3.eq(Mode.MULHSU.ordinal())), arithmetic);
    Bool bSigned = multiply.and(funct3.eq(Mode.MULH.ordinal()));
    // (A shift's funct3 is 001 or 101.)
    Bool right = funct3.bit(2);
    UInt s = b.bits(4, 0);
    // 32 - s is -s in five bits (and s = 0 gives 2^0: the low word of a * 1 is a). Written as
    // logic, not as a subtraction: a carry chain would keep ABC from merging the negation into
    // the power's decode (two LUTs a bit instead of one).
    // (Two decodes and a choice by funct3's bit mapped smaller than one decode of a chosen amount.)
    UInt power = right.mux(lit(1, UInt(32)).shl(negate(s)), lit(1, UInt(32)).shl(s));
    UInt bOperand = multiply.mux(b, power);
    SInt ax = aSigned.and(a.bit(31)).cat(a).asSInt();
    SInt bx = bSigned.and(b.bit(31)).cat(bOperand).asSInt();
    UInt product = signedProduct(ax, bx).asUInt();
    low.assign(product.bits(31, 0));
    high.assign(product.bits(63, 32));
    takeHigh.assign(multiply.mux(funct3.bits(1, 0).ne(0), right.and(s.ne(0))));
  }

  /**
   * The low 64 bits of the 33x33 signed product {@code x * y}, as four slice products that map
   * onto one cascade of four DSP48s: with {@code x = xh * 2^17 + xl} ({@code xl} the unsigned low
   * 17 bits, {@code xh} the signed high 16),
   * {@code p0 = xl*yl}, {@code p1 = xh*yl + (p0 >> 17)}, {@code p2 = xl*yh + p1},
   * {@code p3 = xh*yh + (p2 >> 17)} (arithmetic), and the product is
   * {@code p3 : p2[16:0] : p0[16:0]}. Each sum is a DSP48's post-adder fed by its neighbour's
   * output shifted by 17, so no partial product is added in LUTs; one 33x33 {@code *} costs
   * Yosys 4 DSP48s too, but about 50 LUTs more. No sum overflows its 34 bits: |xh*yl| and
   * |xl*yh| are below 2^32.
   */
  private SInt signedProduct(SInt x, SInt y) {
    UInt xl = x.bits(16, 0);
    UInt yl = y.bits(16, 0);
    SInt xh = x.bits(32, 17).asSInt();
    SInt yh = y.bits(32, 17).asSInt();
    UInt p0 = xl.mulWide(yl);
    SInt p1 = xh.mulWide(nonNegative(yl)).add(nonNegative(p0.bits(33, 17)));
    SInt p2 = nonNegative(xl).mulWide(yh).add(p1);
    SInt p3 = xh.mulWide(yh).add(p2.bits(33, 17).asSInt());
    return p3.bits(29, 0).cat(p2.bits(16, 0), p0.bits(16, 0)).asSInt();
  }

  /** {@code u} as a signed value one bit wider, so that a signed product treats it as unsigned. */
  private SInt nonNegative(UInt u) {
    return lit(0, UInt(1)).cat(u).asSInt();
  }

  /** {@code -s} in {@code s}'s width: bit k is {@code s[k]} flipped when a lower bit of {@code s} is set. */
  private static UInt negate(UInt s) {
    UInt out = s.bit(0).asUInt();
    Bool lower = s.bit(0);
    for (int k = 1; k < s.width(); k++) {
      out = s.bit(k).xor(lower).cat(out);
      lower = lower.or(s.bit(k));
    }
    return out;
  }

  /** The {@link #MODE_BITS} of an instruction of mode {@code m}. */
  public static int encoding(Mode m) {
    switch (m) {
      case SLL: return 1 << 12;
      case SRL: return 5 << 12;
      case SRA: return 1 << 30 | 5 << 12;
      default: return 1 << 25 | m.ordinal() << 12;
    }
  }
}
