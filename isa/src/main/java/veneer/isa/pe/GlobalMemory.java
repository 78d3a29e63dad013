package veneer.isa.pe;

/**
 * The PE's port to global memory (device DRAM), pluggable so that the model can share memory
 * with a runtime, a DRAM model or other PEs. Offsets are relative to
 * {@link PeMemoryMap#GLOBAL_BASE}, already bounds- and alignment-checked by the PE.
 *
 * <pre>{@code
 * GlobalMemory g = new ArrayGlobalMemory(1 << 20);
 * g.store(0, 4, 0x12345678);
 * g.load(0, 1) == 0x78
 * }</pre>
 */
public interface GlobalMemory {
    /** Size in bytes; accesses at or beyond it fault in the PE. */
    long size();

    /** Reads {@code bytes} (1, 2 or 4) little-endian bytes at {@code offset}, zero-extended. */
    int load(long offset, int bytes);

    /** Writes the low {@code bytes} (1, 2 or 4) bytes of {@code value} little-endian at {@code offset}. */
    void store(long offset, int bytes, int value);
}
