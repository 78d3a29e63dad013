package veneer.shell.dram;

import veneer.hdl.bus.Axi4;

/**
 * Parameters of an {@link AxiInterconnect}: how many managers, their AXI4 port shape, and the
 * address map of the DRAM channels behind it.
 *
 * <pre>{@code
 * InterconnectConfig x = new InterconnectConfig(3, 4, 34, 512, 32,
 *     AddressMap.interleaved(0, 2, 16L << 20, 4096));
 * }</pre>
 *
 * @param masters managers (ports {@code m0} ... {@code m<masters-1>})
 * @param idWidth bits of the managers' AXI IDs
 * @param addrWidth bits of the managers' byte addresses
 * @param dataWidth bits of data on every port (no width conversion)
 * @param maxOutstandingPerId transactions of one ID of one manager in flight at once, per direction
 * @param map where the channels are
 */
public record InterconnectConfig(int masters, int idWidth, int addrWidth, int dataWidth,
    int maxOutstandingPerId, AddressMap map) {
  public InterconnectConfig {
    if (masters < 1) {
      throw new IllegalArgumentException("an interconnect needs at least one manager, found " + masters);
    }
    if (idWidth < 1 || idWidth > 8) {
      throw new IllegalArgumentException("the interconnect tracks every ID: the manager ID width must be"
          + " 1 to 8 bits, found " + idWidth);
    }
    if (maxOutstandingPerId < 1) {
      throw new IllegalArgumentException("maxOutstandingPerId must be at least 1, found " + maxOutstandingPerId);
    }
    if (addrWidth < 13 || addrWidth > 63 || map.end() > (1L << addrWidth)) {
      throw new IllegalArgumentException("the manager address width must be 13 to 63 bits and cover the DRAM"
          + " (which ends at 0x" + Long.toHexString(map.end()) + "), found " + addrWidth);
    }
    new Axi4.Params(idWidth, addrWidth, dataWidth, 0);
  }

  /** Bits that name the manager in a channel-side ID (at least 1). */
  public int masterBits() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(masters - 1));
  }

  /** The managers' port shape. */
  public Axi4.Params masterParams() {
    return new Axi4.Params(idWidth, addrWidth, dataWidth, 0);
  }

  /** The channels' port shape: the manager index prepended to the ID, local addresses. */
  public Axi4.Params slaveParams() {
    return new Axi4.Params(idWidth + masterBits(), map.localBits(), dataWidth, 0);
  }

  /** The channel configuration that fits behind this interconnect, from {@code base}'s timing. */
  public DramConfig channelConfig(DramConfig base) {
    return base.withSizeBytes(map.channelBytes()).withDataWidth(dataWidth).withIdWidth(slaveParams().idWidth());
  }
}
