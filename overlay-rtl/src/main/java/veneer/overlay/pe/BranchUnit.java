package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.isa.Opcode;

/**
 * Evaluates a branch condition on two register values. The condition is the instruction's
 * funct3 (bits 14..12), decoded as the RISC-V encoding has it: bit 0 inverts, bit 2 chooses a
 * less-than over equality, bit 1 makes it unsigned (checked against the ISA table at
 * elaboration). So Pe passes the instruction's bits and the decoder needs no branch controls.
 *
 * <pre>{@code
 * BranchUnit br = instance("br", new BranchUnit());
 * br.funct3.assign(insn.bits(14, 12)); br.a.assign(rs1v); br.b.assign(rs2v);   // br.taken
 * }</pre>
 */
public final class BranchUnit extends Module {
  public final UInt funct3 = input("funct3", UInt(3));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  public final Bool taken = output("taken", Bool());

  public BranchUnit() {
    expect(Opcode.BEQ, 0b000);
    expect(Opcode.BNE, 0b001);
    expect(Opcode.BLT, 0b100);
    expect(Opcode.BGE, 0b101);
    expect(Opcode.BLTU, 0b110);
    expect(Opcode.BGEU, 0b111);
    Bool eq = a.eq(b);
    Bool ltu = a.lt(b);
    // One comparator: operands of different signs compare the other way round when signed.
    Bool lt = ltu.xor(a.bit(31)).xor(b.bit(31));
    Bool holds = funct3.bit(2).mux(funct3.bit(1).mux(ltu, lt), eq);
    taken.assign(holds.xor(funct3.bit(0)));
  }

  /** The funct3 of branch {@code op} in the ISA table. */
  public static int funct3Of(Opcode op) {
    return op.match() >>> 12 & 7;
  }

  private static void expect(Opcode op, int funct3) {
    if (funct3Of(op) != funct3 || (op.mask() >>> 12 & 7) != 7) {
      throw new IllegalStateException("BranchUnit decodes " + op + " as funct3 " + Integer.toBinaryString(funct3)
          + " but the ISA table has match " + Integer.toHexString(op.match()) + " mask " + Integer.toHexString(op.mask()));
    }
  }
}
