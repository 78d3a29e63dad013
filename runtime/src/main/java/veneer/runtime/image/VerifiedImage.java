package veneer.runtime.image;

/**
 * An image that passed every check of {@link ImageVerifier}: structure, trusted and unrevoked
 * signer, payload digest, signature, shell interface id, rollback minimum, bitstream framing.
 * Only the verifier creates these, so holding one is proof of verification; it is the only way to
 * reach the payload of an image.
 *
 * <pre>{@code
 * VerifiedImage image = ImageVerifier.verify(bytes, shellId, trust, rollback);
 * configurationPort.stream(image.payload());
 * rollback.recordLoaded(image);
 * }</pre>
 */
public final class VerifiedImage {

  private final ImageHeader header;
  private final byte[] payload;
  private final PartialBitstream bitstream;

  VerifiedImage(ImageHeader header, byte[] payload, PartialBitstream bitstream) {
    this.header = header;
    this.payload = payload;
    this.bitstream = bitstream;
  }

  /** All header fields. */
  public ImageHeader header() {
    return header;
  }

  /** The framed partial bitstream bytes for the configuration port (a copy). */
  public byte[] payload() {
    return payload.clone();
  }

  /** The parsed partial bitstream inside the payload. */
  public PartialBitstream bitstream() {
    return bitstream;
  }

  /** Who signed it. */
  public KeyFingerprint signer() {
    return header.signerFingerprint();
  }

  @Override
  public String toString() {
    return "VerifiedImage[" + header.roleKind() + " variant " + header.variantIdUnsigned() + " \"" + header.variantName()
        + "\" version " + header.imageVersion() + ", shell " + header.shellInterfaceId().hex()
        + ", signer " + header.signerFingerprint().hex() + ", " + payload.length + " payload bytes]";
  }
}
