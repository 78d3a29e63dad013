package veneer.isa.pe;

/**
 * The PE's address map: the single source of these numbers for the RTL, the linker script
 * (pe-sdk/pe.ld), the runtime and the reference model. See docs/pe-isa.md.
 *
 * <pre>
 * 0x0000_0000  IMEM        imemBytes (default 16 KiB)    fetch + loads; stores fault
 * 0x1000_0000  SCRATCHPAD  scratchpadBytes (16 KiB)      loads + stores, shared by the PE's threads
 * 0x2000_0000  CONSOLE     4 bytes                       stores: low byte to the console; loads fault
 * 0x2000_0100  KERNEL_ARGS 64 words                      loads; stores fault
 * 0x8000_0000  GLOBAL      globalBytes                   device DRAM through {@link GlobalMemory}
 * anything else: access fault
 * </pre>
 *
 * <pre>{@code
 * if (addr >= PeMemoryMap.SCRATCHPAD_BASE && addr - PeMemoryMap.SCRATCHPAD_BASE < cfg.scratchpadBytes()) ...
 * }</pre>
 */
public final class PeMemoryMap {
    /** Instruction memory base (fetch and read-only data). */
    public static final int IMEM_BASE = 0x0000_0000;
    /** Default IMEM size in bytes. */
    public static final int IMEM_DEFAULT_BYTES = 16 * 1024;
    /** Scratchpad base (.data, .bss, stacks). */
    public static final int SCRATCHPAD_BASE = 0x1000_0000;
    /** Default scratchpad size in bytes. */
    public static final int SCRATCHPAD_DEFAULT_BYTES = 16 * 1024;
    /** Start of the MMIO region. */
    public static final int MMIO_BASE = 0x2000_0000;
    /** Console: a store of any size writes its low byte to the console. */
    public static final int CONSOLE = 0x2000_0000;
    /** Bytes the console register occupies (byte, half or word stores at CONSOLE). */
    public static final int CONSOLE_BYTES = 4;
    /** Kernel argument block: read-only words written by the host/dispatcher before a run. */
    public static final int KERNEL_ARGS_BASE = 0x2000_0100;
    /** Number of 32-bit words in the kernel argument block. */
    public static final int KERNEL_ARGS_WORDS = 64;
    /** Global memory (device DRAM) base. */
    public static final int GLOBAL_BASE = 0x8000_0000;
    /** Default global-memory size in bytes for the model (the real size is the device's). */
    public static final int GLOBAL_DEFAULT_BYTES = 1 << 20;
    /** The ELF symbol whose word, when a non-zero value is stored to it, ends the whole run. */
    public static final String TOHOST_SYMBOL = "tohost";
    /** Maximum hardware threads per PE. */
    public static final int MAX_THREADS = 16;

    private PeMemoryMap() {
    }

    /** Whether {@code addr} (unsigned) lies in {@code [base, base+size)}. */
    public static boolean within(int addr, int base, long size) {
        return Integer.toUnsignedLong(addr - base) < size;
    }
}
