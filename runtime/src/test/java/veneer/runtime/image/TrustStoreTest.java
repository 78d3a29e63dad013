package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.OTHER_KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust stores from directories, single files and builders. */
class TrustStoreTest {

  @TempDir
  Path dir;

  @Test
  void directoryOfPublicKeysAndARevocationList() throws Exception {
    KeyPairs.savePublic(KEY.publicKey(), dir.resolve("release.pub"));
    KeyPairs.savePublic(OTHER_KEY.publicKey(), dir.resolve("old.pub"));
    Files.writeString(dir.resolve("revoked.txt"), "# compromised 2025-02\nrevoke " + OTHER_KEY.fingerprint().hex() + "\n");
    Files.writeString(dir.resolve(".hidden"), "ignored editor junk");
    TrustStore trust = TrustStore.load(dir);
    assertTrue(trust.find(KEY.fingerprint()).isPresent());
    assertFalse(trust.isRevoked(KEY.fingerprint()));
    assertTrue(trust.find(OTHER_KEY.fingerprint()).isPresent());
    assertTrue(trust.isRevoked(OTHER_KEY.fingerprint()));
    assertEquals(List.of(OTHER_KEY.fingerprint()), trust.revokedFingerprints());
  }

  @Test
  void singleFileRoundTripsThroughItsTextForm() throws Exception {
    TrustStore trust = TrustStore.builder().trust(KEY.publicKey()).trust(OTHER_KEY.publicKey())
        .revoke(OTHER_KEY.fingerprint()).build();
    Path file = dir.resolve("trust.txt");
    trust.save(file);
    TrustStore loaded = TrustStore.load(file);
    assertEquals(trust.toText(), loaded.toText());
    assertEquals(trust.trustedFingerprints(), loaded.trustedFingerprints());
    assertTrue(loaded.isRevoked(OTHER_KEY.fingerprint()));
  }

  @Test
  void unknownFingerprintIsNotFound() {
    TrustStore trust = TrustStore.builder().trust(KEY.publicKey()).build();
    assertTrue(trust.find(OTHER_KEY.fingerprint()).isEmpty());
  }

  @Test
  void privateKeyInATrustStoreIsRefused() throws Exception {
    Path file = dir.resolve("oops.key");
    KeyPairs.savePrivate(KEY, file);
    KeyFileException e = assertThrows(KeyFileException.class, () -> TrustStore.load(file));
    assertTrue(e.getMessage().contains("oops.key:1: expected only PUBLIC KEY blocks in a trust store, found a PRIVATE KEY block"),
        e.getMessage());
  }

  @Test
  void badLinesNameFileLineExpectedAndFound() throws Exception {
    Path file = dir.resolve("trust.txt");
    Files.writeString(file, "# ok\nrevoke abc\n");
    KeyFileException e = assertThrows(KeyFileException.class, () -> TrustStore.load(file));
    assertTrue(e.getMessage().contains("trust.txt:2: SHA-256 value: expected 64 hex digits, found 3 characters"), e.getMessage());
    Files.writeString(file, "trust everything\n");
    e = assertThrows(KeyFileException.class, () -> TrustStore.load(file));
    assertTrue(e.getMessage().contains("trust.txt:1: expected a PUBLIC KEY block, \"revoke <fingerprint>\" or a # comment, found \"trust everything\""),
        e.getMessage());
  }

  @Test
  void nonEd25519KeysAreRefused() throws Exception {
    java.security.KeyPairGenerator ed448 = java.security.KeyPairGenerator.getInstance("Ed448");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrustStore.builder().trust(ed448.generateKeyPair().getPublic()));
    assertTrue(e.getMessage().contains("expected an Ed25519 public key, found Ed448"), e.getMessage());
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    e = assertThrows(IllegalArgumentException.class, () -> TrustStore.builder().trust(rsa.generateKeyPair().getPublic()));
    assertTrue(e.getMessage().contains("found RSA"), e.getMessage());
  }
}
