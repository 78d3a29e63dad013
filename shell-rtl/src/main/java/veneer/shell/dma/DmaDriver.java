package veneer.shell.dma;

import veneer.shell.ShellLayout;
import veneer.shell.host.HostDriver;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pcie.MsixCapability;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.Simulator;

/**
 * Host software for the DMA and MSI-X of a {@link veneer.shell.Shell}, over a {@link HostDriver}: what
 * a kernel driver does, through MMIO and host memory. PF0 sets the channels' DRAM windows;
 * PF1 owns the rings, the doorbells and the MSI-X table.
 *
 * <pre>{@code
 * DmaDriver dma = new DmaDriver(host);
 * dma.window(0, 0, 1 << 20);                    // PF0: channel 0 may touch DRAM [0, 1 MiB)
 * dma.ring(0, 0x1000, 16);                      // PF1: 16-entry ring at host 0x1000, running
 * int i = dma.submit(0, 0x10000, 0x0, 4096, DmaDescriptor.IRQ);
 * int status = dma.waitDone(0, i, 100_000);
 * }</pre>
 */
public final class DmaDriver {
  private final HostDriver host;
  private final long[] ringBase = new long[4];
  private final int[] ringSize = new int[4];
  private final int[] tail = new int[4];

  public DmaDriver(HostDriver host) {
    this.host = host;
  }

  public HostDriver host() {
    return host;
  }

  private static void checkChannel(int c) {
    if (c < 0 || c > 3) {
      throw new IllegalArgumentException("channels are 0-1 (H2C) and 2-3 (C2H), found " + c);
    }
  }

  /** PF0: channel {@code c} may touch DRAM bytes {@code [base, limit)}. */
  public void window(int c, long base, long limit) {
    checkChannel(c);
    String p = DmaRegisters.prefix(c);
    host.mmioWrite(0, 0, DmaRegisters.WINDOWS.offsetOf(p + "win_base_lo"), base & 0xFFFF_FFFFL);
    host.mmioWrite(0, 0, DmaRegisters.WINDOWS.offsetOf(p + "win_base_hi"), base >>> 32);
    host.mmioWrite(0, 0, DmaRegisters.WINDOWS.offsetOf(p + "win_limit_lo"), limit & 0xFFFF_FFFFL);
    host.mmioWrite(0, 0, DmaRegisters.WINDOWS.offsetOf(p + "win_limit_hi"), limit >>> 32);
  }

  /** PF1: gives channel {@code c} a ring of {@code entries} descriptors at host address {@code base} and starts it. */
  public void ring(int c, long base, int entries) {
    checkChannel(c);
    if (entries < 1 || entries > 0xFFFF || base % DmaDescriptor.BYTES != 0) {
      throw new IllegalArgumentException("a ring has 1 to 65535 entries at a 64-byte aligned address, found "
          + entries + " at 0x" + Long.toHexString(base));
    }
    ringBase[c] = base;
    ringSize[c] = entries;
    tail[c] = (int) reg(c, "head");
    write(c, "ring_lo", base & 0xFFFF_FFFFL);
    write(c, "ring_hi", base >>> 32);
    write(c, "ring_size", entries);
    write(c, "tail", tail[c]);
    write(c, "control", 1);
  }

  /** Writes a descriptor at the ring's tail and rings the doorbell; returns its index. */
  public int submit(int c, long source, long destination, long length, int flags) {
    return submit(c, DmaDescriptor.encode(source, destination, length, flags));
  }

  /** Writes raw descriptor bytes (64) at the ring's tail and rings the doorbell; returns its index. */
  public int submit(int c, byte[] descriptor) {
    checkChannel(c);
    if (ringSize[c] == 0) {
      throw new IllegalStateException("channel " + c + " has no ring; call ring(...) first");
    }
    int i = tail[c];
    host.writeHostMemory(ringBase[c] + (long) DmaDescriptor.BYTES * i, descriptor);
    tail[c] = (i + 1) % ringSize[c];
    write(c, "tail", tail[c]);
    return i;
  }

