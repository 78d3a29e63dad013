package veneer.runtime.image;

/**
 * Lays out header, payload and signature block and signs. Package-private and unchecked: it
 * writes whatever header it is given, which tests use to make inconsistent but signed images;
 * {@link ImageBuilder} is the public, checking way in.
 */
final class ImageWriter {

  private ImageWriter() {
  }

  /** Header bytes followed by payload bytes: the part the signature covers. */
  static byte[] signedPart(ImageHeader header, byte[] payload) {
    return new LittleEndianWriter().bytes(HeaderCodec.encode(header)).bytes(payload).toByteArray();
  }

  /** The complete image: signed part, then the signature block over it. */
  static byte[] write(ImageHeader header, byte[] payload, SigningKey key) {
    byte[] signed = signedPart(header, payload);
    return attachSignature(signed, key.sign(signed, 0, signed.length));
  }

  static byte[] attachSignature(byte[] signedPart, byte[] signature) {
    return new LittleEndianWriter()
        .bytes(signedPart)
        .bytes(ImageLayout.SIGNATURE_MAGIC)
        .u16(ImageLayout.SIGNATURE_ALGORITHM_ED25519)
        .u16(signature.length)
        .bytes(signature)
        .toByteArray();
  }
}
