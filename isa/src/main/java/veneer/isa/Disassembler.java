package veneer.isa;

/**
 * Prints instructions exactly as {@code riscv64-unknown-elf-objdump -M no-aliases,numeric}
 * does for a raw binary ({@code -b binary -m riscv:rv32}).
 *
 * <p>The form: mnemonic, one tab, operands separated by commas without spaces; registers as
 * {@code x0..x31}; I/S immediates and load/store offsets in signed decimal; shift amounts and
 * U-type immediates in hex ({@code 0x1f}, {@code 0x12345}); branch and jump targets as the
 * absolute 32-bit address in hex ({@code 0x1c}); CSRs by standard name or hex; CSR immediates
 * in decimal; FENCE sets as letters ({@code iorw}, {@code unknown} for none). Words that are no
 * instruction print as {@code .4byte\t0x...}. objdump's trailing address comments
 * ({@code # 0x...}, which it derives from earlier lui/auipc) are not part of the text.
 *
 * <pre>{@code
 * Disassembler.disassemble(0x008000ef, 0xc)   // "jal\tx1,0x14"
 * Disassembler.disassemble(0xfff30293, 0)     // "addi\tx5,x6,-1"
 * }</pre>
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** Decodes and prints {@code word} located at address {@code pc}. */
    public static String disassemble(int word, int pc) {
        return disassemble(Decoder.decode(word), pc);
    }

    /** Prints a decoded instruction located at address {@code pc}. */
    public static String disassemble(Instruction ins, int pc) {
        Opcode op = ins.opcode();
        String m = op.mnemonic() + "\t";
        switch (op.format()) {
            case R:
                return m + x(ins.rd()) + "," + x(ins.rs1()) + "," + x(ins.rs2());
            case I:
                return m + x(ins.rd()) + "," + x(ins.rs1()) + "," + ins.imm();
            case SHIFT:
                return m + x(ins.rd()) + "," + x(ins.rs1()) + "," + hex(ins.imm());
            case LOAD:
            case JALR:
                return m + x(ins.rd()) + "," + ins.imm() + "(" + x(ins.rs1()) + ")";
            case S:
                return m + x(ins.rs2()) + "," + ins.imm() + "(" + x(ins.rs1()) + ")";
            case B:
                return m + x(ins.rs1()) + "," + x(ins.rs2()) + "," + hex(pc + ins.imm());
            case U:
                return m + x(ins.rd()) + "," + hex(ins.imm() >>> 12);
            case J:
                return m + x(ins.rd()) + "," + hex(pc + ins.imm());
            case FENCE:
                return m + fenceSet(ins.imm() >>> 4) + "," + fenceSet(ins.imm() & 0xf);
            case CSR:
                return m + x(ins.rd()) + "," + CsrNames.format(ins.csr()) + "," + x(ins.rs1());
            case CSR_IMM:
                return m + x(ins.rd()) + "," + CsrNames.format(ins.csr()) + "," + ins.imm();
            default:
                return op == Opcode.ILLEGAL ? m + hex(ins.word()) : op.mnemonic();
        }
    }

    /** The numeric register name {@code x<n>}. */
    public static String x(int reg) {
        return "x" + reg;
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    private static String fenceSet(int set) {
        if (set == 0) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder();
        if ((set & 8) != 0) {
            sb.append('i');
        }
        if ((set & 4) != 0) {
            sb.append('o');
        }
        if ((set & 2) != 0) {
            sb.append('r');
        }
        if ((set & 1) != 0) {
            sb.append('w');
        }
        return sb.toString();
    }
}
