package veneer.runtime.image;

import java.io.ByteArrayOutputStream;

/** Appends little-endian fields; the writing side of {@link ByteCursor}. */
final class LittleEndianWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  LittleEndianWriter u8(int value) {
    out.write(value);
    return this;
  }

  LittleEndianWriter u16(int value) {
    return u8(value).u8(value >>> 8);
  }

  LittleEndianWriter u32(long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  LittleEndianWriter u64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  LittleEndianWriter bytes(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  LittleEndianWriter zeros(int count) {
    for (int i = 0; i < count; i++) {
      out.write(0);
    }
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
