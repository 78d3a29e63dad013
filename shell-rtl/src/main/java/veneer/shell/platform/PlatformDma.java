package veneer.shell.platform;

import java.util.Arrays;
import veneer.shell.dma.DmaDescriptor;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.DmaError;
import veneer.shell.dma.DmaRegisters;
import veneer.shell.dma.DmaTransferException;
import veneer.shell.host.HostDriver;

/**
 * The copies of {@link PlatformDriver#copyToCard} and {@link PlatformDriver#copyFromCard}: a
 * driver of the Shell's DMA engine as an operating system would write it. PF0 gives channels
 * {@link #H2C} and {@link #C2H} the whole DRAM as their window; PF1 owns their rings (64
 * descriptors at {@link #RING_BASE} in host memory) and a staging buffer (host memory from
 * {@link #STAGING_BASE} up) that data passes through. Completion is the descriptor's status DW
 * written back to host memory, polled every 16 cycles. A byte range that does not start or end
 * on a 64-byte line is widened to whole lines, the edge lines read first (read-modify-write).
 */
final class PlatformDma {
  /** The channels used: host to card 0 and card to host 0 (channel numbers of the registers). */
  static final int H2C = 0;
  static final int C2H = 2;
  /** Host memory of the rings: 4 KiB per channel from here. */
  static final long RING_BASE = 0x0;
  static final int RING_ENTRIES = 64;
  /** Host memory from here up is the staging buffer. */
  static final long STAGING_BASE = 0x10000;
  private static final int LINE = DmaDescriptor.ALIGN;

  private final HostDriver host;
  private final DmaDriver dma;
  private final long dramBytes;
  private final long stagingBytes;
  private boolean ready;

  PlatformDma(HostDriver host, long dramBytes, long hostMemBytes) {
    this.host = host;
    this.dma = new DmaDriver(host);
    this.dramBytes = dramBytes;
    this.stagingBytes = Math.min(hostMemBytes - STAGING_BASE, 1L << 29) / LINE * LINE;
    if (stagingBytes < LINE) {
      throw new IllegalArgumentException("DMA copies need host memory above 0x" + Long.toHexString(STAGING_BASE)
          + " for staging; the platform has " + hostMemBytes + " bytes");
    }
  }

  DmaDriver driver() {
    return dma;
  }

  /** PF0 opens the windows of the two channels on the whole DRAM; PF1 gives them rings and starts them. */
  private void setUp() {
    if (ready) {
      return;
    }
    for (int c : new int[] {H2C, C2H}) {
      dma.window(c, 0, dramBytes);
      dma.ring(c, RING_BASE + 0x1000L * c, RING_ENTRIES);
    }
    ready = true;
  }

  void toCard(long address, byte[] data, int offset, int length) {
    checkRange(address, data, offset, length);
    if (length == 0) {
      return;
    }
    long first = address / LINE * LINE;
    long end = roundUp(address + length);
    byte[] lines;
    int at = (int) (address - first);
    if (first == address && end == address + length) {
      lines = data.length == length && offset == 0 ? data : Arrays.copyOfRange(data, offset, offset + length);
    } else {
      lines = new byte[(int) (end - first)];
      byte[] head = new byte[LINE];
      fromCardLines(first, head, 0, LINE);
      System.arraycopy(head, 0, lines, 0, LINE);
      if (end - LINE > first) {
        byte[] tail = new byte[LINE];
        fromCardLines(end - LINE, tail, 0, LINE);
        System.arraycopy(tail, 0, lines, lines.length - LINE, LINE);
      }
      System.arraycopy(data, offset, lines, at, length);
    }
    for (long done = 0; done < lines.length; done += stagingBytes) {
      int n = (int) Math.min(stagingBytes, lines.length - done);
      host.writeHostMemory(STAGING_BASE, Arrays.copyOfRange(lines, (int) done, (int) done + n));
      run(H2C, STAGING_BASE, first + done, n, "host to card");
    }
  }

  void fromCard(long address, byte[] into, int offset, int length) {
    checkRange(address, into, offset, length);
    if (length == 0) {
      return;
    }
    long first = address / LINE * LINE;
    long end = roundUp(address + length);
    if (first == address && end == address + length) {
      fromCardLines(address, into, offset, length);
      return;
    }
    byte[] lines = new byte[(int) (end - first)];
    fromCardLines(first, lines, 0, lines.length);
    System.arraycopy(lines, (int) (address - first), into, offset, length);
  }

  /** Whole lines from DRAM into {@code into}, through the staging buffer. */
  private void fromCardLines(long address, byte[] into, int offset, int length) {
    for (long done = 0; done < length; done += stagingBytes) {
      int n = (int) Math.min(stagingBytes, length - done);
      run(C2H, address + done, STAGING_BASE, n, "card to host");
      System.arraycopy(host.readHostMemory(STAGING_BASE, n), 0, into, offset + (int) done, n);
    }
  }

  /** One descriptor on channel {@code c}, waited for; a refusal clears the channel and throws. */
  private void run(int c, long source, long destination, int length, String direction) {
    setUp();
    int i = dma.submit(c, source, destination, length, 0);
    long status = dma.waitDone(c, i, 200_000L + length / 8);
    if ((status & DmaDescriptor.STATUS_ERROR) == 0) {
      return;
    }
    long channelStatus = dma.reg(c, "status");
    DmaError e = DmaError.of((int) (status >>> 8) & 0xFF);
    dma.clearError(c, true);
    long dram = c == H2C ? destination : source;
    throw new DmaTransferException(c, e, String.format("DMA %s of %d bytes at device address 0x%x refused by"
        + " channel %s: %s (code %d; channel status was 0x%x, cleared). Device DRAM is 0x0-0x%x, the channel's"
        + " window the same", direction, length, dram, DmaRegisters.CHANNEL_NAMES.get(c), e, e.code, channelStatus,
        dramBytes - 1));
  }

  private static void checkRange(long address, byte[] data, int offset, int length) {
    if (address < 0 || length < 0 || offset < 0 || offset + (long) length > data.length) {
      throw new IllegalArgumentException(String.format("a DMA copy needs a device address >= 0 and %d bytes from"
          + " offset %d of a %d-byte array; found address %d", length, offset, data.length, address));
    }
  }

  private static long roundUp(long v) {
    return (v + LINE - 1) / LINE * LINE;
  }
}
