package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * The single-cycle multiplier for MUL, MULH, MULHSU and MULHU: one 33x33 signed product, with
 * each operand sign- or zero-extended to 33 bits as the operation says, so that one array
 * serves all four.
 *
 * <pre>{@code
 * Multiplier mul = instance("mul", new Multiplier());
 * mul.op.assign(sub); mul.a.assign(rs1v); mul.b.assign(rs2v);   // mul.result
 * }</pre>
 */
public final class Multiplier extends Module {
  public final UInt op = input("op", UInt(MicroOp.SUB_WIDTH));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  public final UInt result = output("result", UInt(32));

  public Multiplier() {
    Bool aSigned = op.eq(MicroOp.MulOp.MULH.ordinal()).or(op.eq(MicroOp.MulOp.MULHSU.ordinal()));
    Bool bSigned = op.eq(MicroOp.MulOp.MULH.ordinal());
    SInt ax = aSigned.and(a.bit(31)).cat(a).asSInt();
    SInt bx = bSigned.and(b.bit(31)).cat(b).asSInt();
    UInt product = ax.mulWide(bx).asUInt();
    Bool low = op.eq(MicroOp.MulOp.MUL.ordinal());
    result.assign(low.mux(product.bits(31, 0), product.bits(63, 32)));
  }
}
