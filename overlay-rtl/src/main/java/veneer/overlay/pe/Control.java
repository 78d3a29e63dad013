package veneer.overlay.pe;

import java.util.Locale;
import veneer.isa.Opcode;

/**
 * The decoder's control outputs besides the unit bits: the values Pe registers into S2, each
 * defined per row of the ISA table from its {@link MicroOp}, and left undefined (null) for the
 * rows where S2 does not read it. The {@link Decoder} builds each bit from as few instruction
 * bits as tell the rows that set it from the rows that clear it; a don't-care row and an illegal
 * word may give anything. (The sub-operations of loads, stores, divisions and CSR instructions
 * need no control: they are the instruction's funct3, see {@link Decoder#funct3}.)
 *
 * <pre>{@code
 * Control.ALU_SEL.of(Opcode.SUB)    // Alu.Result.DIFF's ordinal
 * Control.MUL_RESULT.of(Opcode.ADD) // 0: S2's result is the ALU's
 * }</pre>
 */
public enum Control {
  /**
   * The {@link Alu.Result}: additions for addresses and targets; SUM for a division, whose result
   * is x0 plus the divider's magnitude (Pe sets the "subtracts" bit when it is negated).
   */
  ALU_SEL(Alu.SEL_WIDTH),
  /**
   * The ALU's and multiplier's second operand is the immediate rather than rs2; for a division
   * it is the divider's result (which Pe ORs with the immediate, 0 for divisions).
   */
  USE_IMM(1),
  /** The ALU adds to the PC rather than to rs1 (AUIPC, branch and JAL targets). */
  PC_OPERAND(1),
  /**
   * S2's result is the multiplier's (multiplications, shifts) rather than the ALU's (the other ALU
   * operations, divisions). Defined for those rows only: S2 tells them from CSR instructions and
   * jumps, and those two apart, by instruction bits (see {@link #resultSource}), so that this is
   * one LUT where a 2-bit code needed seven instruction bits for one of its bits.
   */
  MUL_RESULT(1),
  /** ECALL: rs1 is read as x10 (a0), the exit code. */
  READS_A0(1),
  /** Reads rs1 (the scoreboard checks it): all but JAL and AUIPC. */
  USES_RS1(1),
  /** Reads rs2: branches, stores, multiplications, divisions and register-register ALU ops. */
  USES_RS2(1),
  /** The format has a destination register. */
  WRITES_RD(1);

  /** S2's result sources, as Pe's 2-bit code: bit 1 is {@link #RESULT_GROUP_BIT} of the instruction. */
  public static final int RESULT_ALU = 0;
  public static final int RESULT_MUL = 1;
  public static final int RESULT_CSR = 2;
  public static final int RESULT_LINK = 3;
  /** The instruction bit (opcode bit 6): 1 for CSR instructions and jumps, 0 for ALU, multiplier and divider rows. */
  public static final int RESULT_GROUP_BIT = 6;
  /** The instruction bit (opcode bit 2) that tells jumps (1) from CSR instructions (0). */
  public static final int RESULT_LINK_BIT = 2;

  /** Bits of the output. */
  public final int width;

  Control(int width) {
    this.width = width;
  }

