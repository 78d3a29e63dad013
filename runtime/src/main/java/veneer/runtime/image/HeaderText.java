package veneer.runtime.image;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Rules for the three text fields of the header. Control characters are refused (except line
 * feed and tab in the notes) because `veneer image inspect` prints these strings to a terminal and
 * an image must not be able to smuggle escape sequences into it.
 */
final class HeaderText {

  static final int MAX_VARIANT_NAME_BYTES = 255;
  static final int MAX_TOOL_VERSION_BYTES = 255;
  static final int MAX_NOTES_BYTES = 4096;

  private HeaderText() {
  }

  /** Returns the first forbidden character's index, or -1. */
  static int firstForbidden(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
      boolean allowed = multiLine && (c == '\n' || c == '\t');
      if (control && !allowed) {
        return i;
      }
    }
    return -1;
  }

  /** Checks a value given to a builder; throws IllegalArgumentException naming the field. */
  static byte[] encode(String field, String text, int maxBytes, boolean multiLine) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      throw new IllegalArgumentException(field + ": expected at most " + maxBytes
          + " bytes of UTF-8, found " + bytes.length);
    }
    int bad = firstForbidden(text, multiLine);
    if (bad >= 0) {
      throw new IllegalArgumentException(field + ": expected printable text"
          + (multiLine ? " (line feed and tab allowed)" : "") + ", found control character U+"
          + String.format("%04X", (int) text.charAt(bad)) + " at character " + bad);
    }
    return bytes;
  }

  /** Strict UTF-8 decoding of a header field; {@code null} when the bytes are not valid UTF-8. */
  static String decodeOrNull(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
