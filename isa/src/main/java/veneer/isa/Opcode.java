package veneer.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one table of the PE's instruction set: RV32I (user level), the M extension and Zicsr.
 *
 * <p>Every other piece of Veneer — encoder, decoder, disassembler, simulator, RTL decoder,
 * kernel compiler — reads encodings from here; nobody re-encodes an instruction by hand.
 * A word {@code w} is this instruction exactly when {@code (w & mask) == match}. The masks are
 * as strict as GNU objdump's: FENCE requires fm, rs1 and rd to be zero, shifts require
 * shamt[5] = 0 (RV32). {@link #ILLEGAL} is not an instruction: it is what the decoder returns
 * for a word that matches no row, so that the hot path needs no exception.
 *
 * <pre>{@code
 * int word = Encoder.encode(Opcode.ADD, 5, 6, 7, 0);   // add x5,x6,x7
 * assert Opcode.ADD.matches(word);
 * }</pre>
 */
public enum Opcode {
    LUI("lui", Format.U, 0x00000037, 0x0000007f),
    AUIPC("auipc", Format.U, 0x00000017, 0x0000007f),
    JAL("jal", Format.J, 0x0000006f, 0x0000007f),
    JALR("jalr", Format.JALR, 0x00000067, 0x0000707f),
    BEQ("beq", Format.B, 0x00000063, 0x0000707f),
    BNE("bne", Format.B, 0x00001063, 0x0000707f),
    BLT("blt", Format.B, 0x00004063, 0x0000707f),
    BGE("bge", Format.B, 0x00005063, 0x0000707f),
    BLTU("bltu", Format.B, 0x00006063, 0x0000707f),
    BGEU("bgeu", Format.B, 0x00007063, 0x0000707f),
    LB("lb", Format.LOAD, 0x00000003, 0x0000707f),
    LH("lh", Format.LOAD, 0x00001003, 0x0000707f),
    LW("lw", Format.LOAD, 0x00002003, 0x0000707f),
    LBU("lbu", Format.LOAD, 0x00004003, 0x0000707f),
    LHU("lhu", Format.LOAD, 0x00005003, 0x0000707f),
    SB("sb", Format.S, 0x00000023, 0x0000707f),
    SH("sh", Format.S, 0x00001023, 0x0000707f),
    SW("sw", Format.S, 0x00002023, 0x0000707f),
    ADDI("addi", Format.I, 0x00000013, 0x0000707f),
    SLTI("slti", Format.I, 0x00002013, 0x0000707f),
    SLTIU("sltiu", Format.I, 0x00003013, 0x0000707f),
    XORI("xori", Format.I, 0x00004013, 0x0000707f),
    ORI("ori", Format.I, 0x00006013, 0x0000707f),
    ANDI("andi", Format.I, 0x00007013, 0x0000707f),
    SLLI("slli", Format.SHIFT, 0x00001013, 0xfe00707f),
    SRLI("srli", Format.SHIFT, 0x00005013, 0xfe00707f),
    SRAI("srai", Format.SHIFT, 0x40005013, 0xfe00707f),
    ADD("add", Format.R, 0x00000033, 0xfe00707f),
    SUB("sub", Format.R, 0x40000033, 0xfe00707f),
    SLL("sll", Format.R, 0x00001033, 0xfe00707f),
    SLT("slt", Format.R, 0x00002033, 0xfe00707f),
    SLTU("sltu", Format.R, 0x00003033, 0xfe00707f),
    XOR("xor", Format.R, 0x00004033, 0xfe00707f),
    SRL("srl", Format.R, 0x00005033, 0xfe00707f),
    SRA("sra", Format.R, 0x40005033, 0xfe00707f),
    OR("or", Format.R, 0x00006033, 0xfe00707f),
    AND("and", Format.R, 0x00007033, 0xfe00707f),
    FENCE("fence", Format.FENCE, 0x0000000f, 0xf00fffff),
    FENCE_TSO("fence.tso", Format.NONE, 0x8330000f, 0xffffffff),
    ECALL("ecall", Format.NONE, 0x00000073, 0xffffffff),
    EBREAK("ebreak", Format.NONE, 0x00100073, 0xffffffff),
    MUL("mul", Format.R, 0x02000033, 0xfe00707f),
    MULH("mulh", Format.R, 0x02001033, 0xfe00707f),
    MULHSU("mulhsu", Format.R, 0x02002033, 0xfe00707f),
    MULHU("mulhu", Format.R, 0x02003033, 0xfe00707f),
    DIV("div", Format.R, 0x02004033, 0xfe00707f),
    DIVU("divu", Format.R, 0x02005033, 0xfe00707f),
    REM("rem", Format.R, 0x02006033, 0xfe00707f),
    REMU("remu", Format.R, 0x02007033, 0xfe00707f),
    CSRRW("csrrw", Format.CSR, 0x00001073, 0x0000707f),
    CSRRS("csrrs", Format.CSR, 0x00002073, 0x0000707f),
    CSRRC("csrrc", Format.CSR, 0x00003073, 0x0000707f),
    CSRRWI("csrrwi", Format.CSR_IMM, 0x00005073, 0x0000707f),
    CSRRSI("csrrsi", Format.CSR_IMM, 0x00006073, 0x0000707f),
    CSRRCI("csrrci", Format.CSR_IMM, 0x00007073, 0x0000707f),
    /** Not an instruction: the decoder's answer for a word that matches no row. */
    ILLEGAL(".4byte", Format.NONE, 0, 0);

    private static final List<Opcode> INSTRUCTIONS;

    static {
        List<Opcode> all = new ArrayList<>(List.of(values()));
        all.remove(ILLEGAL);
        INSTRUCTIONS = Collections.unmodifiableList(all);
    }

    private final String mnemonic;
    private final Format format;
    private final int match;
    private final int mask;

    Opcode(String mnemonic, Format format, int match, int mask) {
        this.mnemonic = mnemonic;
        this.format = format;
        this.match = match;
        this.mask = mask;
    }

    /** Every real instruction of the table, in table order ({@link #ILLEGAL} excluded). */
    public static List<Opcode> instructions() {
        return INSTRUCTIONS;
    }

    /** The assembly mnemonic as GNU as/objdump spell it, e.g. {@code "fence.tso"}. */
    public String mnemonic() {
        return mnemonic;
    }

    /** The operand format. */
    public Format format() {
        return format;
    }

    /** The value of the fixed bits. */
    public int match() {
        return match;
    }

    /** Which bits are fixed by the opcode (the rest are operand fields). */
    public int mask() {
        return mask;
    }

    /** The major opcode, bits [6:0]. */
    public int majorOpcode() {
        return match & 0x7f;
    }

    /** Whether {@code word} encodes this instruction (always false for {@link #ILLEGAL}). */
    public boolean matches(int word) {
        return this != ILLEGAL && (word & mask) == match;
    }

    /** Whether this is one of the M-extension instructions. */
    public boolean isMulDiv() {
        return ordinal() >= MUL.ordinal() && ordinal() <= REMU.ordinal();
    }

    /** Finds an instruction by its mnemonic ({@code "addi"}), or throws naming the mnemonic. */
    public static Opcode byMnemonic(String mnemonic) {
        for (Opcode op : INSTRUCTIONS) {
            if (op.mnemonic.equals(mnemonic)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown RV32IM/Zicsr mnemonic '" + mnemonic
                + "'; expected one of " + INSTRUCTIONS.stream().map(Opcode::mnemonic).toList());
    }
}
