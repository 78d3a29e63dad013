package veneer.runtime;

import java.util.Optional;
import veneer.runtime.image.VerifiedImage;

/**
 * The management side's answer to a user's request to load an image: accepted (and loaded) or
 * refused, with a reason a person can read.
 *
 * <pre>{@code
 * ImageDecision d = dev.user().requestImage(bytes);
 * if (!d.accepted()) System.err.println("refused: " + d.reason());
 * }</pre>
 *
 * @param accepted whether the image was loaded
 * @param reason why it was refused, or what was loaded
 * @param image the loaded image, if accepted
 */
public record ImageDecision(boolean accepted, String reason, Optional<VerifiedImage> image) {
  /** An acceptance by the policy (the broker then loads the image). */
  public static ImageDecision accept(String why) {
    return new ImageDecision(true, why, Optional.empty());
  }

  /** A refusal with its reason. */
  public static ImageDecision refuse(String reason) {
    return new ImageDecision(false, reason, Optional.empty());
  }

  ImageDecision loaded(VerifiedImage v) {
    return new ImageDecision(true, reason, Optional.of(v));
  }
}
