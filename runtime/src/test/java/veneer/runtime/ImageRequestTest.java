package veneer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import veneer.runtime.image.ImageBuilder;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ResourceSummary;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;

/** The user side asks, the management side decides with its own trust store and policy. */
class ImageRequestTest {
  static final SigningKey KEY = KeyPairs.generate();
  static final TrustStore TRUST = TrustStore.builder().trust(KEY.publicKey()).build();
  static final ShellInterfaceId SHELL = ShellInterfaceId.parse("0123456789abcdef0011223344556677");

  private final FakeOverlayLink link = new FakeOverlayLink(4096);
  private final Management management = new Management(link);
  private final User user = new User(link, management);

  static byte[] image(long variant) {
    return image(variant, KEY);
  }

  static byte[] image(long variant, SigningKey key) {
    byte[] bits = PartialBitstream.builder().variantId(variant).shellInterfaceId(SHELL).data(new byte[64]).build().toBytes();
    return ImageBuilder.create().shellInterfaceId(SHELL).role(RoleKind.OVERLAY, (int) variant, "pe-array")
        .imageVersion(1).toolVersion("test").buildTimestamp(Instant.EPOCH).resources(new ResourceSummary(0, 0, 0, 0))
        .configurationData(bits).sign(key);
  }

  @Test
  void withoutAPolicyEveryRequestIsRefusedAndNothingReachesTheDevice() {
    ImageDecision d = user.requestImage(image(3));
    assertFalse(d.accepted());
    assertEquals("the management function serves no image requests from the user function (no policy is set)", d.reason());
    assertEquals(0, link.configurationStreams);
  }

  @Test
  void thePolicyRefusesAVariantItDoesNotAllow() {
    management.serveUserRequests(TRUST, RollbackPolicy.inMemory(), ImagePolicy.allowVariants(RoleKind.OVERLAY, 3));
    ImageDecision d = user.requestImage(image(1));
    assertFalse(d.accepted());
    assertEquals("the management policy allows OVERLAY variants [3], found OVERLAY variant 1", d.reason());
    assertEquals(0, link.configurationStreams);
  }

  @Test
  void anImageSignedByAKeyManagementDoesNotTrustIsRefusedBeforeThePolicy() {
    management.serveUserRequests(TRUST, RollbackPolicy.inMemory(), img -> ImageDecision.accept("anything"));
    ImageDecision d = user.requestImage(image(3, KeyPairs.generate()));
    assertFalse(d.accepted());
    assertTrue(d.reason().startsWith("verification refused the image: "), d.reason());
    assertEquals(0, link.configurationStreams);
  }

  @Test
  void anAllowedImageIsLoadedByTheManagementSide() {
    management.serveUserRequests(TRUST, RollbackPolicy.inMemory(), ImagePolicy.allowVariants(RoleKind.OVERLAY, 3));
    ImageDecision d = user.requestImage(image(3));
    assertTrue(d.accepted(), d.reason());
    assertEquals(3, d.image().orElseThrow().header().variantId());
    assertEquals(1, link.configurationStreams);
    management.stopServingUserRequests();
    assertFalse(user.requestImage(image(3)).accepted());
  }
}
