package veneer.runtime;

import veneer.runtime.link.Link;

/**
 * A block of device DRAM: written and read through the device's DMA engine, little-endian.
 * Closing the buffer returns its memory; a {@link #slice} is a view of part of a buffer that
 * lives as long as the buffer and frees nothing.
 *
 * <pre>{@code
 * try (Buffer b = dev.user().allocate(4096)) {
 *   b.writeInts(0, new int[] {1, 2, 3});
 *   int[] back = b.readInts(0, 3);
 *   Buffer tail = b.slice(1024, 3072);       // device address b.address() + 1024
 * }
 * }</pre>
 */
public final class Buffer implements AutoCloseable {
  private final Link link;
  private final DeviceMemory memory;
  private final Buffer root;
  private final long address;
  private final long size;
  private boolean closed;

  private Buffer(Link link, DeviceMemory memory, Buffer root, long address, long size) {
    this.link = link;
    this.memory = memory;
    this.root = root == null ? this : root;
    this.address = address;
    this.size = size;
  }

  static Buffer allocate(Link link, DeviceMemory memory, long size) {
    return new Buffer(link, memory, null, memory.allocate(size), size);
  }

  /** Device DRAM address of byte 0. */
  public long address() {
    return address;
  }

  /** Bytes in this buffer (or slice). */
  public long size() {
    return size;
  }

  /** A view of {@code length} bytes from {@code offset}; closing it frees nothing. */
  public Buffer slice(long offset, long length) {
    check(offset, length);
    return new Buffer(link, null, root, address + offset, length);
  }

  /** Copies {@code data} to the device from byte {@code offset}. */
  public void write(long offset, byte[] data) {
    write(offset, data, 0, data.length);
  }

  /** Copies {@code length} bytes of {@code data} from {@code from} to the device from byte {@code offset}. */
  public void write(long offset, byte[] data, int from, int length) {
    check(offset, length);
    if (from < 0 || length < 0 || from + length > data.length) {
      throw new IndexOutOfBoundsException("source range " + from + "+" + length + " of a " + data.length + "-byte array");
    }
    if (length > 0) {
      link.dmaToDevice(address + offset, data, from, length);
    }
  }

  /** Copies {@code length} bytes from byte {@code offset} of the device buffer. */
  public byte[] read(long offset, int length) {
    check(offset, length);
    byte[] out = new byte[length];
    if (length > 0) {
      link.dmaFromDevice(address + offset, out, 0, length);
    }
    return out;
  }

  /** The whole buffer (at most 2 GiB). */
  public byte[] read() {
    if (size > Integer.MAX_VALUE) {
      throw new IllegalStateException("a buffer of " + size + " bytes does not fit one Java array; read slices of it");
    }
    return read(0, (int) size);
  }

  /** Writes {@code values} as 32-bit words from byte {@code offset}. */
  public void writeInts(long offset, int[] values) {
    write(offset, LittleEndian.ints(values, 0, values.length));
  }

  /** Reads {@code count} 32-bit words from byte {@code offset}. */
  public int[] readInts(long offset, int count) {
    return LittleEndian.toInts(read(offset, Math.multiplyExact(4, count)));
  }

  /** Writes {@code values} as 64-bit words from byte {@code offset}. */
  public void writeLongs(long offset, long[] values) {
    write(offset, LittleEndian.longs(values, 0, values.length));
  }

  /** Reads {@code count} 64-bit words from byte {@code offset}. */
  public long[] readLongs(long offset, int count) {
    return LittleEndian.toLongs(read(offset, Math.multiplyExact(8, count)));
  }

  /** Whether the memory was returned (this buffer or the one it is a slice of was closed). */
  public boolean isClosed() {
    return root.closed;
  }

  /** Returns the memory; a second close, or closing a slice, does nothing. */
  @Override
  public void close() {
    if (root == this && !closed) {
      closed = true;
      memory.free(address);
    }
  }

  private void check(long offset, long length) {
    if (root.closed) {
      throw new IllegalStateException(String.format("buffer at 0x%x was closed", address));
    }
    if (offset < 0 || length < 0 || offset + length > size) {
      throw new IndexOutOfBoundsException(String.format(
          "buffer at 0x%x has %d bytes; expected a range inside it, found %d+%d", address, size, offset, length));
    }
  }

  @Override
  public String toString() {
    return String.format("Buffer[0x%x, %d bytes%s]", address, size, isClosed() ? ", closed" : "");
  }
}
