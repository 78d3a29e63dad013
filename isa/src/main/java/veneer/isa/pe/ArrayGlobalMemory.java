package veneer.isa.pe;

/** A {@link GlobalMemory} held in a Java byte array. */
public final class ArrayGlobalMemory implements GlobalMemory {
    private final byte[] bytes;

    /** A zero-filled memory of {@code size} bytes. */
    public ArrayGlobalMemory(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("global memory size must be >= 0, found " + size);
        }
        this.bytes = new byte[size];
    }

    /** The backing bytes (shared, not copied), for hosts that fill or read buffers. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int load(long offset, int n) {
        return Bytes.load(bytes, (int) offset, n);
    }

    @Override
    public void store(long offset, int n, int value) {
        Bytes.store(bytes, (int) offset, n, value);
    }
}
