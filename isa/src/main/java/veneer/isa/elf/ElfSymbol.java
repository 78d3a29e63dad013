package veneer.isa.elf;

/**
 * One symbol-table entry.
 *
 * @param name the symbol name
 * @param value its value (an address for defined symbols of an executable)
 * @param size its size in bytes
 * @param bind {@link Elf#STB_LOCAL}, {@link Elf#STB_GLOBAL} or {@link Elf#STB_WEAK}
 * @param type {@link Elf#STT_FUNC}, {@link Elf#STT_OBJECT}, ...
 * @param sectionIndex the section it is defined in ({@link Elf#SHN_UNDEF} if undefined)
 */
public record ElfSymbol(String name, long value, long size, int bind, int type, int sectionIndex) {
}
