package veneer.isa.elf;

/** A file is not a well-formed ELF32 little-endian RISC-V file; the message says what was expected and found. */
public final class ElfFormatException extends RuntimeException {
    public ElfFormatException(String message) {
        super(message);
    }
}
