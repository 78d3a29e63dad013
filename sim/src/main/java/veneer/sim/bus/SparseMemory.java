package veneer.sim.bus;

import java.util.HashMap;
import java.util.Map;

/** A byte-addressed memory of any size, stored in 4 KiB pages as they are first written; unwritten bytes read 0. */
public final class SparseMemory {
  private static final int PAGE = 4096;
  private final Map<Long, byte[]> pages = new HashMap<>();

  public int readByte(long addr) {
    byte[] page = pages.get(addr / PAGE);
    return page == null ? 0 : page[(int) (addr % PAGE)] & 0xFF;
  }

  public void writeByte(long addr, int value) {
    pages.computeIfAbsent(addr / PAGE, k -> new byte[PAGE])[(int) (addr % PAGE)] = (byte) value;
  }

  public void write(long addr, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      writeByte(addr + i, bytes[i]);
    }
  }

  public byte[] read(long addr, int count) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = (byte) readByte(addr + i);
    }
    return out;
  }

  /** {@code bytes} little-endian bytes at {@code addr} as an unsigned number (up to 8). */
  public long readLong(long addr, int bytes) {
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = v << 8 | readByte(addr + i);
    }
    return v;
  }

  public void writeLong(long addr, int bytes, long value) {
    for (int i = 0; i < bytes; i++) {
      writeByte(addr + i, (int) (value >>> (8 * i)));
    }
  }
}
