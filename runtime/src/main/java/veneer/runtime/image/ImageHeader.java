package veneer.runtime.image;

import java.util.Objects;

/**
 * Every field of an image header (the signed part before the payload). See docs/image-format.md
 * for the byte layout.
 *
 * <pre>{@code
 * ImageHeader h = verified.header();
 * h.roleKind();          // OVERLAY
 * h.imageVersion();      // 7
 * h.shellInterfaceId();  // 0123...
 * }</pre>
 *
 * @param formatVersion image format version (currently 1)
 * @param shellInterfaceId the Shell interface the Role was built against
 * @param roleKind overlay or RTL
 * @param variantId which variant of that kind (unsigned 32-bit, kept in an int)
 * @param variantName human-readable variant name
 * @param imageVersion anti-rollback version, 0..2^63-1, monotonic per (role kind, variant)
 * @param buildInfo tool version, timestamp, notes
 * @param resources LUT/FF/BRAM/DSP counts
 * @param payloadLength number of payload bytes
 * @param payloadDigest SHA-256 of the payload
 * @param signerFingerprint fingerprint of the key that signed the image
 */
public record ImageHeader(
    int formatVersion,
    ShellInterfaceId shellInterfaceId,
    RoleKind roleKind,
    int variantId,
    String variantName,
    long imageVersion,
    BuildInfo buildInfo,
    ResourceSummary resources,
    long payloadLength,
    Sha256Digest payloadDigest,
    KeyFingerprint signerFingerprint) {

  /** Requires every field; text rules are the ones the file format enforces. */
  public ImageHeader {
    Objects.requireNonNull(shellInterfaceId, "shellInterfaceId");
    Objects.requireNonNull(roleKind, "roleKind");
    Objects.requireNonNull(variantName, "variantName");
    Objects.requireNonNull(buildInfo, "buildInfo");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(payloadDigest, "payloadDigest");
    Objects.requireNonNull(signerFingerprint, "signerFingerprint");
    HeaderText.encode("variant name", variantName, HeaderText.MAX_VARIANT_NAME_BYTES, false);
    if (imageVersion < 0) {
      throw new IllegalArgumentException("image version: expected 0.." + Long.MAX_VALUE + ", found " + imageVersion);
    }
    if (payloadLength < 0) {
      throw new IllegalArgumentException("payload length: expected >= 0, found " + payloadLength);
    }
  }

  /** The variant id as the unsigned value the file stores. */
  public long variantIdUnsigned() {
    return Integer.toUnsignedLong(variantId);
  }

  /** This header with another signer, for re-signing ({@link ImageSigner}). */
  public ImageHeader withSigner(KeyFingerprint signer) {
    return new ImageHeader(formatVersion, shellInterfaceId, roleKind, variantId, variantName, imageVersion,
        buildInfo, resources, payloadLength, payloadDigest, signer);
  }
}