  /** The status DW the engine wrote back for descriptor {@code index} (0 while not done). */
  public long descriptorStatus(int c, int index) {
    byte[] b = host.readHostMemory(ringBase[c] + (long) DmaDescriptor.BYTES * index + DmaDescriptor.STATUS_OFFSET, 4);
    return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
  }

  /**
   * Steps the simulation until descriptor {@code index} has a status, checking host memory every
   * 16 cycles as a polling driver would; returns the status DW. A descriptor still without a
   * status after {@code maxCycles} is a {@link SimulationTimeoutException} naming the channel's status.
   */
  public long waitDone(int c, int index, long maxCycles) {
    Simulator sim = host.simulator();
    long start = sim.cycle();
    while (true) {
      long s = descriptorStatus(c, index);
      if (s != 0) {
        return s;
      }
      if (sim.cycle() - start > maxCycles) {
        throw new SimulationTimeoutException(sim.cycle(), "descriptor " + index + " of channel "
            + DmaRegisters.CHANNEL_NAMES.get(c) + " not done within " + maxCycles + " cycles; channel status 0x"
            + Long.toHexString(reg(c, "status")));
      }
      sim.step(16);
    }
  }

  /** Clears channel {@code c}'s zeroed descriptor status before reuse of ring entries. */
  public void clearDescriptorStatus(int c, int index) {
    host.writeHostMemory(ringBase[c] + (long) DmaDescriptor.BYTES * index + DmaDescriptor.STATUS_OFFSET, new byte[4]);
  }

  /** A channel register ("status", "head", "completed"...) read through PF1. */
  public long reg(int c, String name) {
    return host.mmioRead(1, ShellLayout.DMA_BAR, DmaRegisters.CHANNELS.offsetOf(DmaRegisters.prefix(c) + name));
  }

  /** Writes a channel register through PF1. */
  public void write(int c, String name, long value) {
    host.mmioWrite(1, ShellLayout.DMA_BAR, DmaRegisters.CHANNELS.offsetOf(DmaRegisters.prefix(c) + name), value);
  }

  /** Clears channel {@code c}'s error: retry the failed descriptor, or skip it. */
  public void clearError(int c, boolean skip) {
    write(c, "clear", skip ? 2 : 1);
  }

  // --- MSI-X -------------------------------------------------------------------------------------------

  /** Programs MSI-X table entry {@code v}. */
  public void vector(int v, long address, long data, boolean masked) {
    long o = MsixRegisters.TABLE_OFFSET + 16L * v;
    host.mmioWrite(1, ShellLayout.DMA_BAR, o, address & 0xFFFF_FFFFL);
    host.mmioWrite(1, ShellLayout.DMA_BAR, o + 4, address >>> 32);
    host.mmioWrite(1, ShellLayout.DMA_BAR, o + 8, data);
    host.mmioWrite(1, ShellLayout.DMA_BAR, o + 12, masked ? 1 : 0);
  }

  /** Sets or clears vector {@code v}'s mask bit. */
  public void mask(int v, boolean masked) {
    host.mmioWrite(1, ShellLayout.DMA_BAR, MsixRegisters.TABLE_OFFSET + 16L * v + 12, masked ? 1 : 0);
  }

  /** MSI-X Enable and Function Mask, in PF1's MSI-X capability (Message Control bits 15 and 14). */
  public void msix(boolean enable, boolean functionMask) {
    long dw = host.configRead(1, MsixCapability.OFFSET);
    long control = (dw & 0x3FFF_FFFFL) | (enable ? 1L << 31 : 0) | (functionMask ? 1L << 30 : 0);
    host.configWrite(1, MsixCapability.OFFSET, control);
  }

  /** The pending bits of vectors 31:0. */
  public long pba() {
    return host.mmioRead(1, ShellLayout.DMA_BAR, MsixRegisters.PBA_OFFSET);
  }
}
