package veneer.runtime;

import java.lang.reflect.Array;

/**
 * A kernel array that lives on the device: a {@link Buffer} holding the array's length word and
 * then its elements, as a compiled kernel reads an array argument. Element 0 starts a 64-byte
 * DRAM line (the length word is the last word of the line before it), so a coarsened kernel's
 * blocks of 16 ints are whole lines, and every array lines up with every other. Pass it to
 * {@link KernelHandle#launch} instead of a Java array to keep data on the device between
 * launches (no copy in or out); {@link #read()} copies it back when you want it.
 *
 * <pre>{@code
 * try (DeviceArray a = user.array(new int[] {1, 2, 3}); DeviceArray c = user.array(int.class, 3)) {
 *   add.launch(WorkRange.of(3), a, a, c);
 *   int[] twice = (int[]) c.read();         // {2, 4, 6}
 * }
 * }</pre>
 */
public final class DeviceArray implements AutoCloseable {
  /** Bytes an array's allocation holds before its length word: element 0 then starts a DRAM line. */
  static final int LEAD_BYTES = DeviceMemory.ALIGN - 4;

  private final Buffer allocation;
  private final Buffer buffer;
  private final Class<?> component;
  private final int length;

  private DeviceArray(Buffer allocation, Buffer buffer, Class<?> component, int length) {
    this.allocation = allocation;
    this.buffer = buffer;
    this.component = component;
    this.length = length;
  }

  /** A zero-filled array of {@code length} elements of {@code component} (int.class, long.class, ...). */
  static DeviceArray allocate(User user, Class<?> component, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("array length: expected 0 or more, found " + length);
    }
    int e = JavaArrays.elementBytes(component);
    long bytes = 4 + ((long) length * e + 3) / 4 * 4;
    Buffer allocation = lineAligned(user, bytes);
    Buffer b = allocation.slice(LEAD_BYTES, bytes);
    try {
      byte[] image = new byte[(int) bytes];
      LittleEndian.put(image, 0, 4, length);
      b.write(0, image);
    } catch (RuntimeException ex) {
      allocation.close();
      throw ex;
    }
    return new DeviceArray(allocation, b, component, length);
  }

  /**
   * A new allocation for an array image of {@code bytes} bytes (length word first): the image is
   * its slice from {@link #LEAD_BYTES}, so that element 0 starts a DRAM line. Close the allocation.
   */
  static Buffer lineAligned(User user, long bytes) {
    return user.allocate(LEAD_BYTES + bytes);
  }

  /** A device copy of {@code javaArray}. */
  static DeviceArray of(User user, Object javaArray) {
    Class<?> c = JavaArrays.component(javaArray);
    DeviceArray a = allocate(user, c, Array.getLength(javaArray));
    a.write(javaArray);
    return a;
  }

  /** The element type, such as {@code int.class}. */
  public Class<?> componentType() {
    return component;
  }

  /** Elements. */
  public int length() {
    return length;
  }

  /** The array's bytes: the length word at byte 0, element 0 at byte 4 (the start of a DRAM line). */
  public Buffer buffer() {
    return buffer;
  }

  /** Copies {@code javaArray} (same type and length) to the device. */
  public void write(Object javaArray) {
    requireMatching(javaArray);
    buffer.write(4, JavaArrays.encode(javaArray));
  }

  /** A new Java array with the device's contents (an {@code int[]} for an int array, ...). */
  public Object read() {
    Object out = Array.newInstance(component, length);
    readInto(out);
    return out;
  }

  /** Copies the device's contents into {@code javaArray} (same type and length). */
  public void readInto(Object javaArray) {
    requireMatching(javaArray);
    JavaArrays.decode(buffer.read(4, length * JavaArrays.elementBytes(component)), 0, javaArray);
  }

  private void requireMatching(Object javaArray) {
    Class<?> c = JavaArrays.component(javaArray);
    if (c != component || Array.getLength(javaArray) != length) {
      throw new IllegalArgumentException("device array: expected " + component.getName() + "[" + length + "], found "
          + c.getName() + "[" + Array.getLength(javaArray) + "]");
    }
  }

  /** Frees the device memory. */
  @Override
  public void close() {
    allocation.close();
  }

  @Override
  public String toString() {
    return component.getName() + "[" + length + "] at " + buffer;
  }
}
