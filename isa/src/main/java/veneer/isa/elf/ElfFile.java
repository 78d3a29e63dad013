package veneer.isa.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A parsed ELF32 little-endian RISC-V file: header, program headers (segments), section headers
 * and the symbol table.
 *
 * <pre>{@code
 * ElfFile elf = ElfFile.read(Path.of("prog.elf"));
 * for (ElfSegment s : elf.loadSegments()) { memory.write(s.vaddr(), s.data()); }
 * long tohost = elf.symbol("tohost").orElseThrow().value();
 * }</pre>
 */
public final class ElfFile {
    private final int type;
    private final int flags;
    private final long entry;
    private final List<ElfSegment> segments;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;

    private ElfFile(int type, int flags, long entry, List<ElfSegment> segments, List<ElfSection> sections,
                    List<ElfSymbol> symbols) {
        this.type = type;
        this.flags = flags;
        this.entry = entry;
        this.segments = Collections.unmodifiableList(segments);
        this.sections = Collections.unmodifiableList(sections);
        this.symbols = Collections.unmodifiableList(symbols);
    }

    /** Reads and parses a file. */
    public static ElfFile read(Path path) {
        try {
            return parse(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ELF file " + path, e);
        } catch (ElfFormatException e) {
            throw new ElfFormatException(path + ": " + e.getMessage());
        }
    }

    /** Parses the bytes of an ELF32 little-endian RISC-V file. */
    public static ElfFile parse(byte[] bytes) {
        if (bytes.length < Elf.EHDR_SIZE || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new ElfFormatException("not an ELF file: expected magic 7f 45 4c 46 in a file of at least 52 bytes");
        }
        if (bytes[4] != 1) {
            throw new ElfFormatException("expected ELFCLASS32 (1), found class " + bytes[4]);
        }
        if (bytes[5] != 1) {
            throw new ElfFormatException("expected little-endian data (ELFDATA2LSB, 1), found " + bytes[5]);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getShort(16) & 0xffff;
        int machine = b.getShort(18) & 0xffff;
        if (machine != Elf.EM_RISCV) {
            throw new ElfFormatException("expected machine EM_RISCV (243), found " + machine);
        }
        long entry = u32(b, 24);
        long phoff = u32(b, 28);
        long shoff = u32(b, 32);
        int flags = b.getInt(36);
        int phnum = b.getShort(44) & 0xffff;
        int shnum = b.getShort(48) & 0xffff;
        int shstrndx = b.getShort(50) & 0xffff;

        List<ElfSegment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int p = (int) phoff + i * Elf.PHDR_SIZE;
            need(bytes, p, Elf.PHDR_SIZE, "program header " + i);
            long off = u32(b, p + 4);
            long fsz = u32(b, p + 16);
            need(bytes, off, fsz, "segment " + i + " contents");
            segments.add(new ElfSegment(b.getInt(p), off, u32(b, p + 8), u32(b, p + 12), fsz, u32(b, p + 20),
                    b.getInt(p + 24), u32(b, p + 28), Arrays.copyOfRange(bytes, (int) off, (int) (off + fsz))));
        }

        int[][] raw = new int[shnum][];
        for (int i = 0; i < shnum; i++) {
            int s = (int) shoff + i * Elf.SHDR_SIZE;
            need(bytes, s, Elf.SHDR_SIZE, "section header " + i);
            raw[i] = new int[10];
            for (int k = 0; k < 10; k++) {
                raw[i][k] = b.getInt(s + 4 * k);
            }
        }
        byte[] shstr = shnum > shstrndx ? contents(bytes, raw[shstrndx]) : new byte[0];
        List<ElfSection> sections = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int[] h = raw[i];
            sections.add(new ElfSection(cstring(shstr, h[0]), h[1], h[2], h[3] & 0xffffffffL, h[4] & 0xffffffffL,
                    h[5] & 0xffffffffL, h[6], h[7], h[8] & 0xffffffffL, h[9] & 0xffffffffL, contents(bytes, h)));
        }

        List<ElfSymbol> symbols = new ArrayList<>();
        for (ElfSection sec : sections) {
            if (sec.type() == Elf.SHT_SYMTAB) {
                byte[] strtab = sections.get(sec.link()).data();
                ByteBuffer st = ByteBuffer.wrap(sec.data()).order(ByteOrder.LITTLE_ENDIAN);
                for (int off = Elf.SYM_SIZE; off + Elf.SYM_SIZE <= sec.data().length; off += Elf.SYM_SIZE) {
                    int info = st.get(off + 12) & 0xff;
                    symbols.add(new ElfSymbol(cstring(strtab, st.getInt(off)), u32(st, off + 4), u32(st, off + 8),
                            info >>> 4, info & 0xf, st.getShort(off + 14) & 0xffff));
                }
            }
        }
        return new ElfFile(type, flags, entry, segments, sections, symbols);
    }

    /** e_type: {@link Elf#ET_EXEC} or {@link Elf#ET_REL}. */
    public int type() {
        return type;
    }

    /** e_flags (RVC, float ABI bits). */
    public int flags() {
        return flags;
    }

    /** The entry address. */
    public long entry() {
        return entry;
    }

    /** All program headers in file order. */
    public List<ElfSegment> segments() {
        return segments;
    }

    /** The PT_LOAD segments. */
    public List<ElfSegment> loadSegments() {
        return segments.stream().filter(ElfSegment::isLoad).toList();
    }

    /** All sections in file order, index 0 being the null section. */
    public List<ElfSection> sections() {
        return sections;
    }

    /** The section called {@code name}, if any. */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The symbols of .symtab without the null symbol at index 0. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** The first defined symbol called {@code name}, if any. */
    public Optional<ElfSymbol> symbol(String name) {
        return symbols.stream().filter(s -> s.name().equals(name) && s.sectionIndex() != Elf.SHN_UNDEF).findFirst();
    }

    private static byte[] contents(byte[] bytes, int[] h) {
        if (h[1] == Elf.SHT_NOBITS || h[1] == Elf.SHT_NULL) {
            return new byte[0];
        }
        long off = h[4] & 0xffffffffL;
        long size = h[5] & 0xffffffffL;
        need(bytes, off, size, "section contents");
        return Arrays.copyOfRange(bytes, (int) off, (int) (off + size));
    }

    private static void need(byte[] bytes, long off, long len, String what) {
        if (off < 0 || len < 0 || off + len > bytes.length) {
            throw new ElfFormatException(what + " at offset " + off + " size " + len + " lies outside the file of "
                    + bytes.length + " bytes");
        }
    }

    private static long u32(ByteBuffer b, int off) {
        return b.getInt(off) & 0xffffffffL;
    }

    private static String cstring(byte[] table, int off) {
        if (off < 0 || off >= table.length) {
            return "";
        }
        int end = off;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        return new String(table, off, end - off, StandardCharsets.UTF_8);
    }
}
