package veneer.examples;

import java.time.Instant;
import veneer.runtime.image.ImageBuilder;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ResourceSummary;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.SigningKey;

/**
 * Signed images of the simulated platform's Role variants: what a build produces for the
 * device (a framed partial bitstream naming the variant and the shell interface), signed.
 *
 * <pre>{@code
 * byte[] image = ExampleImages.overlay(dev.management().shellInterfaceId(), key, 1);
 * dev.management().load(image, trust, rollback);
 * }</pre>
 */
public final class ExampleImages {
  /** Variant id of the overlay (the PE array) on the simulated platform. */
  public static final int OVERLAY = 3;
  /** Variant id of the RTL vector-add kernel on the simulated platform. */
  public static final int RTL_VECTOR_ADD = 1;

  private ExampleImages() {}

  /** The overlay image (variant 3), image version {@code version}. */
  public static byte[] overlay(ShellInterfaceId shell, SigningKey key, long version) {
    return image(shell, key, RoleKind.OVERLAY, OVERLAY, "pe-array", version);
  }

  /** The RTL vector-add Role image (variant 1). */
  public static byte[] rtlVectorAdd(ShellInterfaceId shell, SigningKey key, long version) {
    return image(shell, key, RoleKind.RTL, RTL_VECTOR_ADD, "vector-add", version);
  }

  private static byte[] image(ShellInterfaceId shell, SigningKey key, RoleKind kind, int variant, String name,
      long version) {
    byte[] configuration = new byte[256];
    for (int i = 0; i < configuration.length; i++) {
      configuration[i] = (byte) (i * 37 + variant);
    }
    byte[] bits = PartialBitstream.builder().variantId(variant).shellInterfaceId(shell).data(configuration).build()
        .toBytes();
    return ImageBuilder.create().shellInterfaceId(shell).role(kind, variant, name).imageVersion(version)
        .toolVersion("veneer examples").buildTimestamp(Instant.EPOCH).resources(new ResourceSummary(0, 0, 0, 0))
        .configurationData(bits).sign(key);
  }
}
