package veneer.runtime;

import java.util.Arrays;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.VerifiedImage;

/**
 * The management side's rule for images the user function asks it to load. It sees only images
 * that already passed verification (signature by a trusted key, shell interface id, rollback),
 * and decides on what they are.
 *
 * <pre>{@code
 * dev.management().serveUserRequests(trust, rollback, ImagePolicy.allowVariants(RoleKind.OVERLAY, 3));
 * dev.management().serveUserRequests(trust, rollback, img -> ImageDecision.refuse("maintenance window"));
 * }</pre>
 */
@FunctionalInterface
public interface ImagePolicy {
  /** Accept (the broker then loads it) or refuse a verified image. */
  ImageDecision decide(VerifiedImage image);

  /** Refuses every request. */
  static ImagePolicy refuseAll() {
    return img -> ImageDecision.refuse("the management policy refuses every image request from the user function");
  }

  /** Accepts only the given variants of one role kind. */
  static ImagePolicy allowVariants(RoleKind kind, long... variantIds) {
    long[] allowed = variantIds.clone();
    return img -> {
      long v = img.header().variantIdUnsigned();
      if (img.header().roleKind() == kind && Arrays.stream(allowed).anyMatch(a -> a == v)) {
        return ImageDecision.accept(kind + " variant " + v + " is allowed");
      }
      return ImageDecision.refuse("the management policy allows " + kind + " variants " + Arrays.toString(allowed)
          + ", found " + img.header().roleKind() + " variant " + v);
    };
  }
}
