package veneer.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.link.ConfigurationStatus;
import veneer.runtime.link.DeviceException;
import veneer.runtime.link.Link;

/**
 * A test double of a device for the runtime's own logic: DRAM as a byte array behind the DMA
 * calls, PF1 BAR0 as a map of overlay registers, and what "the array" does on start supplied by
 * the test ({@link #onStart}). It runs no kernel: tests that need real results run on sim:jvm
 * (examples module).
 */
final class FakeOverlayLink implements Link {
  final byte[] dram;
  final Map<Long, Long> registers = new HashMap<>();
  final int[] args = new int[64];
  final List<Integer> imem = new ArrayList<>();
  /** MMIO reads per register offset, to count the runtime's round trips. */
  final Map<Long, Integer> reads = new HashMap<>();
  int imemWrites;
  int configurationStreams;
  long interruptAfter = 1234;
  Consumer<FakeOverlayLink> onStart = l -> {};
  /** What "the array" does when a done message reaches the host (a message may be stale). */
  Consumer<FakeOverlayLink> onInterrupt = l -> {};
  boolean failDma;

  FakeOverlayLink(int dramBytes) {
    dram = new byte[dramBytes];
    set("id", ArrayRegisters.MAGIC);
    set("shape", 1024L / 16 << 16 | 4L << 8 | 2); // 2 PEs x 4 threads, 1024 IMEM words
    set("status", 0b010);
  }

  void set(String name, long value) {
    registers.put(ArrayRegisters.offsetOf(name), value);
  }

  /** How often the register {@code name} was read so far. */
  int readsOf(String name) {
    return reads.getOrDefault(ArrayRegisters.offsetOf(name), 0);
  }

  @Override
  public long mmioRead(int function, int bar, long offset) {
    reads.merge(offset, 1, Integer::sum);
    return registers.getOrDefault(offset, 0L);
  }

  @Override
  public void mmioWrite(int function, int bar, long offset, long value) {
    if (offset >= ArrayRegisters.IMEM_WINDOW) {
      int i = (int) (offset - ArrayRegisters.IMEM_WINDOW) / 4;
      while (imem.size() <= i) {
        imem.add(0);
      }
      imem.set(i, (int) value);
      imemWrites++;
    } else if (offset >= ArrayRegisters.ARGS_WINDOW && offset < ArrayRegisters.ARGS_WINDOW + 256) {
      args[(int) (offset - ArrayRegisters.ARGS_WINDOW) / 4] = (int) value;
    } else if (offset == ArrayRegisters.offsetOf("control") && value == 1) {
      onStart.accept(this);
    } else {
      registers.put(offset, value);
    }
  }

  /** Device DRAM word at PE address {@code pe}. */
  int word(long pe) {
    int d = (int) (pe - 0x8000_0000L);
    return (int) LittleEndian.get(dram, d, 4);
  }

  void putWord(long pe, int value) {
    LittleEndian.put(dram, (int) (pe - 0x8000_0000L), 4, value);
  }

  @Override
  public long identity() {
    return 0x5645_4e45L;
  }

  @Override
  public BigInteger interfaceId() {
    return new BigInteger("0123456789abcdef0011223344556677", 16);
  }

  @Override
  public ConfigurationStatus streamConfiguration(byte[] partialBitstream) {
    configurationStreams++;
    return new ConfigurationStatus(true, 0, "ok");
  }

  @Override
  public long managementRegister(String name) {
    return 0;
  }

  @Override
  public void resetRole() {
    throw new UnsupportedOperationException("the fake link has no Role to reset");
  }

  @Override
  public long deviceMemoryBytes() {
    return dram.length;
  }

  @Override
  public void dmaToDevice(long deviceAddress, byte[] data, int offset, int length) {
    check(deviceAddress, length);
    System.arraycopy(data, offset, dram, (int) deviceAddress, length);
  }

  @Override
  public void dmaFromDevice(long deviceAddress, byte[] into, int offset, int length) {
    check(deviceAddress, length);
    System.arraycopy(dram, (int) deviceAddress, into, offset, length);
  }

  private void check(long address, int length) {
    if (failDma || address < 0 || address + length > dram.length) {
      throw new DeviceException("DMA h2c: address 0x" + Long.toHexString(address) + " outside DRAM", 3);
    }
  }

  @Override
  public long awaitRoleInterrupt(int line, long maxCycles) {
    if (interruptAfter > maxCycles) {
      return -1;
    }
    onInterrupt.accept(this);
    return interruptAfter;
  }

  @Override
  public void close() {}
}
