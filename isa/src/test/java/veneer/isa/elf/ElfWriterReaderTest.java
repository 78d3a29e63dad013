package veneer.isa.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.isa.Disassembler;
import veneer.isa.Encoder;
import veneer.isa.Opcode;
import veneer.isa.testing.Tools;

class ElfWriterReaderTest {
    @TempDir
    Path dir;

    private static final int TEXT = 0x10000;
    private static final int DATA = 0x11000;

    /** exit(data[0] + 2) via the Linux write-free exit syscall (93), so qemu-riscv32 can run it. */
    private static int[] program() {
        return new int[] {
            Encoder.u(Opcode.LUI, 5, DATA),
            Encoder.i(Opcode.LW, 10, 5, 0),
            Encoder.i(Opcode.ADDI, 10, 10, 2),
            Encoder.i(Opcode.ADDI, 17, 0, 93),
            Encoder.encode(Opcode.ECALL, 0, 0, 0, 0),
        };
    }

    private Path writeSample() {
        int[] code = program();
        ByteBuffer text = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : code) {
            text.putInt(w);
        }
        byte[] data = {40, 0, 0, 0, 1, 2, 3, 4};
        Path elf = dir.resolve("sample.elf");
        new ElfWriter()
                .text(TEXT, text.array())
                .data(DATA, data)
                .bss(DATA + 8, 64)
                .symbol("_start", TEXT, code.length * 4L, Elf.STT_FUNC, Elf.STB_GLOBAL, ".text")
                .symbol("value", DATA, 4, Elf.STT_OBJECT, Elf.STB_GLOBAL, ".data")
                .symbol("scratch", DATA + 8, 64, Elf.STT_OBJECT, Elf.STB_LOCAL, ".bss")
                .entry(TEXT)
                .write(elf);
        return elf;
    }

    @Test
    void readelfAcceptsHeadersSectionsSegmentsAndSymbols() {
        Path elf = writeSample();
        Tools.Result r = Tools.run(dir, List.of(Tools.READELF, "-W", "-h", "-l", "-S", "-s", elf.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr(), "readelf complained");
        String out = r.stdout();
        assertTrue(out.contains("ELF32"), out);
        assertTrue(out.contains("little endian"), out);
        assertTrue(out.contains("RISC-V"), out);
        assertTrue(out.contains("EXEC (Executable file)"), out);
        assertTrue(out.contains("Entry point address:               0x10000"), out);
        assertTrue(out.matches("(?s).*\\.text\\s+PROGBITS\\s+00010000 .*AX.*"), out);
        assertTrue(out.matches("(?s).*\\.data\\s+PROGBITS\\s+00011000 .*WA.*"), out);
        assertTrue(out.matches("(?s).*\\.bss\\s+NOBITS\\s+00011008 .*WA.*"), out);
        assertTrue(out.matches("(?s).*LOAD\\s+0x[0-9a-f]+ 0x00010000 0x00010000 0x00014 0x00014 R E 0x1000.*"), out);
        assertTrue(out.matches("(?s).*LOAD\\s+0x[0-9a-f]+ 0x00011000 0x00011000 0x00008 0x00048 RW  0x1000.*"), out);
        assertTrue(out.matches("(?s).*00010000\\s+20 FUNC\\s+GLOBAL DEFAULT\\s+1 _start.*"), out);
        assertTrue(out.matches("(?s).*00011008\\s+64 OBJECT\\s+LOCAL\\s+DEFAULT\\s+3 scratch.*"), out);
    }

    @Test
    void objdumpDisassemblesTheTextAsWeDo() {
        Path elf = writeSample();
        String out = Tools.check(dir, Tools.OBJDUMP, "-d", "-M", "no-aliases,numeric", elf.toString());
        int[] code = program();
        for (int i = 0; i < code.length; i++) {
            String ours = Disassembler.disassemble(code[i], TEXT + 4 * i);
            assertTrue(out.contains(String.format("%5x:\t%08x          \t%s", TEXT + 4 * i, code[i], ours)), ours + " in\n" + out);
        }
        assertTrue(out.contains("<_start>:"), out);
    }

    @Test
    void qemuRunsTheWrittenExecutable() {
        Path elf = writeSample();
        Tools.Result r = Tools.run(dir, List.of(Tools.QEMU, elf.toString()));
        assertEquals(42, r.exitCode(), "exit code = data word 40 + 2; stderr: " + r.stderr());
    }

    @Test
    void readerRoundTripsWhatTheWriterWrote() throws Exception {
        ElfFile elf = ElfFile.read(writeSample());
        assertEquals(TEXT, elf.entry());
        assertEquals(Elf.ET_EXEC, elf.type());
        assertEquals(2, elf.loadSegments().size());
        ElfSegment data = elf.loadSegments().get(1);
        assertEquals(DATA, data.vaddr());
        assertArrayEquals(new byte[] {40, 0, 0, 0, 1, 2, 3, 4}, data.data());
        assertEquals(8 + 64, data.memSize());
        assertEquals(8, data.fileSize());
        assertEquals(DATA + 8, elf.symbol("scratch").orElseThrow().value());
        assertEquals(Elf.STB_LOCAL, elf.symbol("scratch").orElseThrow().bind());
        assertEquals(Elf.STT_FUNC, elf.symbol("_start").orElseThrow().type());
        assertEquals(".text", elf.sections().get(elf.symbol("_start").orElseThrow().sectionIndex()).name());
        assertEquals(20, elf.section(".text").orElseThrow().size());
    }

    @Test
    void readerReadsAnObjectFromGnuAs() throws Exception {
        Path src = dir.resolve("a.s");
        Files.writeString(src, ".text\n.globl f\nf: addi x5,x6,-1\n ecall\n.data\nv: .word 7\n");
        Tools.check(dir, Tools.AS, "-march=rv32im_zicsr", "-mabi=ilp32", "-o", "a.o", "a.s");
        ElfFile elf = ElfFile.read(dir.resolve("a.o"));
        assertEquals(Elf.ET_REL, elf.type());
        assertEquals(Elf.STB_GLOBAL, elf.symbol("f").orElseThrow().bind());
        byte[] text = elf.section(".text").orElseThrow().data();
        assertEquals(0xfff30293, ByteBuffer.wrap(text).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }

    @Test
    void badFilesAreRejectedWithAReason() {
        assertEquals("not an ELF file: expected magic 7f 45 4c 46 in a file of at least 52 bytes",
                assertThrows(ElfFormatException.class, () -> ElfFile.parse(new byte[10])).getMessage());
        byte[] wrongClass = new byte[64];
        wrongClass[0] = 0x7f;
        wrongClass[1] = 'E';
        wrongClass[2] = 'L';
        wrongClass[3] = 'F';
        wrongClass[4] = 2;
        assertEquals("expected ELFCLASS32 (1), found class 2",
                assertThrows(ElfFormatException.class, () -> ElfFile.parse(wrongClass)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ElfWriter().symbol("x", 0, 0, Elf.STT_FUNC, Elf.STB_GLOBAL, ".nope").toBytes());
    }
}
