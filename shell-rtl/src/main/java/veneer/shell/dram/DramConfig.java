package veneer.shell.dram;

import veneer.hdl.bus.Axi4;

/**
 * Parameters of one {@link DramChannel}: its size, data width, AXI ID width and timing model.
 * The defaults model one DDR4 channel behind a 512-bit AXI4 port at 250 MHz: 16 MiB of backing
 * store, 64 bytes per cycle peak, 100 cycles from a read address to its first data beat.
 *
 * <pre>{@code
 * DramConfig small = DramConfig.defaults().withSizeBytes(64 * 1024).withReadLatency(20);
 * DramChannel ch = new DramChannel(small);
 * }</pre>
 *
 * @param sizeBytes bytes of memory, a power of two, at least 4 KiB and one bus word
 * @param dataWidth bits of the data bus, a power of two from 32 to 1024
 * @param idWidth bits of AXI ID
 * @param readLatency cycles from the read address handshake to the first data beat, at least 3
 * @param maxOutstandingReads read bursts accepted but not yet returned; ARREADY is low beyond it
 * @param writeQueueDepth write bursts accepted (address) before their data is taken
 * @param refreshInterval every this many cycles the data path pauses for a refresh (0: never)
 * @param refreshCycles how long each refresh pause lasts
 * @param burstGapCycles idle cycles on the data path after every burst (a row activate/precharge
 *     penalty; 0: none)
 */
public record DramConfig(long sizeBytes, int dataWidth, int idWidth, int readLatency,
    int maxOutstandingReads, int writeQueueDepth, int refreshInterval, int refreshCycles,
    int burstGapCycles) {

  /** Default channel size: 16 MiB, i.e. 256 Ki words of 512 bits. */
  public static final long DEFAULT_SIZE = 16L << 20;
  /** Cycles from the read request to its first beat that the pipeline itself needs. */
  public static final int MIN_READ_LATENCY = 3;

  public DramConfig {
    if (sizeBytes < 4096 || Long.bitCount(sizeBytes) != 1) {
      throw new IllegalArgumentException("a DRAM channel size must be a power of two of at least 4096 bytes,"
          + " found " + sizeBytes);
    }
    if (dataWidth < 32 || dataWidth > 1024 || Integer.bitCount(dataWidth) != 1) {
      throw new IllegalArgumentException("a DRAM channel data width must be a power of two from 32 to 1024"
          + " bits, found " + dataWidth);
    }
    if (sizeBytes / (dataWidth / 8) > (1L << 30)) {
      throw new IllegalArgumentException("a DRAM channel holds at most 2^30 words; " + sizeBytes
          + " bytes of " + dataWidth + "-bit words is " + sizeBytes / (dataWidth / 8));
    }
    if (idWidth < 1 || idWidth > 32) {
      throw new IllegalArgumentException("a DRAM channel ID width must be 1 to 32 bits, found " + idWidth);
    }
    if (readLatency < MIN_READ_LATENCY || readLatency > (1 << 30)) {
      throw new IllegalArgumentException("a DRAM read latency must be at least " + MIN_READ_LATENCY
          + " cycles (request queue, memory read, response queue), found " + readLatency);
    }
    if (maxOutstandingReads < 1 || writeQueueDepth < 1) {
      throw new IllegalArgumentException("a DRAM channel must accept at least one read and one write,"
          + " found maxOutstandingReads " + maxOutstandingReads + " and writeQueueDepth " + writeQueueDepth);
    }
    if (refreshInterval < 0 || refreshCycles < 0 || burstGapCycles < 0
        || refreshInterval > 0 && (refreshCycles < 1 || refreshCycles >= refreshInterval)) {
      throw new IllegalArgumentException("DRAM penalties must be 0 (off) or positive, with 1 <= refreshCycles"
          + " < refreshInterval when refresh is on; found refreshInterval " + refreshInterval
          + ", refreshCycles " + refreshCycles + ", burstGapCycles " + burstGapCycles);
    }
  }

  /** 16 MiB, 512 bits, 4-bit IDs, 100-cycle reads, 128 outstanding reads, no penalties. */
  public static DramConfig defaults() {
    return new DramConfig(DEFAULT_SIZE, 512, 4, 100, 128, 4, 0, 0, 0);
  }

  public DramConfig withSizeBytes(long bytes) {
    return new DramConfig(bytes, dataWidth, idWidth, readLatency, maxOutstandingReads, writeQueueDepth,
        refreshInterval, refreshCycles, burstGapCycles);
  }

  public DramConfig withDataWidth(int bits) {
    return new DramConfig(sizeBytes, bits, idWidth, readLatency, maxOutstandingReads, writeQueueDepth,
        refreshInterval, refreshCycles, burstGapCycles);
  }

  public DramConfig withIdWidth(int bits) {
    return new DramConfig(sizeBytes, dataWidth, bits, readLatency, maxOutstandingReads, writeQueueDepth,
        refreshInterval, refreshCycles, burstGapCycles);
  }

  public DramConfig withReadLatency(int cycles) {
    return new DramConfig(sizeBytes, dataWidth, idWidth, cycles, maxOutstandingReads, writeQueueDepth,
        refreshInterval, refreshCycles, burstGapCycles);
  }

  public DramConfig withMaxOutstandingReads(int n) {
    return new DramConfig(sizeBytes, dataWidth, idWidth, readLatency, n, writeQueueDepth,
        refreshInterval, refreshCycles, burstGapCycles);
  }

  public DramConfig withRefresh(int interval, int cycles) {
    return new DramConfig(sizeBytes, dataWidth, idWidth, readLatency, maxOutstandingReads, writeQueueDepth,
        interval, cycles, burstGapCycles);
  }

  public DramConfig withBurstGap(int cycles) {
    return new DramConfig(sizeBytes, dataWidth, idWidth, readLatency, maxOutstandingReads, writeQueueDepth,
        refreshInterval, refreshCycles, cycles);
  }

  /** Bytes per data beat: the peak bytes per cycle of the channel. */
  public int dataBytes() {
    return dataWidth / 8;
  }

  /** Words of {@code dataWidth} bits in the backing memory. */
  public int words() {
    return (int) (sizeBytes / dataBytes());
  }

  /** Bits of byte address: exactly the channel's size. */
  public int addrWidth() {
    return Long.numberOfTrailingZeros(sizeBytes);
  }

  /** The AXI4 parameters of the channel's subordinate port. */
  public Axi4.Params axiParams() {
    return new Axi4.Params(idWidth, addrWidth(), dataWidth, 0);
  }
}
