package veneer.isa;

/**
 * Builds 32-bit instruction words from fields, checking every field's range.
 *
 * <p>The general entry point is {@link #encode(Opcode, int, int, int, int)}, which takes the
 * fields with the meaning {@link Instruction} documents (for U-type the immediate is the 32-bit
 * value with its low 12 bits zero; branch/jump immediates are byte offsets from the
 * instruction). Typed helpers cover each format. A bad field throws {@link EncodingException}
 * with a message such as {@code "addi: immediate 4096 out of range -2048..2047"}.
 *
 * <pre>{@code
 * int add  = Encoder.r(Opcode.ADD, 5, 6, 7);          // add x5,x6,x7
 * int lw   = Encoder.i(Opcode.LW, 10, 2, -8);         // lw x10,-8(x2)
 * int beq  = Encoder.b(Opcode.BEQ, 1, 2, -16);        // beq x1,x2,pc-16
 * int lui  = Encoder.u(Opcode.LUI, 5, 0x12345000);    // lui x5,0x12345
 * int csr  = Encoder.csr(Opcode.CSRRS, 10, 0xf14, 0); // csrrs x10,mhartid,x0
 * }</pre>
 */
public final class Encoder {
    private Encoder() {
    }

    /**
     * Encodes any instruction. Fields the format does not use must be 0. For CSR formats,
     * pass the CSR number as {@code imm} and, for {@link Format#CSR_IMM}, the 5-bit unsigned
     * immediate as {@code rs1}.
     */
    public static int encode(Opcode op, int rd, int rs1, int rs2, int imm) {
        if (op == null || op == Opcode.ILLEGAL) {
            throw new EncodingException("cannot encode " + op + ": expected an instruction of the Opcode table");
        }
        Format f = op.format();
        if (!f.hasRd() && f != Format.S && f != Format.B) {
            unused(op, "rd", rd);
        }
        switch (f) {
            case R:
                return r(op, rd, rs1, rs2);
            case I:
            case LOAD:
            case JALR:
            case SHIFT:
                unused(op, "rs2", rs2);
                return i(op, rd, rs1, imm);
            case S:
                unused(op, "rd", rd);
                return s(op, rs1, rs2, imm);
            case B:
                unused(op, "rd", rd);
                return b(op, rs1, rs2, imm);
            case U:
                unused(op, "rs1", rs1);
                unused(op, "rs2", rs2);
                return u(op, rd, imm);
            case J:
                unused(op, "rs1", rs1);
                unused(op, "rs2", rs2);
                return j(op, rd, imm);
            case CSR:
            case CSR_IMM:
                unused(op, "rs2", rs2);
                return csr(op, rd, imm, rs1);
            case FENCE:
                unused(op, "rs1", rs1);
                unused(op, "rs2", rs2);
                range(op, "pred/succ byte", imm, 0, 255);
                return fence(imm >>> 4, imm & 0xf);
            default:
                unused(op, "rs1", rs1);
                unused(op, "rs2", rs2);
                unused(op, "imm", imm);
                return op.match();
        }
    }

    /** Re-encodes a decoded instruction (the inverse of {@link Decoder#decode(int)}). */
    public static int encode(Instruction ins) {
        Format f = ins.opcode().format();
        if (f == Format.CSR || f == Format.CSR_IMM) {
            return csr(ins.opcode(), ins.rd(), ins.csr(), ins.rs1());
        }
        return encode(ins.opcode(), ins.rd(), ins.rs1(), ins.rs2(), ins.imm());
    }

    /** R-type: {@code op rd,rs1,rs2}. */
    public static int r(Opcode op, int rd, int rs1, int rs2) {
        expect(op, Format.R);
        return op.match() | reg(op, "rd", rd) << 7 | reg(op, "rs1", rs1) << 15 | reg(op, "rs2", rs2) << 20;
    }

    /** I-type, loads, JALR ({@code imm} -2048..2047) and shifts ({@code imm} = shamt 0..31). */
    public static int i(Opcode op, int rd, int rs1, int imm) {
        Format f = op.format();
        if (f == Format.SHIFT) {
            range(op, "shift amount", imm, 0, 31);
        } else if (f == Format.I || f == Format.LOAD || f == Format.JALR) {
            range(op, "immediate", imm, -2048, 2047);
        } else {
            throw wrongFormat(op, "I, LOAD, JALR or SHIFT");
        }
        return op.match() | reg(op, "rd", rd) << 7 | reg(op, "rs1", rs1) << 15 | (imm & 0xfff) << 20;
    }

