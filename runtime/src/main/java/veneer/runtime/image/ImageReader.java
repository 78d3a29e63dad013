package veneer.runtime.image;

import static veneer.runtime.image.ImageFormatException.Problem.MALFORMED;
import static veneer.runtime.image.ImageFormatException.Problem.TRUNCATED;

import java.util.Arrays;

/**
 * Strict structural parser of a whole image. It never allocates more than the input's own size:
 * every declared length is checked against the bytes really present before it is used.
 */
final class ImageReader {

  private ImageReader() {
  }

  /** Parses {@code bytes} (not copied; callers that keep the result must own the array). */
  static ParsedImage parse(byte[] bytes) throws ImageFormatException {
    ByteCursor in = new ByteCursor(bytes);
    ImageHeader header = HeaderCodec.decode(in);
    int headerLength = in.offset();
    long expectedSize = headerLength + header.payloadLength() + ImageLayout.SIGNATURE_BLOCK_BYTES;
    if (bytes.length < expectedSize) {
      throw new ImageFormatException(TRUNCATED, "end of input", bytes.length,
          expectedSize + " bytes (header " + headerLength + " + payload " + header.payloadLength()
              + " + signature block " + ImageLayout.SIGNATURE_BLOCK_BYTES + ")",
          bytes.length + " bytes");
    }
    if (bytes.length > expectedSize) {
      throw new ImageFormatException(MALFORMED, "end of image", expectedSize,
          "end of input after " + expectedSize + " bytes (header " + headerLength + " + payload "
              + header.payloadLength() + " + signature block " + ImageLayout.SIGNATURE_BLOCK_BYTES + ")",
          (bytes.length - expectedSize) + " trailing bytes");
    }
    in.skip((int) header.payloadLength());
    byte[] signature = readSignatureBlock(in);
    return new ParsedImage(header, bytes, headerLength, signature);
  }

  private static byte[] readSignatureBlock(ByteCursor in) throws ImageFormatException {
    int at = in.offset();
    byte[] magic = in.bytes("signature block magic", ImageLayout.SIGNATURE_MAGIC.length);
    if (!Arrays.equals(magic, ImageLayout.SIGNATURE_MAGIC)) {
      throw new ImageFormatException(MALFORMED, "signature block magic", at,
          "\"VSIG\" (56 53 49 47)", Hex.of(magic));
    }
    int algorithm = in.u16("signature algorithm");
    if (algorithm != ImageLayout.SIGNATURE_ALGORITHM_ED25519) {
      throw new ImageFormatException(MALFORMED, "signature algorithm", at + 4,
          ImageLayout.SIGNATURE_ALGORITHM_ED25519 + " (Ed25519)", String.valueOf(algorithm));
    }
    int length = in.u16("signature length");
    if (length != ImageLayout.ED25519_SIGNATURE_BYTES) {
      throw new ImageFormatException(MALFORMED, "signature length", at + 6,
          ImageLayout.ED25519_SIGNATURE_BYTES + " (Ed25519)", String.valueOf(length));
    }
    return in.bytes("signature", length);
  }
}
