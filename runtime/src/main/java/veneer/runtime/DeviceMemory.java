package veneer.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * First-fit allocator of device DRAM addresses {@code [0, size)}: every block starts on a
 * 64-byte DRAM line, so two buffers never share a line. Holds addresses only; the bytes live on
 * the device. Thread-safe.
 *
 * <pre>{@code
 * DeviceMemory m = new DeviceMemory(4 << 20);
 * long a = m.allocate(1000);   // 0
 * long b = m.allocate(10);     // 1024
 * m.free(a);
 * }</pre>
 */
public final class DeviceMemory {
  /** Alignment and granule of every block: one DRAM line. */
  public static final int ALIGN = 64;

  private final long size;
  /** Free blocks by start address, adjacent ones always merged. */
  private final TreeMap<Long, Long> free = new TreeMap<>();
  /** Allocated blocks: start to length (rounded). */
  private final TreeMap<Long, Long> used = new TreeMap<>();

  /** Manages {@code size} bytes of device memory (rounded down to whole lines). */
  public DeviceMemory(long size) {
    if (size < ALIGN) {
      throw new IllegalArgumentException("device memory: expected at least " + ALIGN + " bytes, found " + size);
    }
    this.size = size / ALIGN * ALIGN;
    free.put(0L, this.size);
  }

  /** Bytes managed. */
  public long size() {
    return size;
  }

  /** Bytes currently allocated (in whole lines). */
  public synchronized long allocated() {
    return used.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The address of a new block of at least {@code bytes} bytes (at least one line).
   *
   * @throws OutOfDeviceMemoryException when no free block is large enough
   */
  public synchronized long allocate(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("buffer size: expected 0 or more bytes, found " + bytes);
    }
    long need = Math.max(ALIGN, (bytes + ALIGN - 1) / ALIGN * ALIGN);
    for (Map.Entry<Long, Long> f : free.entrySet()) {
      long at = f.getKey();
      long length = f.getValue();
      if (length >= need) {
        free.remove(at); // f is not valid after this: TreeMap reuses entries when it deletes
        if (length > need) {
          free.put(at + need, length - need);
        }
        used.put(at, need);
        return at;
      }
    }
    throw new OutOfDeviceMemoryException(bytes, size, size - allocated(), largestFree());
  }

  /** Returns the block at {@code address} (as {@link #allocate} gave it). */
  public synchronized void free(long address) {
    Long length = used.remove(address);
    if (length == null) {
      throw new IllegalArgumentException(String.format("free: 0x%x is not the start of an allocated block", address));
    }
    long start = address;
    long end = address + length;
    Map.Entry<Long, Long> before = free.floorEntry(start);
    if (before != null && before.getKey() + before.getValue() == start) {
      start = before.getKey();
      free.remove(start);
    }
    Long after = free.remove(end);
    if (after != null) {
      end += after;
    }
    free.put(start, end - start);
  }

  private long largestFree() {
    return free.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
