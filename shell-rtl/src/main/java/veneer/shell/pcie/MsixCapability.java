package veneer.shell.pcie;

/**
 * The MSI-X capability of a function's configuration space: where its table and pending bit
 * array are (BAR slot and offset, each 8-byte aligned) and how many vectors the table has. The
 * capability's Message Control holds MSI-X Enable (bit 15) and Function Mask (bit 14), which
 * the interrupt block reads from the endpoint.
 *
 * <pre>{@code
 * new MsixCapability(16, 4, 0x2000, 4, 0x3000)   // 16 vectors, table in BAR4 at 0x2000, PBA at 0x3000
 * }</pre>
 */
public record MsixCapability(int vectors, int tableBar, long tableOffset, int pbaBar, long pbaOffset) {
  /** Byte offset of the capability in configuration space (after the PCI Express capability). */
  public static final int OFFSET = 0x60;
  /** The MSI-X capability id. */
  public static final int ID = 0x11;

  public MsixCapability {
    if (vectors < 1 || vectors > 2048) {
      throw new IllegalArgumentException("an MSI-X table has 1 to 2048 vectors, found " + vectors);
    }
    for (int bar : new int[] {tableBar, pbaBar}) {
      if (bar < 0 || bar > 5) {
        throw new IllegalArgumentException("a BAR indicator is 0 to 5, found " + bar);
      }
    }
    if (tableOffset % 8 != 0 || pbaOffset % 8 != 0 || tableOffset < 0 || pbaOffset < 0
        || tableOffset >= 1L << 32 || pbaOffset >= 1L << 32) {
      throw new IllegalArgumentException("MSI-X table and PBA offsets must be 8-byte aligned 32-bit offsets, found 0x"
          + Long.toHexString(tableOffset) + " and 0x" + Long.toHexString(pbaOffset));
    }
  }
}
