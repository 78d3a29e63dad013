package veneer.shell.platform.link;

import java.time.Instant;
import veneer.runtime.image.ImageBuilder;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ResourceSummary;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.SigningKey;
import veneer.shell.ShellConfig;

/** Signed images for the simulated platform: a framed PartialBitstream inside a signed image file. */
final class SignedImages {
  private SignedImages() {}

  static final ShellInterfaceId SHELL_ID = ShellInterfaceId.parse(ShellConfig.DEFAULT_INTERFACE_ID.toString(16));

  static byte[] signed(SigningKey key, long variant, long version) {
    byte[] data = new byte[64];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 29 + variant);
    }
    PartialBitstream bits = PartialBitstream.builder().variantId(variant).shellInterfaceId(SHELL_ID).data(data).build();
    return ImageBuilder.create().shellInterfaceId(SHELL_ID).role(RoleKind.RTL, variant, "variant-" + variant)
        .imageVersion(version).toolVersion("veneer test").buildTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
        .notes("runtime link test").resources(new ResourceSummary(1, 1, 0, 0)).bitstream(bits).sign(key);
  }
}
