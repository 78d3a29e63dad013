package veneer.runtime.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Re-signs an image with another key: the step between a build signed with a development key and
 * the release signed with a key that never leaves the signing machine. The current signature is
 * verified first against the given trust store, so a tampered image cannot be laundered into a
 * validly signed one; only the signer fingerprint in the header and the signature block change.
 *
 * <pre>{@code
 * byte[] release = ImageSigner.resign(devImage, TrustStore.load(Path.of("keys/dev.pub")),
 *     KeyPairs.loadPrivate(Path.of("keys/release.key")));
 * }</pre>
 */
public final class ImageSigner {

  private ImageSigner() {
  }

  /**
   * Returns {@code image} signed by {@code newKey}.
   *
   * @param currentSigners keys one of which must have signed {@code image}
   * @throws ImageRejectedException if {@code image} is not a well-formed image validly signed by a
   *     key of {@code currentSigners} (the reason says which check failed)
   */
  public static byte[] resign(byte[] image, TrustStore currentSigners, SigningKey newKey)
      throws ImageRejectedException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(currentSigners, "currentSigners");
    Objects.requireNonNull(newKey, "newKey");
    ParsedImage parsed = ImageVerifier.verifySignature(image.clone(), currentSigners);
    byte[] payload = Arrays.copyOfRange(parsed.bytes(), parsed.payloadOffset(), parsed.signedLength());
    return ImageWriter.write(parsed.header().withSigner(newKey.fingerprint()), payload, newKey);
  }
}
