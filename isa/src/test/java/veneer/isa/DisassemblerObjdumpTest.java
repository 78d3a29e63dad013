package veneer.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.isa.testing.Tools;

/** The disassembler's text equals GNU objdump's, word for word, for every form and edge immediate. */
class DisassemblerObjdumpTest {
    private static final long SEED = 0x5eed_15aL;
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]{8})\\s*\\t(.*)$");

    @TempDir
    Path dir;

    @Test
    void everyFormAndEdgeImmediateMatchesObjdump() throws IOException {
        List<Integer> words = new ArrayList<>();
        Random rnd = new Random(SEED);
        for (Opcode op : Opcode.instructions()) {
            for (int k = 0; k < 60; k++) {
                words.add(op.match() | (rnd.nextInt() & ~op.mask()));
            }
        }
        words.addAll(handPicked());
        Map<Integer, String> objdump = objdump(words);
        int checked = 0;
        for (int idx = 0; idx < words.size(); idx++) {
            int word = words.get(idx);
            int pc = idx * 4;
            String ours = Disassembler.disassemble(word, pc);
            assertTrue(Decoder.decode(word).isLegal(), () -> String.format("seed %x: %08x should be legal", SEED, word));
            assertEquals(objdump.get(pc), ours, String.format("seed %x: word %08x at pc 0x%x", SEED, word, pc));
            assertEquals(word, Encoder.encode(Decoder.decode(word)), String.format("re-encode %08x", word));
            checked++;
        }
        assertTrue(checked > 3000, "expected a few thousand words, checked " + checked);
    }

    @Test
    void randomWordsOurIllegalsAreObjdumpUnknownsOrOtherExtensions() throws IOException {
        Random rnd = new Random(SEED + 1);
        List<Integer> words = new ArrayList<>();
        while (words.size() < 3000) {
            int w = rnd.nextInt();
            if (rnd.nextBoolean()) {
                // bias towards the major opcodes the table uses, so near-misses are covered
                int[] majors = {0x03, 0x0f, 0x13, 0x17, 0x23, 0x33, 0x37, 0x63, 0x67, 0x6f, 0x73};
                w = (w & ~0x7f) | majors[rnd.nextInt(majors.length)];
            }
            // only 32-bit length encodings; 16/48/64-bit ones are another instruction length
            if ((w & 3) == 3 && (w & 0x1c) != 0x1c) {
                words.add(w);
            }
        }
        Map<Integer, String> objdump = objdump(words);
        Set<String> ourMnemonics = Opcode.instructions().stream().map(Opcode::mnemonic).collect(Collectors.toSet());
        int legal = 0;
        int illegal = 0;
        for (int idx = 0; idx < words.size(); idx++) {
            int word = words.get(idx);
            int pc = idx * 4;
            Instruction ins = Decoder.decode(word);
            String theirs = objdump.get(pc);
            String where = String.format("seed %x: word %08x: objdump '%s'", SEED + 1, word, theirs);
            if (ins.isLegal()) {
                legal++;
                assertEquals(theirs, Disassembler.disassemble(ins, pc), where);
            } else {
                illegal++;
                assertEquals(String.format(".4byte\t0x%x", word), Disassembler.disassemble(ins, pc));
                String mnemonic = theirs.split("\t")[0];
                boolean rv32ShiftQuirk = Set.of("slli", "srli", "srai").contains(mnemonic) && (word & (1 << 25)) != 0;
                if (!theirs.equals(Disassembler.disassemble(ins, pc)) && ourMnemonics.contains(mnemonic) && !rv32ShiftQuirk) {
                    fail(where + " is an RV32IM/Zicsr instruction but our decoder calls it illegal");
                }
            }
        }
        assertTrue(legal > 500 && illegal > 500, "legal " + legal + ", illegal " + illegal);
    }

    @Test
    void everyCsrNameMatchesObjdump() throws IOException {
        List<Integer> words = new ArrayList<>();
        for (int csr = 0; csr < 4096; csr++) {
            words.add(Encoder.csr(Opcode.CSRRS, 10, csr, 0));
        }
        Map<Integer, String> objdump = objdump(words);
        for (int csr = 0; csr < 4096; csr++) {
            assertEquals(objdump.get(csr * 4), Disassembler.disassemble(words.get(csr), csr * 4), "CSR 0x" + Integer.toHexString(csr));
        }
    }

    private static List<Integer> handPicked() {
        List<Integer> w = new ArrayList<>();
        int[] imm12 = {-2048, -2047, -1, 0, 1, 2, 1023, 1024, 2046, 2047};
        int[] regs = {0, 1, 2, 15, 16, 31};
        for (Opcode op : Opcode.instructions()) {
            Format f = op.format();
            for (int r : regs) {
                for (int imm : imm12) {
                    switch (f) {
                        case R -> w.add(Encoder.r(op, r, 31 - r, (r + 7) & 31));
                        case I, LOAD, JALR -> w.add(Encoder.i(op, r, 31 - r, imm));
                        case SHIFT -> w.add(Encoder.i(op, r, 31 - r, imm & 31));
                        case S -> w.add(Encoder.s(op, r, 31 - r, imm));
                        case B -> w.add(Encoder.b(op, r, 31 - r, imm * 2));
                        case U -> w.add(Encoder.u(op, r, imm << 12));
                        case J -> w.add(Encoder.j(op, r, imm * 512));
                        case CSR -> w.add(Encoder.csr(op, r, imm & 0xfff, 31 - r));
                        case CSR_IMM -> w.add(Encoder.csr(op, r, imm & 0xfff, imm & 31));
                        case FENCE -> w.add(Encoder.fence(imm >>> 4 & 15, imm & 15));
                        default -> w.add(op.match());
                    }
                }
            }
        }
        w.add(Encoder.b(Opcode.BNE, 1, 2, -4096));
        w.add(Encoder.b(Opcode.BNE, 1, 2, 4094));
        w.add(Encoder.j(Opcode.JAL, 1, -(1 << 20)));
        w.add(Encoder.j(Opcode.JAL, 1, (1 << 20) - 2));
        w.add(Encoder.u(Opcode.LUI, 5, 0xfffff000));
        w.add(Encoder.u(Opcode.AUIPC, 5, 0x80000000));
        return w;
    }

    private Map<Integer, String> objdump(List<Integer> words) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(words.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        words.forEach(buf::putInt);
        Path bin = dir.resolve("words.bin");
        Files.write(bin, buf.array());
        String out = Tools.check(dir, Tools.OBJDUMP, "-D", "-b", "binary", "-m", "riscv:rv32",
                "-M", "no-aliases,numeric", bin.toString());
        Map<Integer, String> byPc = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String text = m.group(3);
                int comment = text.indexOf(" # ");
                byPc.put(Integer.parseUnsignedInt(m.group(1), 16), comment >= 0 ? text.substring(0, comment) : text);
            }
        }
        assertEquals(words.size(), byPc.size(), "objdump printed a different number of instructions");
        return byPc;
    }
}
