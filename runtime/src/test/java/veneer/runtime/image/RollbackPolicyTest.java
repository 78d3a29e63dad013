package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.SHELL;
import static veneer.runtime.image.ImageFixtures.standard;
import static veneer.runtime.image.ImageFixtures.trusting;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minimum versions per role kind and variant, raised after loads, persisted. */
class RollbackPolicyTest {

  @TempDir
  Path dir;

  @Test
  void missingFileStartsEmpty() throws Exception {
    RollbackPolicy policy = RollbackPolicy.load(dir.resolve("rollback"));
    assertEquals(0, policy.minimumVersion(RoleKind.OVERLAY, 3));
    assertTrue(Files.notExists(dir.resolve("rollback")), "reading must not create the file");
  }

  @Test
  void successfulLoadRaisesTheMinimumAndPersistsIt() throws Exception {
    Path file = dir.resolve("rollback");
    RollbackPolicy policy = RollbackPolicy.load(file);
    TrustStore trust = trusting(KEY);
    VerifiedImage v9 = ImageVerifier.verify(standard().imageVersion(9).sign(KEY), SHELL, trust, policy);
    policy.recordLoaded(v9);
    assertEquals(9, policy.minimumVersion(RoleKind.OVERLAY, 3));

    RollbackPolicy reloaded = RollbackPolicy.load(file);
    assertEquals(9, reloaded.minimumVersion(RoleKind.OVERLAY, 3));
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> ImageVerifier.verify(standard().imageVersion(8).sign(KEY), SHELL, trust, reloaded));
    assertEquals(RejectionReason.OLD_VERSION, e.reason());
    assertEquals(9, ImageVerifier.verify(standard().imageVersion(9).sign(KEY), SHELL, trust, reloaded).header().imageVersion(),
        "the same version may be loaded again");
  }

  @Test
  void minimumNeverFalls() throws Exception {
    Path file = dir.resolve("rollback");
    RollbackPolicy policy = RollbackPolicy.load(file);
    policy.raiseMinimum(RoleKind.RTL, 5, 20);
    policy.raiseMinimum(RoleKind.RTL, 5, 10);
    assertEquals(20, policy.minimumVersion(RoleKind.RTL, 5));
    assertEquals(20, RollbackPolicy.load(file).minimumVersion(RoleKind.RTL, 5));
  }

  @Test
  void rulesAreKeptPerKindAndVariantInADeterministicFile() throws Exception {
    Path file = dir.resolve("rollback");
    RollbackPolicy policy = RollbackPolicy.load(file);
    policy.raiseMinimum(RoleKind.RTL, 4_294_967_295L, 3);
    policy.raiseMinimum(RoleKind.OVERLAY, 12, 2);
    policy.raiseMinimum(RoleKind.OVERLAY, 2, 1);
    assertEquals("# Veneer rollback policy: <role kind> <variant id> <minimum accepted image version>\n"
        + "OVERLAY 0000000002 1\nOVERLAY 0000000012 2\nRTL 4294967295 3\n", Files.readString(file));
    assertEquals(0, policy.minimumVersion(RoleKind.RTL, 2));
    assertEquals(1, policy.minimumVersion(RoleKind.OVERLAY, 2));
  }

  @Test
  void badRuleNamesFileLineExpectedAndFound() throws Exception {
    Path file = dir.resolve("rollback");
    Files.writeString(file, "# rules\nOVERLAY 1\n");
    KeyFileException e = assertThrows(KeyFileException.class, () -> RollbackPolicy.load(file));
    assertTrue(e.getMessage().contains("rollback:2: expected \"<OVERLAY|RTL> <variant id> <minimum version>\", found \"OVERLAY 1\""),
        e.getMessage());
    Files.writeString(file, "FPGA 1 2\n");
    e = assertThrows(KeyFileException.class, () -> RollbackPolicy.load(file));
    assertTrue(e.getMessage().contains("rollback:1: expected role kind OVERLAY or RTL, found \"FPGA\""), e.getMessage());
    Files.writeString(file, "RTL 1 -5\n");
    e = assertThrows(KeyFileException.class, () -> RollbackPolicy.load(file));
    assertTrue(e.getMessage().contains("rollback:1: expected minimum version 0..9223372036854775807, found \"-5\""), e.getMessage());
  }
}