    /** Stores: {@code op rs2,imm(rs1)}, {@code imm} -2048..2047. */
    public static int s(Opcode op, int rs1, int rs2, int imm) {
        expect(op, Format.S);
        range(op, "offset", imm, -2048, 2047);
        return op.match() | (imm & 0x1f) << 7 | reg(op, "rs1", rs1) << 15 | reg(op, "rs2", rs2) << 20
                | (imm >> 5 & 0x7f) << 25;
    }

    /** Branches: {@code offset} is even, -4096..4094 bytes from this instruction. */
    public static int b(Opcode op, int rs1, int rs2, int offset) {
        expect(op, Format.B);
        range(op, "branch offset", offset, -4096, 4094);
        even(op, offset);
        return op.match() | (offset >> 11 & 1) << 7 | (offset >> 1 & 0xf) << 8 | reg(op, "rs1", rs1) << 15
                | reg(op, "rs2", rs2) << 20 | (offset >> 5 & 0x3f) << 25 | (offset >> 12 & 1) << 31;
    }

    /** LUI/AUIPC: {@code value} is the 32-bit result's upper part, its low 12 bits must be 0. */
    public static int u(Opcode op, int rd, int value) {
        expect(op, Format.U);
        if ((value & 0xfff) != 0) {
            throw new EncodingException(op.mnemonic() + ": upper immediate 0x" + Integer.toHexString(value)
                    + " has non-zero low 12 bits; expected a multiple of 0x1000 (pass field << 12)");
        }
        return op.match() | reg(op, "rd", rd) << 7 | value;
    }

    /** JAL: {@code offset} is even, -1048576..1048574 bytes from this instruction. */
    public static int j(Opcode op, int rd, int offset) {
        expect(op, Format.J);
        range(op, "jump offset", offset, -(1 << 20), (1 << 20) - 2);
        even(op, offset);
        return op.match() | reg(op, "rd", rd) << 7 | (offset >> 12 & 0xff) << 12 | (offset >> 11 & 1) << 20
                | (offset >> 1 & 0x3ff) << 21 | (offset >> 20 & 1) << 31;
    }

    /** Zicsr: {@code source} is rs1 for CSRRW/S/C and the 5-bit immediate for the *I forms. */
    public static int csr(Opcode op, int rd, int csr, int source) {
        if (op.format() != Format.CSR && op.format() != Format.CSR_IMM) {
            throw wrongFormat(op, "CSR or CSR_IMM");
        }
        range(op, "CSR number", csr, 0, 4095);
        int src = op.format() == Format.CSR ? reg(op, "rs1", source) : uimm5(op, source);
        return op.match() | reg(op, "rd", rd) << 7 | src << 15 | csr << 20;
    }

    /** FENCE with predecessor and successor sets, each 4 bits i,o,r,w (8,4,2,1). */
    public static int fence(int pred, int succ) {
        range(Opcode.FENCE, "predecessor set", pred, 0, 15);
        range(Opcode.FENCE, "successor set", succ, 0, 15);
        return Opcode.FENCE.match() | pred << 24 | succ << 20;
    }

    private static int uimm5(Opcode op, int v) {
        range(op, "5-bit immediate", v, 0, 31);
        return v;
    }

    private static int reg(Opcode op, String field, int r) {
        if (r < 0 || r > 31) {
            throw new EncodingException(op.mnemonic() + ": " + field + " register x" + r
                    + " out of range; expected x0..x31");
        }
        return r;
    }

    private static void range(Opcode op, String what, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new EncodingException(op.mnemonic() + ": " + what + " " + v + " out of range " + lo + ".." + hi);
        }
    }

    private static void even(Opcode op, int offset) {
        if ((offset & 1) != 0) {
            throw new EncodingException(op.mnemonic() + ": offset " + offset + " is odd; expected a multiple of 2");
        }
    }

    private static void unused(Opcode op, String field, int v) {
        if (v != 0) {
            throw new EncodingException(op.mnemonic() + " has no " + field + " field; expected 0, found " + v);
        }
    }

    private static void expect(Opcode op, Format f) {
        if (op.format() != f) {
            throw wrongFormat(op, f.name());
        }
    }

    private static EncodingException wrongFormat(Opcode op, String expected) {
        return new EncodingException(op.mnemonic() + " is format " + op.format() + "; expected format " + expected);
    }
}
