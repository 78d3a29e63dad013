package veneer.runtime.image;

/** Lower-case hexadecimal text for byte arrays; one place so every message spells ids alike. */
final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {
  }

  static String of(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      text.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }
    return text.toString();
  }

  /** Parses exactly {@code length} bytes of hex; the caller names {@code what} for errors. */
  static byte[] parse(String text, int length, String what) {
    if (text.length() != length * 2) {
      throw new IllegalArgumentException(what + ": expected " + (length * 2)
          + " hex digits, found " + text.length() + " characters: \"" + text + "\"");
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      int high = Character.digit(text.charAt(2 * i), 16);
      int low = Character.digit(text.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException(what + ": expected hex digits 0-9a-f, found \""
            + text + "\" (bad character at position " + (high < 0 ? 2 * i : 2 * i + 1) + ")");
      }
      bytes[i] = (byte) ((high << 4) | low);
    }
    return bytes;
  }
}
