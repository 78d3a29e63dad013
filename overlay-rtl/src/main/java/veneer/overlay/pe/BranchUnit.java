package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Data;
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

  /** Bits of a compare group below the top two. */
  private static final int GROUP = 3;

  public BranchUnit() {
    expect(Opcode.BEQ, 0b000);
    expect(Opcode.BNE, 0b001);
    expect(Opcode.BLT, 0b100);
    expect(Opcode.BGE, 0b101);
    expect(Opcode.BLTU, 0b110);
    expect(Opcode.BGEU, 0b111);
    // The compare is two carry chains over eleven groups of bits (ten of three bits from bit 0,
    // then bits 31..30): a group passes the carry on when its bits are equal and otherwise
    // generates "a < b" in the group, so that each group is two LUT6 (equal, less) shared by both
    // chains, and the chains cost no LUT. Started with 0 the carry out is a < b, started with 1
    // it is a <= b; equality is a <= b and not a < b. (Yosys's own compare has the same groups
    // but a separate AND tree for equality and the signed correction after the chain.) A signed
    // compare flips the sign bits inside the top group, which has two bits so that its "less"
    // still fits a LUT with the flip.
    Bool signed = funct3.bit(1).not();
    List<Bool> equal = new ArrayList<>();
    List<Bool> less = new ArrayList<>();
    for (int lo = 0; lo < 30; lo += GROUP) {
      UInt x = a.bits(lo + GROUP - 1, lo);
      UInt y = b.bits(lo + GROUP - 1, lo);
      equal.add(x.eq(y));
      less.add(x.lt(y));
    }
    equal.add(a.bits(31, 30).eq(b.bits(31, 30)));
    less.add(a.bit(31).xor(signed).asUInt().cat(a.bit(30)).lt(b.bit(31).xor(signed).asUInt().cat(b.bit(30))));
    UInt generate = Data.catLowFirst(less);
    // generate + (generate ^ equal): each position's sum is equal's bit, its carry the generate.
    UInt other = generate.xor(Data.catLowFirst(equal));
    int n = generate.width();
    Bool lt = generate.addWide(other).bit(n);
    Bool le = generate.cat(lit(1, UInt(1))).addWide(other.cat(lit(1, UInt(1)))).bit(n + 1);
    Bool holds = funct3.bit(2).mux(lt, le.and(lt.not()));
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
