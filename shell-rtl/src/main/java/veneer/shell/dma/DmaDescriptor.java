package veneer.shell.dma;

/**
 * The DMA descriptor: 64 bytes in host memory, one per ring entry (entry {@code i} at ring base
 * + 64 i). The host writes DW 0-5; the engine writes the status DW 8 when it has finished with
 * the descriptor (DW 6, 7 and 9-15 are reserved: write 0).
 *
 * <pre>{@code
 * byte[] d = DmaDescriptor.encode(hostAddr, dramAddr, 4096, DmaDescriptor.IRQ);
 * host.writeHostMemory(ring + 64 * i, d);
 * }</pre>
 */
public final class DmaDescriptor {
  private DmaDescriptor() {}

  /** Bytes per descriptor. */
  public static final int BYTES = 64;
  /** Byte offset of the status DW the engine writes back. */
  public static final int STATUS_OFFSET = 32;
  /** Control DW bits 31:16 must hold this ("DS"), so that a ring of garbage is refused. */
  public static final int MAGIC = 0x4453;
  /** Control bit 0: raise the channel's interrupt when this descriptor is done. */
  public static final int IRQ = 1;
  /** Status bit 0: the engine is done with the descriptor. */
  public static final int STATUS_DONE = 1;
  /** Status bit 1: the descriptor failed; the error code is in status bits 15:8. */
  public static final int STATUS_ERROR = 2;
  /** Transfer addresses and lengths are multiples of this. */
  public static final int ALIGN = 64;
  /** Largest transfer of one descriptor (exclusive). */
  public static final long MAX_LENGTH = 1L << 30;

  /**
   * The 64 bytes of a descriptor.
   *
   * @param source H2C: host address; C2H: DRAM address (64-byte aligned)
   * @param destination H2C: DRAM address; C2H: host address (64-byte aligned)
   * @param length bytes, a multiple of 64, 64 to 2^30 - 64
   * @param flags {@link #IRQ} or 0
   */
  public static byte[] encode(long source, long destination, long length, int flags) {
    byte[] out = new byte[BYTES];
    putDw(out, 0, source);
    putDw(out, 1, source >>> 32);
    putDw(out, 2, destination);
    putDw(out, 3, destination >>> 32);
    putDw(out, 4, length);
    putDw(out, 5, ((long) MAGIC << 16) | (flags & 0xFFFF));
    return out;
  }

  private static void putDw(byte[] b, int dw, long v) {
    for (int i = 0; i < 4; i++) {
      b[4 * dw + i] = (byte) (v >>> (8 * i));
    }
  }
}
