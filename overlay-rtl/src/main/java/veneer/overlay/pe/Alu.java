package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The integer ALU: one {@link MicroOp.AluOp} on two 32-bit operands, combinational.
 *
 * <p>Built small: one adder serves ADD, SUB, SLT and SLTU (the comparisons read its carry and
 * sign). Shifts (SLL, SRL, SRA) are not done here: the {@link Multiplier} does them as
 * multiplications by a power of two, and the result of a shift op here is meaningless.
 * {@link #sum} is the adder's output for the PE's other additions (addresses and jump targets,
 * with the op set to ADD).
 *
 * <pre>{@code
 * Alu alu = instance("alu", new Alu());
 * alu.op.assign(aluOp); alu.a.assign(x); alu.b.assign(y);   // alu.result
 * }</pre>
 */
public final class Alu extends Module {
  public final UInt op = input("op", UInt(MicroOp.SUB_WIDTH));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  public final UInt result = output("result", UInt(32));
  /** a + b, or a - b for SUB, SLT and SLTU. */
  public final UInt sum = output("sum", UInt(32));

  public Alu() {
    Bool subtract = is(MicroOp.AluOp.SUB).or(is(MicroOp.AluOp.SLT)).or(is(MicroOp.AluOp.SLTU));
    // a + (b ^ subtract) + subtract, the carry-in entering through a bit below the operands.
    UInt bx = subtract.mux(b.not(), b);
    UInt wide = a.cat(lit(1, Bool())).extend(34).add(bx.cat(subtract).extend(34));
    UInt s = wide.bits(32, 1);
    Bool carry = wide.bit(33);
    Bool ltu = carry.not();
    Bool lt = a.bit(31).xor(b.bit(31)).mux(a.bit(31), s.bit(31));

    UInt out = b; // COPY_B and anything unlisted
    out = is(MicroOp.AluOp.AND).mux(a.and(b), out);
    out = is(MicroOp.AluOp.OR).mux(a.or(b), out);
    out = is(MicroOp.AluOp.XOR).mux(a.xor(b), out);
    out = is(MicroOp.AluOp.SLT).or(is(MicroOp.AluOp.SLTU))
        .mux(is(MicroOp.AluOp.SLT).mux(lt, ltu).asUInt().extend(32), out);
    out = is(MicroOp.AluOp.ADD).or(is(MicroOp.AluOp.SUB)).mux(s, out);
    result.assign(out);
    sum.assign(s);
  }

  private Bool is(MicroOp.AluOp which) {
    return op.eq(which.ordinal());
  }
}
