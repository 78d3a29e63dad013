package veneer.runtime.image;

/**
 * Reads little-endian fields from a byte array with bounds checks; every failure becomes an
 * {@link ImageFormatException} naming the field and its offset. Offsets in messages are relative
 * to {@code reportBase}, so a payload parsed inside an image can report its own offsets.
 */
final class ByteCursor {

  private final byte[] data;
  private final int start;
  private final int end;
  private int position;

  ByteCursor(byte[] data, int start, int length) {
    this.data = data;
    this.start = start;
    this.end = start + length;
    this.position = start;
  }

  ByteCursor(byte[] data) {
    this(data, 0, data.length);
  }

  /** Offset of the next byte, relative to the start of the parsed range. */
  int offset() {
    return position - start;
  }

  int remaining() {
    return end - position;
  }

  int size() {
    return end - start;
  }

  /** Absolute index in the backing array of the next byte. */
  int absolutePosition() {
    return position;
  }

  void require(String field, int count) throws ImageFormatException {
    if (remaining() < count) {
      throw new ImageFormatException(ImageFormatException.Problem.TRUNCATED, field, offset(),
          count + " byte" + (count == 1 ? "" : "s"),
          "only " + remaining() + " before the end of the input (total size " + size() + " bytes)");
    }
  }

  int u8(String field) throws ImageFormatException {
    require(field, 1);
    return data[position++] & 0xFF;
  }

  int u16(String field) throws ImageFormatException {
    require(field, 2);
    int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
    position += 2;
    return value;
  }

  long u32(String field) throws ImageFormatException {
    require(field, 4);
    long value = 0;
    for (int i = 3; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFF);
    }
    position += 4;
    return value;
  }

  /** A 64-bit value; the caller interprets it as unsigned or signed. */
  long u64(String field) throws ImageFormatException {
    require(field, 8);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFF);
    }
    position += 8;
    return value;
  }

  byte[] bytes(String field, int count) throws ImageFormatException {
    require(field, count);
    byte[] copy = new byte[count];
    System.arraycopy(data, position, copy, 0, count);
    position += count;
    return copy;
  }

  /** Reads {@code count} bytes that must all be zero. */
  void zeros(String field, int count) throws ImageFormatException {
    int at = offset();
    byte[] bytes = bytes(field, count);
    for (int i = 0; i < count; i++) {
      if (bytes[i] != 0) {
        throw new ImageFormatException(ImageFormatException.Problem.MALFORMED, field, at + i,
            "0x00 (reserved)", String.format("0x%02x", bytes[i] & 0xFF));
      }
    }
  }

  void skip(int count) {
    position += count;
  }

  byte[] array() {
    return data;
  }
}
