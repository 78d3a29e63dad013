package veneer.isa;

/**
 * How an instruction's fields sit in its 32-bit word and how its operands are written.
 *
 * <p>The encoding formats of the RISC-V spec (R, I, S, B, U, J) are split where the assembly
 * syntax differs: {@link #LOAD} and {@link #JALR} are I-type written as {@code rd,imm(rs1)},
 * {@link #SHIFT} is I-type with a 5-bit shift amount, {@link #CSR}/{@link #CSR_IMM} are I-type
 * with a CSR number, {@link #FENCE} carries predecessor/successor sets, {@link #NONE} has no
 * operand fields at all.
 *
 * <pre>{@code
 * Opcode.ADDI.format() == Format.I   // addi x5,x6,-1
 * }</pre>
 */
public enum Format {
    /** {@code rd,rs1,rs2}. */
    R(true, true, true),
    /** {@code rd,rs1,imm} with a signed 12-bit immediate. */
    I(true, true, false),
    /** {@code rd,rs1,shamt} with a 5-bit shift amount (RV32). */
    SHIFT(true, true, false),
    /** {@code rd,imm(rs1)}: loads. */
    LOAD(true, true, false),
    /** {@code rd,imm(rs1)}: indirect jump. */
    JALR(true, true, false),
    /** {@code rs2,imm(rs1)}: stores, signed 12-bit offset. */
    S(false, true, true),
    /** {@code rs1,rs2,target}: branches, signed 13-bit even offset. */
    B(false, true, true),
    /** {@code rd,upper}: the immediate is the 32-bit value with its low 12 bits zero. */
    U(true, false, false),
    /** {@code rd,target}: signed 21-bit even offset. */
    J(true, false, false),
    /** {@code pred,succ}: the immediate holds the low 8 bits pred[7:4] succ[3:0]. */
    FENCE(false, false, false),
    /** {@code rd,csr,rs1}. */
    CSR(true, true, false),
    /** {@code rd,csr,uimm}: the 5-bit unsigned immediate sits in the rs1 field. */
    CSR_IMM(true, false, false),
    /** No operands (ECALL, EBREAK, FENCE.TSO). */
    NONE(false, false, false);

    private final boolean hasRd;
    private final boolean hasRs1;
    private final boolean hasRs2;

    Format(boolean hasRd, boolean hasRs1, boolean hasRs2) {
        this.hasRd = hasRd;
        this.hasRs1 = hasRs1;
        this.hasRs2 = hasRs2;
    }

    /** Whether the rd field names a destination register. */
    public boolean hasRd() {
        return hasRd;
    }

    /** Whether the rs1 field names a source register. */
    public boolean hasRs1() {
        return hasRs1;
    }

    /** Whether the rs2 field names a source register. */
    public boolean hasRs2() {
        return hasRs2;
    }
}
