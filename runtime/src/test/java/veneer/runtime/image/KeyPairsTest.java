package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key generation, PEM files, permissions and fingerprints. */
class KeyPairsTest {

  @TempDir
  Path dir;

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
    }
  }

  @Test
  void privateKeyRoundTripsAndSignsIdentically() throws Exception {
    SigningKey key = KeyPairs.generate();
    Path file = dir.resolve("release.key");
    KeyPairs.savePrivate(key, file);
    SigningKey loaded = KeyPairs.loadPrivate(file);
    assertEquals(key.fingerprint(), loaded.fingerprint());
    byte[] message = "image".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(key.sign(message, 0, message.length), loaded.sign(message, 0, message.length));
    String text = Files.readString(file);
    assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----\n"), text);
    assertTrue(text.contains("-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"), text);
  }

  @Test
  void privateKeyFileIsOwnerOnly() throws Exception {
    Path file = dir.resolve("release.key");
    KeyPairs.savePrivate(KeyPairs.generate(), file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void privateKeyIsNeverOverwritten() throws Exception {
    Path file = dir.resolve("release.key");
    KeyPairs.savePrivate(KeyPairs.generate(), file);
    String before = Files.readString(file);
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
        () -> KeyPairs.savePrivate(KeyPairs.generate(), file));
    assertMessage(e, "refusing to overwrite");
    assertEquals(before, Files.readString(file));
  }

  @Test
  void privateKeyReadableByOthersIsRefused() throws Exception {
    Path file = dir.resolve("release.key");
    KeyPairs.savePrivate(KeyPairs.generate(), file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyPairs.loadPrivate(file));
    assertMessage(e, "expected permissions rw------- (600)", "found rw-r--r--", "chmod 600");
  }

  @Test
  void privateFileWithAForeignPublicHalfIsRefused() throws Exception {
    Path a = dir.resolve("a.key");
    Path b = dir.resolve("b.key");
    SigningKey other = KeyPairs.generate();
    KeyPairs.savePrivate(KeyPairs.generate(), a);
    KeyPairs.savePrivate(other, b);
    String privateHalf = Files.readString(a).split("(?=-----BEGIN PUBLIC KEY-----)")[0];
    String publicHalf = Files.readString(b).split("(?=-----BEGIN PUBLIC KEY-----)")[1];
    Path mixed = dir.resolve("mixed.key");
    Files.writeString(mixed, privateHalf + publicHalf);
    Files.setPosixFilePermissions(mixed, PosixFilePermissions.fromString("rw-------"));
    KeyFileException e = assertThrows(KeyFileException.class, () -> KeyPairs.loadPrivate(mixed));
    assertMessage(e, "expected the PUBLIC KEY block to belong to the PRIVATE KEY block", other.fingerprint().hex());
  }

  @Test
  void publicKeyRoundTrips() throws Exception {
    SigningKey key = KeyPairs.generate();
    Path file = dir.resolve("release.pub");
    KeyPairs.savePublic(key.publicKey(), file);
    PublicKey loaded = KeyPairs.loadPublic(file);
    assertEquals(key.fingerprint(), KeyFingerprint.of(loaded));
    assertTrue(Files.readString(file).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"),
        "X.509 SubjectPublicKeyInfo with the Ed25519 OID 1.3.101.112");
  }

  @Test
  void fingerprintIsSha256OfTheX509Encoding() throws Exception {
    SigningKey key = KeyPairs.generate();
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());
    assertArrayEquals(expected, key.fingerprint().digest().bytes());
    assertEquals(64, key.fingerprint().hex().length());
    assertEquals(key.fingerprint(), KeyFingerprint.parse(key.fingerprint().hex().toUpperCase(Locale.ROOT)));
  }

  @Test
  void badFilesNameLineExpectedAndFound() throws IOException {
    Path noEnd = dir.resolve("no-end.pub");
    Files.writeString(noEnd, "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n");
    assertMessage(assertThrows(KeyFileException.class, () -> KeyPairs.loadPublic(noEnd)),
        "no-end.pub:1", "expected \"-----END PUBLIC KEY-----\"", "found the end of the file");
    Path badBase64 = dir.resolve("bad.pub");
    Files.writeString(badBase64, "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
    assertMessage(assertThrows(KeyFileException.class, () -> KeyPairs.loadPublic(badBase64)),
        "bad.pub:1", "expected base64 text");
    Path rsaLike = dir.resolve("short.pub");
    Files.writeString(rsaLike, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    assertMessage(assertThrows(KeyFileException.class, () -> KeyPairs.loadPublic(rsaLike)),
        "short.pub:1", "expected an Ed25519 public key (X.509), found 3 bytes");
    Path stray = dir.resolve("stray.pub");
    Files.writeString(stray, "hello\n");
    assertMessage(assertThrows(KeyFileException.class, () -> KeyPairs.loadPublic(stray)),
        "stray.pub:1", "expected only PEM blocks, found \"hello\"");
  }

  @Test
  void privateKeyFileWithoutThePublicBlockLoadsTheSamePair() throws Exception {
    SigningKey key = KeyPairs.generate();
    Path full = dir.resolve("full.key");
    KeyPairs.savePrivate(key, full);
    Path privateOnly = dir.resolve("openssl-style.key");
    Files.writeString(privateOnly, Files.readString(full).split("(?=-----BEGIN PUBLIC KEY-----)")[0]);
    Files.setPosixFilePermissions(privateOnly, PosixFilePermissions.fromString("rw-------"));
    assertEquals(key.fingerprint(), KeyPairs.loadPrivate(privateOnly).fingerprint());
  }
}
