package veneer.runtime.image;

import java.util.Objects;

/**
 * {@link ImageVerifier} refused an image. {@link #reason()} is a stable code; the message states
 * what was expected and what was found.
 *
 * <pre>{@code
 * try {
 *     VerifiedImage image = ImageVerifier.verify(bytes, shellId, trust, rollback);
 * } catch (ImageRejectedException e) {
 *     if (e.reason() == RejectionReason.OLD_VERSION) { ... }
 * }
 * }</pre>
 */
public final class ImageRejectedException extends Exception {

  private final RejectionReason reason;

  ImageRejectedException(RejectionReason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason);
  }

  ImageRejectedException(RejectionReason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  /** The stable reason code. */
  public RejectionReason reason() {
    return reason;
  }
}
