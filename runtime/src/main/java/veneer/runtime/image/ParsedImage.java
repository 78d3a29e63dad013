package veneer.runtime.image;

/**
 * A structurally valid but NOT yet verified image. Package-private on purpose: outside this
 * package the payload is reachable only through {@link VerifiedImage}.
 *
 * @param header the decoded header
 * @param bytes the whole image (header, payload, signature block)
 * @param headerLength bytes of header; the payload starts here
 * @param signature the 64-byte Ed25519 signature
 */
record ParsedImage(ImageHeader header, byte[] bytes, int headerLength, byte[] signature) {

  int payloadOffset() {
    return headerLength;
  }

  int payloadLength() {
    return (int) header.payloadLength();
  }

  /** Length of the signed part: header followed by payload. */
  int signedLength() {
    return headerLength + payloadLength();
  }
}
