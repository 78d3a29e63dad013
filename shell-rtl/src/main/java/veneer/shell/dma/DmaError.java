package veneer.shell.dma;

/**
 * Why a DMA channel stopped: the code in the channel's {@code status} register (bits 15:8) and
 * in the failed descriptor's status DW (bits 15:8).
 *
 * <pre>{@code
 * DmaError e = DmaError.of((int) (status >>> 8) & 0xFF);
 * }</pre>
 */
public enum DmaError {
  /** The control DW does not hold {@link DmaDescriptor#MAGIC}. */
  BAD_MAGIC(1),
  /** Length 0, not a multiple of 64, or 2^30 or more. */
  BAD_LENGTH(2),
  /** Source or destination not 64-byte aligned. */
  BAD_ALIGNMENT(3),
  /** The DRAM range is outside the channel's window (set through PF0). */
  OUTSIDE_WINDOW(4),
  /** The DRAM range is outside the DRAM. */
  OUTSIDE_DRAM(5),
  /** Reading the descriptor or host data failed (completion error or timeout). */
  HOST_READ(6),
  /** The DRAM answered an error. */
  DRAM_ERROR(7);

  public final int code;

  DmaError(int code) {
    this.code = code;
  }

  /** The error with {@code code}. */
  public static DmaError of(int code) {
    for (DmaError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    throw new IllegalArgumentException("no DMA error has code " + code + "; codes are 1 to " + values().length);
  }
}
