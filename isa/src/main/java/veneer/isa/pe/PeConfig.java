package veneer.isa.pe;

/**
 * Parameters of one PE.
 *
 * <pre>{@code
 * PeConfig cfg = PeConfig.defaults().withThreads(8).withPeId(3);
 * }</pre>
 *
 * @param peId index of the PE in the array (0..0x0fff_ffff; mhartid = peId << 4 | thread)
 * @param threads hardware threads T, 1..16
 * @param imemBytes IMEM size, a multiple of 4
 * @param scratchpadBytes scratchpad size, a multiple of 4
 */
public record PeConfig(int peId, int threads, int imemBytes, int scratchpadBytes) {
    public PeConfig {
        if (threads < 1 || threads > PeMemoryMap.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1.." + PeMemoryMap.MAX_THREADS + ", found " + threads);
        }
        if (peId < 0 || peId > 0x0fff_ffff) {
            throw new IllegalArgumentException("peId must be 0..0x0fffffff, found " + peId);
        }
        checkSize("imemBytes", imemBytes, PeMemoryMap.SCRATCHPAD_BASE - PeMemoryMap.IMEM_BASE);
        checkSize("scratchpadBytes", scratchpadBytes, PeMemoryMap.MMIO_BASE - PeMemoryMap.SCRATCHPAD_BASE);
    }

    /** One PE, id 0, 4 threads, 16 KiB IMEM and scratchpad. */
    public static PeConfig defaults() {
        return new PeConfig(0, 4, PeMemoryMap.IMEM_DEFAULT_BYTES, PeMemoryMap.SCRATCHPAD_DEFAULT_BYTES);
    }

    public PeConfig withThreads(int t) {
        return new PeConfig(peId, t, imemBytes, scratchpadBytes);
    }

    public PeConfig withPeId(int id) {
        return new PeConfig(id, threads, imemBytes, scratchpadBytes);
    }

    public PeConfig withImemBytes(int n) {
        return new PeConfig(peId, threads, n, scratchpadBytes);
    }

    public PeConfig withScratchpadBytes(int n) {
        return new PeConfig(peId, threads, imemBytes, n);
    }

    private static void checkSize(String name, int v, int max) {
        if (v <= 0 || v % 4 != 0 || v > max) {
            throw new IllegalArgumentException(name + " must be a positive multiple of 4 up to " + max + ", found " + v);
        }
    }
}
