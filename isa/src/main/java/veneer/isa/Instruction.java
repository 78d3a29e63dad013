package veneer.isa;

/**
 * One decoded instruction word.
 *
 * <p>Fields a format does not use are 0. {@code imm} is the operand value as the instruction
 * uses it: sign-extended for I/S/B/J, the full 32-bit value (low 12 bits zero) for U, the shift
 * amount for {@link Format#SHIFT}, the 5-bit unsigned immediate for {@link Format#CSR_IMM}
 * (which is also left in {@code rs1}, the field it is encoded in), and the pred/succ byte for
 * {@link Format#FENCE}. An illegal word decodes to {@code opcode == Opcode.ILLEGAL} with every
 * field 0.
 *
 * <pre>{@code
 * Instruction i = Decoder.decode(0xfff30293);   // addi x5,x6,-1
 * i.opcode() == Opcode.ADDI && i.rd() == 5 && i.rs1() == 6 && i.imm() == -1
 * }</pre>
 *
 * @param word the 32-bit encoding
 * @param opcode the instruction, or {@link Opcode#ILLEGAL}
 * @param rd destination register number 0..31
 * @param rs1 first source register number 0..31 (or the CSR uimm)
 * @param rs2 second source register number 0..31
 * @param imm immediate as described above
 * @param csr CSR number 0..4095 for Zicsr instructions
 */
public record Instruction(int word, Opcode opcode, int rd, int rs1, int rs2, int imm, int csr) {

    /** The result for a word that is no instruction of the table. */
    public static Instruction illegal(int word) {
        return new Instruction(word, Opcode.ILLEGAL, 0, 0, 0, 0, 0);
    }

    /** Whether the word is an instruction of the table. */
    public boolean isLegal() {
        return opcode != Opcode.ILLEGAL;
    }

    /** The objdump-style text, with branch/jump targets relative to {@code pc}. */
    public String toString(int pc) {
        return Disassembler.disassemble(this, pc);
    }

    @Override
    public String toString() {
        return String.format("%08x %s", word, Disassembler.disassemble(this, 0));
    }
}
