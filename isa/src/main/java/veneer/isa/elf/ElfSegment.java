package veneer.isa.elf;

/**
 * One program header. {@code data} holds the {@code fileSize} bytes from the file; the rest of
 * {@code memSize} is zero-filled when loaded (.bss).
 *
 * @param type e.g. {@link Elf#PT_LOAD}
 * @param offset file offset
 * @param vaddr virtual (= load) address
 * @param paddr physical address
 * @param fileSize bytes in the file
 * @param memSize bytes in memory
 * @param flags {@link Elf#PF_R} | {@link Elf#PF_W} | {@link Elf#PF_X}
 * @param align alignment
 * @param data the file bytes of the segment
 */
public record ElfSegment(int type, long offset, long vaddr, long paddr, long fileSize, long memSize, int flags,
                         long align, byte[] data) {
    /** Whether this segment is loaded into memory. */
    public boolean isLoad() {
        return type == Elf.PT_LOAD;
    }
}
