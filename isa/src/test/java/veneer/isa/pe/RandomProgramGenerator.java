package veneer.isa.pe;

import java.util.List;
import java.util.Random;

/**
 * Generates a seeded random assembly function {@code rand_body(uint32_t *out)}: random values in
 * x5..x31 (except x3/x4 as memory base and x2 = sp), then ALU, M, load/store and forward-branch
 * instructions and one short counted backward loop, then stores x5..x31 to {@code out}.
 * Nothing depends on addresses, so the PE and qemu must end with the same registers.
 */
final class RandomProgramGenerator {
    private static final List<String> R = List.of("add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
            "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu");
    private static final List<String> I = List.of("addi", "slti", "sltiu", "xori", "ori", "andi");
    private static final List<String> SHIFT = List.of("slli", "srli", "srai");
    private static final List<String> BRANCH = List.of("beq", "bne", "blt", "bge", "bltu", "bgeu");
    private static final int[] EDGE = {0, 1, -1, 0x7fffffff, 0x80000000, 31, 32, -2048, 2047};
    private static final int FRAME = 160;

    private RandomProgramGenerator() {
    }

    static String generate(long seed, int length) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder();
        s.append("# generated with seed ").append(seed).append("\n    .text\n    .globl rand_body\nrand_body:\n");
        s.append("    addi sp, sp, -").append(FRAME).append('\n');
        s.append("    sw a0, 0(sp)\n    sw ra, 4(sp)\n");
        int[] saved = {8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 3, 4};
        for (int k = 0; k < saved.length; k++) {
            s.append("    sw x").append(saved[k]).append(", ").append(8 + 4 * k).append("(sp)\n");
        }
        s.append("    la x3, buffer\n");
        for (int r = 5; r < 32; r++) {
            int v = rnd.nextInt(4) == 0 ? EDGE[rnd.nextInt(EDGE.length)] : rnd.nextInt();
            s.append("    li x").append(r).append(", ").append(v).append('\n');
        }
        int label = 0;
        for (int n = 0; n < length; n++) {
            int kind = rnd.nextInt(10);
            String rd = reg(rnd);
            if (kind < 4) {
                s.append("    ").append(R.get(rnd.nextInt(R.size()))).append(' ').append(rd).append(", ")
                        .append(reg(rnd)).append(", ").append(reg(rnd)).append('\n');
            } else if (kind < 6) {
                s.append("    ").append(I.get(rnd.nextInt(I.size()))).append(' ').append(rd).append(", ")
                        .append(reg(rnd)).append(", ").append(rnd.nextInt(4096) - 2048).append('\n');
            } else if (kind == 6) {
                s.append("    ").append(SHIFT.get(rnd.nextInt(SHIFT.size()))).append(' ').append(rd).append(", ")
                        .append(reg(rnd)).append(", ").append(rnd.nextInt(32)).append('\n');
            } else if (kind == 7) {
                String[] loads = {"lb", "lbu", "lh", "lhu", "lw"};
                int size = 1 << rnd.nextInt(3);
                if (rnd.nextBoolean()) {
                    String op = size == 4 ? "sw" : size == 2 ? "sh" : "sb";
                    s.append("    ").append(op).append(' ').append(reg(rnd)).append(", ").append(size * rnd.nextInt(64 / size)).append("(x3)\n");
                } else {
                    String op = size == 4 ? "lw" : size == 2 ? loads[2 + rnd.nextInt(2)] : loads[rnd.nextInt(2)];
                    s.append("    ").append(op).append(' ').append(rd).append(", ").append(size * rnd.nextInt(64 / size)).append("(x3)\n");
                }
            } else if (kind == 8) {
                s.append("    ").append(BRANCH.get(rnd.nextInt(BRANCH.size()))).append(' ').append(reg(rnd)).append(", ")
                        .append(reg(rnd)).append(", 1f\n");
                for (int k = rnd.nextInt(3); k >= 0; k--) {
                    s.append("    addi ").append(reg(rnd)).append(", ").append(reg(rnd)).append(", ").append(rnd.nextInt(100)).append('\n');
                }
                s.append("1:\n");
            } else {
                // a counted backward loop; the counter register is one of the random ones
                String c = reg(rnd);
                String acc = reg(rnd);
                while (acc.equals(c)) {
                    acc = reg(rnd);
                }
                String l = "loop" + label++;
                s.append("    li ").append(c).append(", ").append(1 + rnd.nextInt(5)).append('\n');
                s.append(l).append(":\n    mul ").append(acc).append(", ").append(acc).append(", ").append(reg(rnd)).append('\n');
                s.append("    addi ").append(acc).append(", ").append(acc).append(", 1\n");
                s.append("    addi ").append(c).append(", ").append(c).append(", -1\n");
                s.append("    bnez ").append(c).append(", ").append(l).append('\n');
            }
        }
        s.append("    lw x3, 0(sp)\n");
        for (int r = 5; r < 32; r++) {
            s.append("    sw x").append(r).append(", ").append(4 * (r - 5)).append("(x3)\n");
        }
        for (int k = 0; k < saved.length; k++) {
            s.append("    lw x").append(saved[k]).append(", ").append(8 + 4 * k).append("(sp)\n");
        }
        s.append("    lw ra, 4(sp)\n    addi sp, sp, ").append(FRAME).append("\n    ret\n");
        s.append("    .data\n    .align 2\nbuffer:\n");
        for (int k = 0; k < 16; k++) {
            s.append("    .word ").append(rnd.nextInt()).append('\n');
        }
        return s.toString();
    }

    private static String reg(Random rnd) {
        return "x" + (5 + rnd.nextInt(27));
    }
}
