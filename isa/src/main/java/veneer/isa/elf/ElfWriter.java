package veneer.isa.elf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an ELF32 little-endian RISC-V executable (ET_EXEC): PT_LOAD segments for the allocated
 * sections (neighbours in one page with equal permissions share a segment, .bss after .data), section headers, .symtab/.strtab/.shstrtab. Each section's file offset is congruent
 * to its address modulo 4 KiB, so loaders that map pages (qemu-riscv32, Linux) accept it.
 *
 * <pre>{@code
 * byte[] elf = new ElfWriter()
 *         .text(0x0, code)                   // .text, R+X
 *         .data(0x1000_0000, initialised)    // .data, R+W
 *         .bss(0x1000_0400, 1024)            // .bss, R+W, zero-filled
 *         .symbol("_start", 0x0, 0, Elf.STT_FUNC, Elf.STB_GLOBAL, ".text")
 *         .entry(0x0)
 *         .toBytes();
 * }</pre>
 */
public final class ElfWriter {
    private static final long PAGE = 0x1000;

    private record Sec(String name, int type, int flags, long addr, byte[] data, long size, long align) {
    }

    private record Sym(String name, long value, long size, int type, int bind, String section) {
    }

    private final List<Sec> sections = new ArrayList<>();
    private final List<Sym> symbols = new ArrayList<>();
    private long entry;

    /** Adds executable code as .text. */
    public ElfWriter text(long addr, byte[] code) {
        return section(".text", Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, addr, code, code.length, 4);
    }

    /** Adds read-only data as .rodata. */
    public ElfWriter rodata(long addr, byte[] bytes) {
        return section(".rodata", Elf.SHT_PROGBITS, Elf.SHF_ALLOC, addr, bytes, bytes.length, 4);
    }

    /** Adds initialised writable data as .data. */
    public ElfWriter data(long addr, byte[] bytes) {
        return section(".data", Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_WRITE, addr, bytes, bytes.length, 4);
    }

    /** Adds {@code size} zero-initialised bytes as .bss. */
    public ElfWriter bss(long addr, long size) {
        return section(".bss", Elf.SHT_NOBITS, Elf.SHF_ALLOC | Elf.SHF_WRITE, addr, new byte[0], size, 4);
    }

    /** Adds any section; {@code data} is ignored for {@link Elf#SHT_NOBITS}. */
    public ElfWriter section(String name, int type, int flags, long addr, byte[] data, long size, long align) {
        if (sections.stream().anyMatch(s -> s.name.equals(name))) {
            throw new IllegalArgumentException("section " + name + " added twice; expected each name once");
        }
        if (addr < 0 || addr + size > 0x1_0000_0000L) {
            throw new IllegalArgumentException("section " + name + " at 0x" + Long.toHexString(addr) + " size " + size
                    + " does not fit the 32-bit address space");
        }
        if (type != Elf.SHT_NOBITS && data.length != size) {
            throw new IllegalArgumentException("section " + name + ": size " + size + " but " + data.length + " bytes given");
        }
        sections.add(new Sec(name, type, flags, addr, data.clone(), size, align));
        return this;
    }

