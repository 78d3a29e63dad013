package veneer.runtime.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Generates Ed25519 signing keys and stores them as PEM text files.
 *
 * <p>A private key file holds a PKCS#8 "PRIVATE KEY" block followed by the X.509 "PUBLIC KEY"
 * block of the same pair, so loading can check that they belong together. A file with only the
 * PRIVATE KEY block (what {@code openssl genpkey -algorithm ed25519} writes) loads too. It is created with permissions
 * 600 where the file system has POSIX permissions, is never overwritten, and is refused on load
 * if group or others may read it. A public key file holds one "PUBLIC KEY" block, the format
 * {@code openssl pkey -pubout} writes.
 *
 * <pre>{@code
 * SigningKey key = KeyPairs.generate();
 * KeyPairs.savePrivate(key, Path.of("release.key"));
 * KeyPairs.savePublic(key.publicKey(), Path.of("trust/release.pub"));
 * SigningKey again = KeyPairs.loadPrivate(Path.of("release.key"));
 * }</pre>
 */
public final class KeyPairs {

  private static final String ALGORITHM = "Ed25519";
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private KeyPairs() {
  }

  /** A fresh random Ed25519 key pair. */
  public static SigningKey generate() {
    try {
      return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate Ed25519 keys (JDK 15+ required)", e);
    }
  }

  /** Writes the private key file (permissions 600 where supported); refuses to overwrite. */
  public static void savePrivate(SigningKey key, Path file) throws IOException {
    String text = Pem.encode(Pem.PRIVATE_KEY, key.privateKey().getEncoded())
        + Pem.encode(Pem.PUBLIC_KEY, key.publicKey().getEncoded());
    try {
      if (supportsPosix(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(file.toString(), null,
          "refusing to overwrite an existing private key file; delete it first if you mean to replace the key");
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Reads a private key file written by {@link #savePrivate}. */
  public static SigningKey loadPrivate(Path file) throws IOException {
    if (supportsPosix(file)) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        throw new KeyFileException(file + ": expected permissions rw------- (600) on a private key file, found "
            + PosixFilePermissions.toString(permissions) + "; run chmod 600 " + file);
      }
    }
    Pem.Document document = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    rejectStrayLines(document, file);
    List<String> labels = new ArrayList<>();
    document.blocks().forEach(b -> labels.add(b.label()));
    boolean withPublic = labels.equals(List.of(Pem.PRIVATE_KEY, Pem.PUBLIC_KEY));
    if (!withPublic && !labels.equals(List.of(Pem.PRIVATE_KEY))) {
      throw new KeyFileException(file + ": expected a PRIVATE KEY block, optionally followed by a PUBLIC KEY block, found "
          + (labels.isEmpty() ? "no PEM blocks" : "blocks " + labels));
    }
    PrivateKey privateKey = decodePrivate(document.blocks().get(0), file);
    PublicKey publicKey = withPublic ? decodePublic(document.blocks().get(1), file) : derivePublic(privateKey, file);
    checkPair(privateKey, publicKey, file);
    return new SigningKey(new KeyPair(publicKey, privateKey));
  }

  /** Writes a public key file (one PUBLIC KEY block), replacing any existing file. */
  public static void savePublic(PublicKey key, Path file) throws IOException {
    Files.writeString(file, Pem.encode(Pem.PUBLIC_KEY, key.getEncoded()), StandardCharsets.US_ASCII);
  }

  /** Reads a public key file holding exactly one PUBLIC KEY block. */
  public static PublicKey loadPublic(Path file) throws IOException {
    Pem.Document document = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    rejectStrayLines(document, file);
    if (document.blocks().size() != 1 || !document.blocks().get(0).label().equals(Pem.PUBLIC_KEY)) {
      throw new KeyFileException(file + ": expected exactly one PUBLIC KEY block, found "
          + document.blocks().stream().map(Pem.Block::label).toList());
    }
    return decodePublic(document.blocks().get(0), file);
  }

  /** Decodes a X.509 SubjectPublicKeyInfo that must hold an Ed25519 key. */
  static PublicKey decodePublic(Pem.Block block, Path file) throws KeyFileException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(block.der()));
    } catch (GeneralSecurityException e) {
      throw new KeyFileException(file + ":" + block.line() + ": expected an Ed25519 public key (X.509), found "
          + block.der().length + " bytes the JDK rejects: " + e.getMessage(), e);
    }
  }

  private static PrivateKey decodePrivate(Pem.Block block, Path file) throws KeyFileException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
    } catch (GeneralSecurityException e) {
      throw new KeyFileException(file + ":" + block.line() + ": expected an Ed25519 private key (PKCS#8), found "
          + block.der().length + " bytes the JDK rejects: " + e.getMessage(), e);
    }
  }

  /**
   * The JDK has no API from an Ed25519 private key to its public key, but its key-pair generator
   * derives the pair from 32 random bytes, which for Ed25519 are exactly the private key. Feeding
   * it the stored private key therefore regenerates the pair; {@link #checkPair} then proves the
   * result, so a JDK that draws its randomness differently fails loudly instead of silently.
   */
  private static PublicKey derivePublic(PrivateKey privateKey, Path file) throws KeyFileException {
    byte[] seed = privateKey instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
    if (seed == null || seed.length != 32) {
      throw new KeyFileException(file + ": expected a 32-byte Ed25519 private key, found "
          + (seed == null ? "no key bytes" : seed.length + " bytes"));
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      return generator.generateKeyPair().getPublic();
    } catch (GeneralSecurityException e) {
      throw new KeyFileException(file + ": could not derive the Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** A "random" source that returns given bytes: only for {@link #derivePublic}. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("key generator asked for " + out.length + " bytes, expected " + bytes.length);
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }

  /** Signs a probe message and verifies it, so a file with mismatched halves is caught at load. */
  private static void checkPair(PrivateKey privateKey, PublicKey publicKey, Path file) throws KeyFileException {
    byte[] probe = "veneer key pair check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new KeyFileException(file + ": expected the PUBLIC KEY block to belong to the PRIVATE KEY block, found a different key ("
            + KeyFingerprint.of(publicKey).hex() + ")");
      }
    } catch (GeneralSecurityException e) {
      throw new KeyFileException(file + ": Ed25519 key check failed: " + e.getMessage(), e);
    }
  }

  private static void rejectStrayLines(Pem.Document document, Path file) throws KeyFileException {
    if (!document.otherLines().isEmpty()) {
      Pem.Line line = document.otherLines().get(0);
      throw new KeyFileException(file + ":" + line.number() + ": expected only PEM blocks, found \"" + line.text() + "\"");
    }
  }

  private static boolean supportsPosix(Path file) {
    Path absolute = file.toAbsolutePath();
    return absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
