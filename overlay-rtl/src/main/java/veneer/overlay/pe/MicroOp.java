package veneer.overlay.pe;

import veneer.isa.Opcode;

/**
 * What the PE does for one instruction of the ISA table: which unit executes it and how. The
 * encodings themselves live only in {@link Opcode}; this is the PE's meaning of each row, so the
 * {@link Decoder} is the table's match/mask logic plus these control values.
 *
 * <pre>{@code
 * MicroOp.of(Opcode.ADDI)   // ALU, AluOp.ADD, immediate operand
 * }</pre>
 *
 * @param unit the executing unit
 * @param sub the unit's sub-operation: an {@link AluOp}, {@link BranchOp}, {@link MulOp} or
 *     {@link DivOp} ordinal, the access size (0..2) plus 4 for unsigned loads, or for CSR
 *     instructions 1 when the instruction always writes the CSR (CSRRW/CSRRWI)
 * @param useImm whether the ALU's second operand is the immediate rather than rs2
 * @param pcOperand whether the ALU's first operand is the PC (AUIPC)
 */
public record MicroOp(Unit unit, int sub, boolean useImm, boolean pcOperand) {

  /** The executing units, one decoder output bit each. */
  public enum Unit { ALU, BRANCH, JAL, JALR, LOAD, STORE, MUL, DIV, CSR, ECALL, EBREAK, FENCE }

  /** ALU operations. COPY_B passes the second operand (LUI). */
  public enum AluOp { ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND, COPY_B }

  /** Branch conditions. */
  public enum BranchOp { EQ, NE, LT, GE, LTU, GEU }

  /** Multiplications: the low word, or the high word with the operands' signedness. */
  public enum MulOp { MUL, MULH, MULHSU, MULHU }

  /** Divisions: quotient or remainder, signed or not. */
  public enum DivOp { DIV, DIVU, REM, REMU }

  /** Bits of {@link #sub}. */
  public static final int SUB_WIDTH = 4;

  private static MicroOp alu(AluOp op, boolean imm) {
    return new MicroOp(Unit.ALU, op.ordinal(), imm, false);
  }

  private static MicroOp unit(Unit u, int sub) {
    return new MicroOp(u, sub, false, false);
  }

  /** The PE's meaning of {@code op}; every instruction of the table has one. */
  public static MicroOp of(Opcode op) {
    switch (op) {
      case LUI: return alu(AluOp.COPY_B, true);
      case AUIPC: return new MicroOp(Unit.ALU, AluOp.ADD.ordinal(), true, true);
      case JAL: return unit(Unit.JAL, 0);
      case JALR: return unit(Unit.JALR, 0);
      case BEQ: return unit(Unit.BRANCH, BranchOp.EQ.ordinal());
      case BNE: return unit(Unit.BRANCH, BranchOp.NE.ordinal());
      case BLT: return unit(Unit.BRANCH, BranchOp.LT.ordinal());
      case BGE: return unit(Unit.BRANCH, BranchOp.GE.ordinal());
      case BLTU: return unit(Unit.BRANCH, BranchOp.LTU.ordinal());
      case BGEU: return unit(Unit.BRANCH, BranchOp.GEU.ordinal());
      case LB: return unit(Unit.LOAD, 0);
      case LH: return unit(Unit.LOAD, 1);
      case LW: return unit(Unit.LOAD, 2);
      case LBU: return unit(Unit.LOAD, 4);
      case LHU: return unit(Unit.LOAD, 5);
      case SB: return unit(Unit.STORE, 0);
      case SH: return unit(Unit.STORE, 1);
      case SW: return unit(Unit.STORE, 2);
      case ADDI: return alu(AluOp.ADD, true);
      case SLTI: return alu(AluOp.SLT, true);
      case SLTIU: return alu(AluOp.SLTU, true);
      case XORI: return alu(AluOp.XOR, true);
      case ORI: return alu(AluOp.OR, true);
      case ANDI: return alu(AluOp.AND, true);
      case SLLI: return alu(AluOp.SLL, true);
      case SRLI: return alu(AluOp.SRL, true);
      case SRAI: return alu(AluOp.SRA, true);
      case ADD: return alu(AluOp.ADD, false);
      case SUB: return alu(AluOp.SUB, false);
      case SLL: return alu(AluOp.SLL, false);
      case SLT: return alu(AluOp.SLT, false);
      case SLTU: return alu(AluOp.SLTU, false);
      case XOR: return alu(AluOp.XOR, false);
      case SRL: return alu(AluOp.SRL, false);
      case SRA: return alu(AluOp.SRA, false);
      case OR: return alu(AluOp.OR, false);
      case AND: return alu(AluOp.AND, false);
      case FENCE: return unit(Unit.FENCE, 0);
      case FENCE_TSO: return unit(Unit.FENCE, 0);
      case ECALL: return unit(Unit.ECALL, 0);
      case EBREAK: return unit(Unit.EBREAK, 0);
      case MUL: return unit(Unit.MUL, MulOp.MUL.ordinal());
      case MULH: return unit(Unit.MUL, MulOp.MULH.ordinal());
      case MULHSU: return unit(Unit.MUL, MulOp.MULHSU.ordinal());
      case MULHU: return unit(Unit.MUL, MulOp.MULHU.ordinal());
      case DIV: return unit(Unit.DIV, DivOp.DIV.ordinal());
      case DIVU: return unit(Unit.DIV, DivOp.DIVU.ordinal());
      case REM: return unit(Unit.DIV, DivOp.REM.ordinal());
      case REMU: return unit(Unit.DIV, DivOp.REMU.ordinal());
      case CSRRW: return unit(Unit.CSR, 1);
      case CSRRS: return unit(Unit.CSR, 0);
      case CSRRC: return unit(Unit.CSR, 0);
      case CSRRWI: return unit(Unit.CSR, 1);
      case CSRRSI: return unit(Unit.CSR, 0);
      case CSRRCI: return unit(Unit.CSR, 0);
      default:
        throw new IllegalArgumentException("the PE has no meaning for " + op + " (" + op.mnemonic()
            + "); add it to MicroOp.of when the ISA table grows");
    }
  }
}
