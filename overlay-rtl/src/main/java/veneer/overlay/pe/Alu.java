package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The integer ALU: one {@link Result} of two 32-bit operands, combinational. The first operand is
 * {@code rs1} or, with {@link #pcOperand}, the PC (only additions use the PC).
 *
 * <p>Built to cost two LUTs a bit: one adder serves ADD, SUB, SLT and SLTU, and each result bit
 * is one 6-input function of {@code rs1}, {@code b}, the adder's bit and the 3-bit {@link #sel}
 * (which Pe registers, so that no select logic sits in front of the 32 result LUTs). The adder is
 * {@code b + x}, {@code b} as the carry chain's plain operand and {@code x} chosen per bit
 * (the PC, {@code rs1}, or for a subtraction {@code ~rs1}) in the same LUT as the chain's
 * propagate signal: a subtraction is {@code rs1 - b = ~(~rs1 + b)}, so DIFF is the sum inverted
 * and SLTU is the carry out. Shifts are not done here: the {@link Multiplier} does them as
 * multiplications by a power of two. {@link #sum} is the adder's output for the PC's other
 * additions (addresses, jump and branch targets, the status value of ECALL/EBREAK; defined when
 * {@code sel} does not subtract).
 *
 * <pre>{@code
 * Alu alu = instance("alu", new Alu());
 * alu.sel.assign(Alu.Result.SUM.ordinal()); alu.rs1.assign(x); alu.b.assign(y);   // alu.result = x + y
 * }</pre>
 */
public final class Alu extends Module {
  /**
   * What {@link #result} is. The encoding matters: bit 2 is "the adder subtracts" (DIFF, SLT,
   * SLTU; COPY_B ignores the adder), so that it needs no decode of its own.
   */
  public enum Result { SUM, AND, OR, XOR, DIFF, SLT, SLTU, COPY_B }

  /** Bits of {@link #sel}. */
  public static final int SEL_WIDTH = 3;

  public final UInt sel = input("sel", UInt(SEL_WIDTH));
  public final UInt rs1 = input("rs1", UInt(32));
  public final UInt pc = input("pc", UInt(32));
  /** The adder's first operand is {@link #pc} rather than {@link #rs1} (for SUM only). */
  public final Bool pcOperand = input("pc_operand", Bool());
  public final UInt b = input("b", UInt(32));
  public final UInt result = output("result", UInt(32));
  /** (pc or rs1) + b; meaningless when {@link #sel} subtracts. */
  public final UInt sum = output("sum", UInt(32));

  public Alu() {
    for (Result r : Result.values()) {
      boolean subtracts = r == Result.DIFF || r == Result.SLT || r == Result.SLTU;
      if (subtracts != ((r.ordinal() & 4) != 0) && r != Result.COPY_B) {
        throw new AssertionError("Alu.Result: bit 2 of the encoding must say whether the adder subtracts");
      }
    }
    Bool subtract = sel.bit(2);
    UInt x = subtract.mux(rs1.not(), pcOperand.mux(pc, rs1)).named("x");
    // A 33rd position on the chain gives the less-than: its plain operand is b's bit 31 and the
    // other is chosen so that the position's sum is the carry out (rs1 < b unsigned) xor, for
    // SLT, the two sign bits (rs1 < b signed). So the compare is one LUT before the chain
    // instead of logic on the sum's bit 31 and the carry after it.
    Bool signs = is(Result.SLT).and(rs1.bit(31).xor(b.bit(31)));
    UInt wide = b.bit(31).asUInt().cat(b).add(b.bit(31).xor(signs).asUInt().cat(x));
    UInt raw = wide.bits(31, 0);
    // rs1 - b = ~(~rs1 + b); rs1 < b (unsigned) exactly when ~rs1 + b carries out.
    UInt diff = raw.not();
    Bool less = wide.bit(32);

    UInt out = b; // COPY_B
    out = is(Result.SLTU).or(is(Result.SLT)).mux(less.asUInt().extend(32), out);
    out = is(Result.DIFF).mux(diff, out);
    out = is(Result.XOR).mux(rs1.xor(b), out);
    out = is(Result.OR).mux(rs1.or(b), out);
    out = is(Result.AND).mux(rs1.and(b), out);
    out = is(Result.SUM).mux(raw, out);
    result.assign(out);
    sum.assign(raw);
  }

  private Bool is(Result which) {
    return sel.eq(which.ordinal());
  }
}
