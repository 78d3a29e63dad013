package veneer.isa.elf;

/** ELF constants used by the reader and the writer (System V gABI and the RISC-V psABI). */
public final class Elf {
    public static final int EM_RISCV = 243;
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int PT_LOAD = 1;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;
    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final int SHF_WRITE = 1;
    public static final int SHF_ALLOC = 2;
    public static final int SHF_EXECINSTR = 4;
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xfff1;
    static final int EHDR_SIZE = 52;
    static final int PHDR_SIZE = 32;
    static final int SHDR_SIZE = 40;
    static final int SYM_SIZE = 16;

    private Elf() {
    }
}