  /** The decoder's output port name, for example {@code alu_sel}. */
  public String port() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value for {@code op}, or null where S2 does not read it. */
  public Integer of(Opcode op) {
    MicroOp m = MicroOp.of(op);
    MicroOp.Unit u = m.unit();
    boolean alu = u == MicroOp.Unit.ALU;
    Multiplier.Mode shift = alu ? shiftMode(m) : null;
    // Units whose S2 work is an addition of the immediate (to rs1 or the PC).
    boolean adds = u == MicroOp.Unit.LOAD || u == MicroOp.Unit.STORE || u == MicroOp.Unit.JAL
        || u == MicroOp.Unit.JALR || u == MicroOp.Unit.BRANCH || Decoder.isStop(u);
    switch (this) {
      case ALU_SEL:
        if (adds) {
          return Alu.Result.SUM.ordinal();
        }
        if (u == MicroOp.Unit.DIV) {
          return Alu.Result.SUM.ordinal();
        }
        return alu && shift == null ? aluResult(MicroOp.AluOp.values()[m.sub()]).ordinal() : null;
      case USE_IMM:
        if (adds || u == MicroOp.Unit.MUL || alu || u == MicroOp.Unit.DIV) {
          return bit(adds || alu && m.useImm() || u == MicroOp.Unit.DIV);
        }
        return null;
      case PC_OPERAND:
        if (adds || alu && shift == null || u == MicroOp.Unit.DIV) {
          return bit(u == MicroOp.Unit.JAL || u == MicroOp.Unit.BRANCH || m.pcOperand());
        }
        return null;
      case MUL_RESULT:
        Integer source = resultSource(op);
        return source == null || source == RESULT_CSR || source == RESULT_LINK ? null : bit(source == RESULT_MUL);
      case READS_A0:
        return bit(u == MicroOp.Unit.ECALL);
      case USES_RS1:
        return bit(!(u == MicroOp.Unit.JAL || m.pcOperand()));
      case USES_RS2:
        return bit(u == MicroOp.Unit.BRANCH || u == MicroOp.Unit.STORE || u == MicroOp.Unit.MUL
            || u == MicroOp.Unit.DIV || alu && !m.useImm());
      case WRITES_RD:
        return bit(op.format().hasRd());
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * S2's result source for {@code op} ({@link #RESULT_ALU}, {@link #RESULT_MUL}, {@link #RESULT_CSR},
   * {@link #RESULT_LINK}), or null for the rows that write no register or whose value comes from
   * memory (loads).
   */
  public static Integer resultSource(Opcode op) {
    MicroOp m = MicroOp.of(op);
    MicroOp.Unit u = m.unit();
    boolean alu = u == MicroOp.Unit.ALU;
    if (u == MicroOp.Unit.JAL || u == MicroOp.Unit.JALR) {
      return RESULT_LINK;
    }
    if (u == MicroOp.Unit.CSR) {
      return RESULT_CSR;
    }
    if (u == MicroOp.Unit.MUL || alu && shiftMode(m) != null) {
      return RESULT_MUL;
    }
    return alu || u == MicroOp.Unit.DIV ? RESULT_ALU : null;
  }

  /**
   * The result source S2 derives from the word and {@link #MUL_RESULT}: bit 1 of the code is the
   * word's {@link #RESULT_GROUP_BIT}, bit 0 its {@link #RESULT_LINK_BIT} where that is 1, else
   * {@code mulResult}. Pe builds the same from the registered instruction.
   */
  public static int resultSource(int word, boolean mulResult) {
    boolean group = (word >>> RESULT_GROUP_BIT & 1) != 0;
    boolean low = group ? (word >>> RESULT_LINK_BIT & 1) != 0 : mulResult;
    return (group ? 2 : 0) | (low ? 1 : 0);
  }

  /**
   * Checks {@link #resultSource(int, boolean)} against {@link #resultSource(Opcode)} for every row
   * with a result: the ISA table must fix the two bits, and the codes must be these.
   */
  static void checkResultBits() {
    if (RESULT_ALU != 0 || RESULT_MUL != 1 || RESULT_CSR != 2 || RESULT_LINK != 3) {
      throw new IllegalStateException("the result codes must be ALU 0, MUL 1, CSR 2, LINK 3 (bit 1 the group bit)");
    }
    int bits = 1 << RESULT_GROUP_BIT | 1 << RESULT_LINK_BIT;
    for (Opcode op : Opcode.instructions()) {
      Integer source = resultSource(op);
      if (source == null) {
        continue;
      }
      Integer mul = MUL_RESULT.of(op);
      if ((op.mask() & bits) != bits || resultSource(op.match(), mul != null && mul == 1) != source) {
        throw new IllegalStateException(op + "'s result source " + source + " is not what S2 derives from bits "
            + RESULT_GROUP_BIT + " and " + RESULT_LINK_BIT + " of match " + Integer.toHexString(op.match()));
      }
    }
  }

  private static Integer bit(boolean b) {
    return b ? 1 : 0;
  }

  /**
   * The {@link Multiplier.Mode} of {@code op}: multiplications and shifts; null for the others.
   * The multiplier takes it from the instruction's bits (see {@link #checkMulModeBits}).
   */
  public static Multiplier.Mode mulMode(Opcode op) {
    MicroOp m = MicroOp.of(op);
    if (m.unit() == MicroOp.Unit.MUL) {
      return Multiplier.Mode.values()[m.sub()];
    }
    return m.unit() == MicroOp.Unit.ALU ? shiftMode(m) : null;
  }

  /**
   * Checks that the ISA table fixes {@link Multiplier#MODE_BITS} of every multiplication and
   * shift to {@link Multiplier#encoding} of its mode: Pe passes those bits of the instruction to
   * the multiplier as they are.
   */
  static void checkMulModeBits() {
    int bits = Multiplier.MODE_BITS;
    for (Opcode op : Opcode.instructions()) {
      Multiplier.Mode mode = mulMode(op);
      if (mode != null && ((op.mask() & bits) != bits || (op.match() & bits) != Multiplier.encoding(mode))) {
        throw new IllegalStateException(op + " (" + mode + ") has match " + Integer.toHexString(op.match()) + " mask "
            + Integer.toHexString(op.mask()) + "; the multiplier decodes its mode as "
            + Integer.toHexString(Multiplier.encoding(mode)) + " in bits " + Integer.toHexString(bits));
      }
    }
  }

  /** The multiplier's mode of an ALU shift, or null for any other ALU op. */
  private static Multiplier.Mode shiftMode(MicroOp m) {
    MicroOp.AluOp op = MicroOp.AluOp.values()[m.sub()];
    switch (op) {
      case SLL: return Multiplier.Mode.SLL;
      case SRL: return Multiplier.Mode.SRL;
      case SRA: return Multiplier.Mode.SRA;
      default: return null;
    }
  }

  private static Alu.Result aluResult(MicroOp.AluOp op) {
    switch (op) {
      case ADD: return Alu.Result.SUM;
      case SUB: return Alu.Result.DIFF;
      case SLT: return Alu.Result.SLT;
      case SLTU: return Alu.Result.SLTU;
      case XOR: return Alu.Result.XOR;
      case OR: return Alu.Result.OR;
      case AND: return Alu.Result.AND;
      case COPY_B: return Alu.Result.COPY_B;
      default: throw new IllegalArgumentException("no ALU result for " + op + " (the multiplier shifts)");
    }
  }
}
