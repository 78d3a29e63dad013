package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The integer ALU: one {@link MicroOp.AluOp} on two 32-bit operands, combinational.
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

  public Alu() {
    UInt shamt = b.bits(4, 0);
    UInt out = b; // COPY_B and anything unlisted
    out = when(MicroOp.AluOp.ADD, a.add(b), out);
    out = when(MicroOp.AluOp.SUB, a.sub(b), out);
    out = when(MicroOp.AluOp.SLL, a.shl(shamt), out);
    out = when(MicroOp.AluOp.SLT, a.asSInt().lt(b.asSInt()).asUInt().extend(32), out);
    out = when(MicroOp.AluOp.SLTU, a.lt(b).asUInt().extend(32), out);
    out = when(MicroOp.AluOp.XOR, a.xor(b), out);
    out = when(MicroOp.AluOp.SRL, a.shr(shamt), out);
    out = when(MicroOp.AluOp.SRA, a.asSInt().shr(shamt).asUInt(), out);
    out = when(MicroOp.AluOp.OR, a.or(b), out);
    out = when(MicroOp.AluOp.AND, a.and(b), out);
    result.assign(out);
  }

  private UInt when(MicroOp.AluOp which, UInt value, UInt otherwise) {
    Bool sel = op.eq(which.ordinal());
    return sel.mux(value, otherwise);
  }
}