    /**
     * Adds a symbol defined in section {@code section} (a name added before or at build time),
     * or absolute if {@code section} is null.
     */
    public ElfWriter symbol(String name, long value, long size, int type, int bind, String section) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("symbol name must not be empty");
        }
        symbols.add(new Sym(name, value, size, type, bind, section));
        return this;
    }

    /** Sets the entry address. */
    public ElfWriter entry(long addr) {
        this.entry = addr;
        return this;
    }

    /** Writes the file and, like a linker, marks it executable where the file system has POSIX permissions. */
    public void write(Path path) {
        try {
            Files.write(path, toBytes());
            try {
                Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(path));
                perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(path, perms);
            } catch (UnsupportedOperationException notPosix) {
                // nothing to mark on this file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ELF file " + path, e);
        }
    }

    /** Builds the file's bytes. */
    public byte[] toBytes() {
        List<Sec> alloc = sections.stream().filter(s -> (s.flags & Elf.SHF_ALLOC) != 0)
                .sorted(Comparator.comparingLong(Sec::addr)).toList();
        List<List<Sec>> groups = segmentsOf(alloc);
        int phnum = groups.size();
        long[] offsets = new long[sections.size()];
        long pos = Elf.EHDR_SIZE + (long) phnum * Elf.PHDR_SIZE;
        for (List<Sec> group : groups) {
            Sec first = group.get(0);
            long base = pos + Math.floorMod(first.addr - pos, PAGE);
            for (Sec s : group) {
                long off = base + (s.addr - first.addr);
                offsets[sections.indexOf(s)] = off;
                if (s.type != Elf.SHT_NOBITS) {
                    pos = off + s.data.length;
                }
            }
            pos = Math.max(pos, base);
        }
        for (int i = 0; i < sections.size(); i++) {
            Sec s = sections.get(i);
            if ((s.flags & Elf.SHF_ALLOC) == 0) {
                offsets[i] = pos;
                pos += s.type == Elf.SHT_NOBITS ? 0 : s.data.length;
            }
        }
        // symbol table: locals first, as the gABI requires, then the rest
        List<Sym> ordered = new ArrayList<>(symbols.stream().filter(s -> s.bind == Elf.STB_LOCAL).toList());
        int firstGlobal = ordered.size() + 1;
        ordered.addAll(symbols.stream().filter(s -> s.bind != Elf.STB_LOCAL).toList());
        StringTable strtab = new StringTable();
        ByteBuffer symtab = le(Elf.SYM_SIZE * (ordered.size() + 1));
        symtab.position(Elf.SYM_SIZE);
        for (Sym s : ordered) {
            symtab.putInt(strtab.add(s.name)).putInt((int) s.value).putInt((int) s.size);
            symtab.put((byte) (s.bind << 4 | s.type)).put((byte) 0).putShort((short) sectionIndex(s));
        }
        int nSec = sections.size();
        int symtabIndex = nSec + 1;
        int strtabIndex = nSec + 2;
        int shstrIndex = nSec + 3;
        StringTable shstr = new StringTable();
        byte[] strBytes = strtab.bytes();
        long symOff = align(pos, 4);
        long strOff = symOff + symtab.capacity();
        int[] names = new int[nSec];
        for (int i = 0; i < nSec; i++) {
            names[i] = shstr.add(sections.get(i).name);
        }
        int symName = shstr.add(".symtab");
        int strName = shstr.add(".strtab");
        int shstrName = shstr.add(".shstrtab");
        byte[] shstrBytes = shstr.bytes();
        long shstrOff = strOff + strBytes.length;
        long shoff = align(shstrOff + shstrBytes.length, 4);
        int shnum = nSec + 4;
        ByteBuffer out = le((int) (shoff + (long) shnum * Elf.SHDR_SIZE));

        out.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        out.position(16);
        out.putShort((short) Elf.ET_EXEC).putShort((short) Elf.EM_RISCV).putInt(1).putInt((int) entry)
                .putInt(phnum == 0 ? 0 : Elf.EHDR_SIZE).putInt((int) shoff).putInt(0)
                .putShort((short) Elf.EHDR_SIZE).putShort((short) Elf.PHDR_SIZE).putShort((short) phnum)
                .putShort((short) Elf.SHDR_SIZE).putShort((short) shnum).putShort((short) shstrIndex);
        for (List<Sec> group : groups) {
            Sec first = group.get(0);
            Sec last = group.get(group.size() - 1);
            long fileEnd = first.addr;
            for (Sec s : group) {
                if (s.type != Elf.SHT_NOBITS) {
                    fileEnd = s.addr + s.size;
                }
            }
            int pflags = Elf.PF_R | ((first.flags & Elf.SHF_WRITE) != 0 ? Elf.PF_W : 0)
                    | ((first.flags & Elf.SHF_EXECINSTR) != 0 ? Elf.PF_X : 0);
            out.putInt(Elf.PT_LOAD).putInt((int) offsets[sections.indexOf(first)]).putInt((int) first.addr)
                    .putInt((int) first.addr).putInt((int) (fileEnd - first.addr))
                    .putInt((int) (last.addr + last.size - first.addr)).putInt(pflags).putInt((int) PAGE);
        }
        for (int i = 0; i < nSec; i++) {
            Sec s = sections.get(i);
            if (s.type != Elf.SHT_NOBITS) {
                out.put((int) offsets[i], s.data);
            }
        }
        out.put((int) symOff, symtab.array());
        out.put((int) strOff, strBytes);
        out.put((int) shstrOff, shstrBytes);
        out.position((int) shoff + Elf.SHDR_SIZE);
        for (int i = 0; i < nSec; i++) {
            Sec s = sections.get(i);
            shdr(out, names[i], s.type, s.flags, s.addr, offsets[i], s.size, 0, 0, s.align, 0);
        }
        shdr(out, symName, Elf.SHT_SYMTAB, 0, 0, symOff, symtab.capacity(), strtabIndex, firstGlobal, 4, Elf.SYM_SIZE);
        shdr(out, strName, Elf.SHT_STRTAB, 0, 0, strOff, strBytes.length, 0, 0, 1, 0);
        shdr(out, shstrName, Elf.SHT_STRTAB, 0, 0, shstrOff, shstrBytes.length, 0, 0, 1, 0);
        if (symtabIndex != nSec + 1) {
            throw new IllegalStateException("section numbering");
        }
        return out.array();
    }

    /**
     * Groups address-sorted allocated sections into PT_LOAD segments: a section joins the
     * previous segment when it has the same flags, starts in the page where the segment ends
     * (loaders map whole pages, so two segments must not share one) and the segment has no
     * NOBITS part yet (file bytes cannot follow zero-fill).
     */
    private static List<List<Sec>> segmentsOf(List<Sec> alloc) {
        List<List<Sec>> groups = new ArrayList<>();
        List<Sec> cur = null;
        long end = 0;
        for (Sec s : alloc) {
            boolean join = cur != null && s.flags == cur.get(0).flags && s.addr >= end
                    && s.addr / PAGE <= (end - 1) / PAGE
                    && (s.type == Elf.SHT_NOBITS || cur.get(cur.size() - 1).type != Elf.SHT_NOBITS);
            if (cur != null && !join && s.addr < end) {
                throw new IllegalArgumentException("section " + s.name + " at 0x" + Long.toHexString(s.addr)
                        + " overlaps the previous section ending at 0x" + Long.toHexString(end));
            }
            if (!join) {
                cur = new ArrayList<>();
                groups.add(cur);
            }
            cur.add(s);
            end = s.addr + s.size;
        }
        return groups;
    }

    private int sectionIndex(Sym s) {
        if (s.section == null) {
            return Elf.SHN_ABS;
        }
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name.equals(s.section)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("symbol " + s.name + " refers to section " + s.section
                + ", which was not added; sections are " + sections.stream().map(Sec::name).toList());
    }

    private static void shdr(ByteBuffer b, int name, int type, int flags, long addr, long off, long size, int link,
                             int info, long align, long entsize) {
        b.putInt(name).putInt(type).putInt(flags).putInt((int) addr).putInt((int) off).putInt((int) size)
                .putInt(link).putInt(info).putInt((int) align).putInt((int) entsize);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long align(long v, long a) {
        return (v + a - 1) / a * a;
    }

    /** A NUL-separated string table starting with an empty string. */
    private static final class StringTable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StringTable() {
            bytes.write(0);
        }

        int add(String s) {
            int off = bytes.size();
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return off;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
