package veneer.isa.elf;

/**
 * One section header with its contents ({@code data} is empty for NOBITS sections).
 *
 * @param name the section name (.text)
 * @param type e.g. {@link Elf#SHT_PROGBITS}
 * @param flags {@link Elf#SHF_ALLOC} etc.
 * @param addr load address
 * @param offset file offset
 * @param size size in memory
 * @param link sh_link
 * @param info sh_info
 * @param align alignment
 * @param entSize entry size for tables
 * @param data the contents
 */
public record ElfSection(String name, int type, int flags, long addr, long offset, long size, int link, int info,
                         long align, long entSize, byte[] data) {
}
