package veneer.runtime.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * Decides whether an image may be loaded. All checks run before anything of the payload leaves
 * this class; the only way to get the payload is the returned {@link VerifiedImage}.
 *
 * <p>Order of checks: size cap, structure (magic, format version, every length against the real
 * input size), signer key (revoked, then trusted), payload SHA-256 against the header, Ed25519
 * signature over header and payload, shell interface id, rollback minimum, partial-bitstream
 * framing and CRC-32 and its ids against the header. The input array is copied first, so a caller
 * changing it during or after verification cannot change what was verified.
 *
 * <pre>{@code
 * TrustStore trust = TrustStore.load(Path.of("/etc/veneer/trust"));
 * RollbackPolicy rollback = RollbackPolicy.load(Path.of("/var/lib/veneer/rollback"));
 * try {
 *     VerifiedImage image = ImageVerifier.verify(bytes, device.shellInterfaceId(), trust, rollback);
 * } catch (ImageRejectedException e) {
 *     System.err.println(e.reason() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class ImageVerifier {

  /** Default cap on the size of an image: 256 MiB. */
  public static final long DEFAULT_MAX_IMAGE_BYTES = 256L << 20;

  private ImageVerifier() {
  }

  /** Verifies with the {@linkplain #DEFAULT_MAX_IMAGE_BYTES default size cap}. */
  public static VerifiedImage verify(byte[] image, ShellInterfaceId expectedShellInterfaceId,
                     TrustStore trustStore, RollbackPolicy rollbackPolicy) throws ImageRejectedException {
    return verify(image, expectedShellInterfaceId, trustStore, rollbackPolicy, DEFAULT_MAX_IMAGE_BYTES);
  }

  /** Verifies an image of at most {@code maxImageBytes} bytes. */
  public static VerifiedImage verify(byte[] image, ShellInterfaceId expectedShellInterfaceId,
                     TrustStore trustStore, RollbackPolicy rollbackPolicy,
                     long maxImageBytes) throws ImageRejectedException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(expectedShellInterfaceId, "expectedShellInterfaceId");
    Objects.requireNonNull(trustStore, "trustStore");
    Objects.requireNonNull(rollbackPolicy, "rollbackPolicy");
    checkSize(image.length, maxImageBytes);
    return verifyOwned(image.clone(), expectedShellInterfaceId, trustStore, rollbackPolicy);
  }

  /**
   * Reads and verifies an image file; a file over the cap is refused before it is read.
   *
   * @throws IOException if the file cannot be read
   */
  public static VerifiedImage verifyFile(Path file, ShellInterfaceId expectedShellInterfaceId,
                       TrustStore trustStore, RollbackPolicy rollbackPolicy,
                       long maxImageBytes) throws IOException, ImageRejectedException {
    checkSize(Files.size(file), maxImageBytes);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // The file may grow after size() was read: never read more than the cap plus one byte.
      bytes = in.readNBytes((int) Math.min(maxImageBytes + 1, Integer.MAX_VALUE - 8));
    }
    checkSize(bytes.length, maxImageBytes);
    return verifyOwned(bytes, expectedShellInterfaceId, trustStore, rollbackPolicy);
  }

  private static void checkSize(long size, long maxImageBytes) throws ImageRejectedException {
    if (size > maxImageBytes) {
      throw new ImageRejectedException(RejectionReason.TOO_LARGE,
          "expected an image of at most " + maxImageBytes + " bytes, found " + size + " bytes");
    }
  }

  private static VerifiedImage verifyOwned(byte[] bytes, ShellInterfaceId expectedShell,
                       TrustStore trust, RollbackPolicy rollback) throws ImageRejectedException {
    ParsedImage parsed = verifySignature(bytes, trust);
    ImageHeader header = parsed.header();
    checkShell(header, expectedShell);
    checkRollback(header, rollback);
    byte[] payload = new byte[parsed.payloadLength()];
    System.arraycopy(bytes, parsed.payloadOffset(), payload, 0, payload.length);
    PartialBitstream bitstream = checkBitstream(header, payload, parsed.payloadOffset());
    return new VerifiedImage(header, payload, bitstream);
  }

  /**
   * The checks that do not depend on the device: framing, a trusted and unrevoked signer, the
   * payload digest and the signature. {@link ImageSigner} uses them before re-signing.
   */
  static ParsedImage verifySignature(byte[] bytes, TrustStore trust) throws ImageRejectedException {
    ParsedImage parsed = parse(bytes);
    PublicKey signerKey = signerKey(parsed.header().signerFingerprint(), trust);
    checkPayloadDigest(parsed);
    checkSignature(parsed, signerKey);
    return parsed;
  }

  private static ParsedImage parse(byte[] bytes) throws ImageRejectedException {
    try {
      return ImageReader.parse(bytes);
    } catch (ImageFormatException e) {
      RejectionReason reason = switch (e.problem()) {
        case NOT_THIS_FORMAT -> RejectionReason.GARBAGE;
        case TRUNCATED -> RejectionReason.TRUNCATED;
        case UNSUPPORTED_VERSION -> RejectionReason.UNSUPPORTED_FORMAT;
        case MALFORMED -> RejectionReason.MALFORMED;
      };
      throw new ImageRejectedException(reason, e.getMessage(), e);
    }
  }

  private static PublicKey signerKey(KeyFingerprint fingerprint, TrustStore trust) throws ImageRejectedException {
    if (trust.isRevoked(fingerprint)) {
      throw new ImageRejectedException(RejectionReason.REVOKED_KEY,
          "expected a signer key that is not revoked, found key " + fingerprint.hex()
              + ", which the trust store lists as revoked");
    }
    return trust.find(fingerprint).orElseThrow(() -> new ImageRejectedException(RejectionReason.UNKNOWN_KEY,
        "expected a signer key from the trust store (" + trust.trustedFingerprints().size()
            + " trusted), found unknown key fingerprint " + fingerprint.hex()));
  }

  private static void checkPayloadDigest(ParsedImage parsed) throws ImageRejectedException {
    Sha256Digest actual = Sha256Digest.of(parsed.bytes(), parsed.payloadOffset(), parsed.payloadLength());
    Sha256Digest declared = parsed.header().payloadDigest();
    if (!actual.equals(declared)) {
      throw new ImageRejectedException(RejectionReason.PAYLOAD_DIGEST_MISMATCH,
          "expected payload SHA-256 " + declared.hex() + " (from the header), found " + actual.hex()
              + " (computed over the " + parsed.payloadLength() + " payload bytes at byte offset "
              + parsed.payloadOffset() + "): the payload was altered");
    }
  }

  private static void checkSignature(ParsedImage parsed, PublicKey key) throws ImageRejectedException {
    String what = "expected a valid Ed25519 signature by key " + parsed.header().signerFingerprint().hex()
        + " over the " + parsed.signedLength() + " bytes of header and payload, found ";
    boolean valid;
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(parsed.bytes(), 0, parsed.signedLength());
      valid = verifier.verify(parsed.signature());
    } catch (GeneralSecurityException e) {
      throw new ImageRejectedException(RejectionReason.BAD_SIGNATURE,
          what + "a signature the JDK refuses (" + e.getMessage() + ")", e);
    }
    if (!valid) {
      throw new ImageRejectedException(RejectionReason.BAD_SIGNATURE,
          what + "one that does not verify: the header or the signature was altered after signing");
    }
  }

  private static void checkShell(ImageHeader header, ShellInterfaceId expected) throws ImageRejectedException {
    if (!header.shellInterfaceId().equals(expected)) {
      throw new ImageRejectedException(RejectionReason.WRONG_SHELL,
          "expected shell interface id " + expected.hex() + " (this device's shell), found "
              + header.shellInterfaceId().hex() + " (the shell the image was built for)");
    }
  }

  private static void checkRollback(ImageHeader header, RollbackPolicy rollback) throws ImageRejectedException {
    long minimum = rollback.minimumVersion(header.roleKind(), header.variantIdUnsigned());
    if (header.imageVersion() < minimum) {
      throw new ImageRejectedException(RejectionReason.OLD_VERSION,
          header.roleKind() + " variant " + header.variantIdUnsigned() + " \"" + header.variantName()
              + "\": expected image version >= " + minimum + " (rollback policy minimum), found "
              + header.imageVersion());
    }
  }

  private static PartialBitstream checkBitstream(ImageHeader header, byte[] payload, int payloadOffset)
      throws ImageRejectedException {
    String where = "payload (partial bitstream starting at image byte offset " + payloadOffset + "): ";
    PartialBitstream bitstream;
    try {
      bitstream = PartialBitstream.parse(payload);
    } catch (ImageFormatException e) {
      throw new ImageRejectedException(RejectionReason.BAD_BITSTREAM, where + e.getMessage(), e);
    }
    if (bitstream.variantId() != header.variantId()) {
      throw new ImageRejectedException(RejectionReason.BAD_BITSTREAM, where + "expected variant id "
          + header.variantIdUnsigned() + " (from the image header), found "
          + Integer.toUnsignedString(bitstream.variantId()));
    }
    if (!bitstream.shellInterfaceId().equals(header.shellInterfaceId())) {
      throw new ImageRejectedException(RejectionReason.BAD_BITSTREAM, where + "expected shell interface id "
          + header.shellInterfaceId().hex() + " (from the image header), found " + bitstream.shellInterfaceId().hex());
    }
    return bitstream;
  }
}
