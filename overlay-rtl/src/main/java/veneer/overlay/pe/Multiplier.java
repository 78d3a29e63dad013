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
 * {@code a >> s} (logical or arithmetic, by the extension of {@code a}) is bits 62..31 of
 * {@code a * 2^(31 - s)}. For a shift, {@code b}'s low five bits are the amount.
 *
 * <pre>{@code
 * Multiplier mul = instance("mul", new Multiplier());
 * mul.mode.assign(Multiplier.Mode.SRA.ordinal()); mul.a.assign(rs1v); mul.b.assign(amount);   // mul.result
 * }</pre>
 */
public final class Multiplier extends Module {
  /** The operations; the first four have the ordinals of {@link MicroOp.MulOp}. */
  public enum Mode { MUL, MULH, MULHSU, MULHU, SLL, SRL, SRA }

  /** Bits of {@link #mode}. */
  public static final int MODE_WIDTH = 3;

  public final UInt mode = input("mode", UInt(MODE_WIDTH));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  public final UInt result = output("result", UInt(32));

  public Multiplier() {
    for (MicroOp.MulOp m : MicroOp.MulOp.values()) {
      if (!Mode.values()[m.ordinal()].name().equals(m.name())) {
        throw new AssertionError("Multiplier.Mode must begin with MicroOp.MulOp's values in order");
      }
    }
    Bool aSigned = is(Mode.MULH).or(is(Mode.MULHSU)).or(is(Mode.SRA));
    Bool bSigned = is(Mode.MULH);
    Bool shift = mode.bit(2);
    Bool left = is(Mode.SLL);
    // 31 - s is ~s in five bits.
    UInt amount = left.mux(b.bits(4, 0), b.bits(4, 0).not());
    UInt power = lit(1, UInt(32)).shl(amount);
    UInt bOperand = shift.mux(power, b);
    SInt ax = aSigned.and(a.bit(31)).cat(a).asSInt();
    SInt bx = bSigned.and(b.bit(31)).cat(bOperand).asSInt();
    UInt product = ax.mulWide(bx).asUInt();
    Bool low = is(Mode.MUL).or(left);
    Bool right = is(Mode.SRL).or(is(Mode.SRA));
    result.assign(low.mux(product.bits(31, 0), right.mux(product.bits(62, 31), product.bits(63, 32))));
  }

  private Bool is(Mode which) {
    return mode.eq(which.ordinal());
  }
}
