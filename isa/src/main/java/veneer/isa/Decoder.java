package veneer.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns 32-bit words into {@link Instruction}s using the {@link Opcode} table.
 *
 * <p>Never throws for any word: a word that matches no row decodes to an instruction whose
 * opcode is {@link Opcode#ILLEGAL}. Rows are grouped by major opcode so a decode looks at a
 * handful of candidates.
 *
 * <pre>{@code
 * Instruction i = Decoder.decode(0x023100b3);   // mul x1,x2,x3
 * if (!i.isLegal()) { ... raise illegal-instruction ... }
 * }</pre>
 */
public final class Decoder {
    private static final Opcode[][] BY_MAJOR = new Opcode[128][];

    static {
        List<List<Opcode>> groups = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            groups.add(new ArrayList<>());
        }
        for (Opcode op : Opcode.instructions()) {
            groups.get(op.majorOpcode()).add(op);
        }
        for (int i = 0; i < 128; i++) {
            BY_MAJOR[i] = groups.get(i).toArray(new Opcode[0]);
        }
    }

    private Decoder() {
    }

    /** The table row {@code word} encodes, or {@link Opcode#ILLEGAL}. */
    public static Opcode opcodeOf(int word) {
        for (Opcode op : BY_MAJOR[word & 0x7f]) {
            if ((word & op.mask()) == op.match()) {
                return op;
            }
        }
        return Opcode.ILLEGAL;
    }

    /** Decodes one word; illegal words give {@link Instruction#illegal(int)}. */
    public static Instruction decode(int word) {
        Opcode op = opcodeOf(word);
        if (op == Opcode.ILLEGAL) {
            return Instruction.illegal(word);
        }
        int rd = (word >>> 7) & 0x1f;
        int rs1 = (word >>> 15) & 0x1f;
        int rs2 = (word >>> 20) & 0x1f;
        switch (op.format()) {
            case R:
                return new Instruction(word, op, rd, rs1, rs2, 0, 0);
            case I:
            case LOAD:
            case JALR:
                return new Instruction(word, op, rd, rs1, 0, word >> 20, 0);
            case SHIFT:
                return new Instruction(word, op, rd, rs1, 0, rs2, 0);
            case S:
                return new Instruction(word, op, 0, rs1, rs2, immS(word), 0);
            case B:
                return new Instruction(word, op, 0, rs1, rs2, immB(word), 0);
            case U:
                return new Instruction(word, op, rd, 0, 0, word & 0xfffff000, 0);
            case J:
                return new Instruction(word, op, rd, 0, 0, immJ(word), 0);
            case FENCE:
                return new Instruction(word, op, 0, 0, 0, (word >>> 20) & 0xff, 0);
            case CSR:
                return new Instruction(word, op, rd, rs1, 0, 0, word >>> 20);
            case CSR_IMM:
                return new Instruction(word, op, rd, rs1, 0, rs1, word >>> 20);
            default:
                return new Instruction(word, op, 0, 0, 0, 0, 0);
        }
    }

    static int immS(int w) {
        return ((w >> 25) << 5) | ((w >>> 7) & 0x1f);
    }

    static int immB(int w) {
        return ((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 0x3f) << 5)
                | (((w >>> 8) & 0xf) << 1);
    }

    static int immJ(int w) {
        return ((w >> 31) << 20) | (((w >>> 12) & 0xff) << 12) | (((w >>> 20) & 1) << 11)
                | (((w >>> 21) & 0x3ff) << 1);
    }
}
