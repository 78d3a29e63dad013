package veneer.runtime.image;

/**
 * The 128-bit id of a Shell's interface to the Role partition. An image runs only on a Shell with
 * the same id. Written as 32 hex digits, most significant first; stored in files as a 128-bit
 * little-endian integer (see docs/image-format.md).
 *
 * <pre>{@code
 * ShellInterfaceId id = ShellInterfaceId.parse("0123456789abcdef0011223344556677");
 * id.hex();   // "0123456789abcdef0011223344556677"
 * }</pre>
 *
 * @param high bits 127..64
 * @param low bits 63..0
 */
public record ShellInterfaceId(long high, long low) {

  /** Number of bytes in the stored form. */
  public static final int BYTES = 16;

  /**
   * Parses 32 hex digits; dashes are ignored so UUID-style spelling works.
   *
   * @throws IllegalArgumentException naming what was expected and what was found
   */
  public static ShellInterfaceId parse(String text) {
    String digits = text.replace("-", "");
    byte[] bigEndian = Hex.parse(digits, BYTES, "shell interface id");
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (bigEndian[i] & 0xFF);
      low = (low << 8) | (bigEndian[i + 8] & 0xFF);
    }
    return new ShellInterfaceId(high, low);
  }

  /** 32 lower-case hex digits, most significant first. */
  public String hex() {
    return String.format("%016x%016x", high, low);
  }

  /** The stored form: 16 bytes, least significant byte first. */
  byte[] toLittleEndianBytes() {
    byte[] bytes = new byte[BYTES];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (low >>> (8 * i));
      bytes[i + 8] = (byte) (high >>> (8 * i));
    }
    return bytes;
  }

  static ShellInterfaceId fromLittleEndianBytes(byte[] bytes, int offset) {
    long low = 0;
    long high = 0;
    for (int i = 7; i >= 0; i--) {
      low = (low << 8) | (bytes[offset + i] & 0xFF);
      high = (high << 8) | (bytes[offset + 8 + i] & 0xFF);
    }
    return new ShellInterfaceId(high, low);
  }

  @Override
  public String toString() {
    return hex();
  }
}
