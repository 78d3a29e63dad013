package veneer.shell.pcie;

/**
 * A window of a BAR that the endpoint decodes to its own AXI4-Lite manager port, named
 * {@code name}. Requests that fall in a BAR but in none of its regions get an Unsupported
 * Request completion (reads) or are dropped and logged (writes).
 *
 * <pre>{@code
 * new BarRegion("mgmt", 0x0000, 0x1000)   // offsets 0x0000-0x0FFF of the BAR
 * }</pre>
 *
 * @param name the AXI4-Lite port name on the endpoint (a Verilog identifier)
 * @param offset the first byte offset inside the BAR, a multiple of {@code size}
 * @param size bytes, a power of two of at least 4
 */
public record BarRegion(String name, long offset, long size) {
  public BarRegion {
    if (size < 4 || Long.bitCount(size) != 1) {
      throw new IllegalArgumentException("region '" + name + "' must be a power of two of at least 4 bytes, found "
          + size);
    }
    if (offset < 0 || offset % size != 0) {
      throw new IllegalArgumentException("region '" + name + "' at offset 0x" + Long.toHexString(offset)
          + " is not aligned to its size 0x" + Long.toHexString(size));
    }
  }

  /** Bits of byte address inside the region. */
  public int addrBits() {
    return Long.numberOfTrailingZeros(size);
  }
}
