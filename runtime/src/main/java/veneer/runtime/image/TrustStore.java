package veneer.runtime.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public keys whose images may be loaded, and the fingerprints that are revoked. A revoked
 * fingerprint wins over a trusted key with the same fingerprint.
 *
 * <p>Text form (one file, or every non-hidden regular file of a directory, read in name order):
 * <pre>
 * # comment
 * -----BEGIN PUBLIC KEY-----
 * MCowBQYDK2VwAyEA...
 * -----END PUBLIC KEY-----
 * revoke 3f1c...(64 hex digits)
 * </pre>
 *
 * <pre>{@code
 * TrustStore trust = TrustStore.load(Path.of("/etc/veneer/trust"));
 * TrustStore inMemory = TrustStore.builder().trust(key.publicKey()).revoke(oldFingerprint).build();
 * }</pre>
 */
public final class TrustStore {

  private static final String REVOKE = "revoke ";

  private final Map<String, PublicKey> trusted;
  private final Set<String> revoked;

  private TrustStore(Map<String, PublicKey> trusted, Set<String> revoked) {
    this.trusted = Collections.unmodifiableMap(new TreeMap<>(trusted));
    this.revoked = Collections.unmodifiableSet(new TreeSet<>(revoked));
  }

  /** Starts an empty trust store. */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads a trust-store file, or every non-hidden regular file in a directory. */
  public static TrustStore load(Path path) throws IOException {
    Builder builder = new Builder();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> list = Files.list(path)) {
        files = list.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted()
            .toList();
      }
      for (Path file : files) {
        readFile(file, builder);
      }
    } else {
      readFile(path, builder);
    }
    return builder.build();
  }

  private static void readFile(Path file, Builder builder) throws IOException {
    Pem.Document document = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    for (Pem.Block block : document.blocks()) {
      if (!block.label().equals(Pem.PUBLIC_KEY)) {
        throw new KeyFileException(file + ":" + block.line() + ": expected only PUBLIC KEY blocks in a trust store, found a "
            + block.label() + " block" + (block.label().contains("PRIVATE") ? " (never put private keys here)" : ""));
      }
      builder.trust(KeyPairs.decodePublic(block, file));
    }
    for (Pem.Line line : document.otherLines()) {
      if (line.text().startsWith("#")) {
        continue;
      }
      if (!line.text().startsWith(REVOKE)) {
        throw new KeyFileException(file + ":" + line.number()
            + ": expected a PUBLIC KEY block, \"revoke <fingerprint>\" or a # comment, found \"" + line.text() + "\"");
      }
      try {
        builder.revoke(KeyFingerprint.parse(line.text().substring(REVOKE.length()).strip()));
      } catch (IllegalArgumentException e) {
        throw new KeyFileException(file + ":" + line.number() + ": " + e.getMessage());
      }
    }
  }

  /** The trusted key with this fingerprint, if any (revocation is checked separately). */
  public Optional<PublicKey> find(KeyFingerprint fingerprint) {
    return Optional.ofNullable(trusted.get(fingerprint.hex()));
  }

  /** Whether this fingerprint is revoked. */
  public boolean isRevoked(KeyFingerprint fingerprint) {
    return revoked.contains(fingerprint.hex());
  }

  /** Fingerprints of the trusted keys, sorted. */
  public List<KeyFingerprint> trustedFingerprints() {
    return trusted.keySet().stream().map(KeyFingerprint::parse).toList();
  }

  /** Revoked fingerprints, sorted. */
  public List<KeyFingerprint> revokedFingerprints() {
    return revoked.stream().map(KeyFingerprint::parse).toList();
  }

  /** The text form, deterministic (keys and revocations sorted by fingerprint). */
  public String toText() {
    StringBuilder text = new StringBuilder("# Veneer trust store: accepted image signing keys and revoked fingerprints\n");
    trusted.forEach((fingerprint, key) -> text.append("# ").append(fingerprint).append('\n')
        .append(Pem.encode(Pem.PUBLIC_KEY, key.getEncoded())));
    revoked.forEach(fingerprint -> text.append(REVOKE).append(fingerprint).append('\n'));
    return text.toString();
  }

  /** Writes {@link #toText()} to a file. */
  public void save(Path file) throws IOException {
    Files.writeString(file, toText(), StandardCharsets.US_ASCII);
  }

  /** Collects trusted keys and revocations. */
  public static final class Builder {

    private final Map<String, PublicKey> trusted = new TreeMap<>();
    private final Set<String> revoked = new TreeSet<>();

    private Builder() {
    }

    /** Accepts images signed by this Ed25519 key. */
    public Builder trust(PublicKey key) {
      String found = key instanceof EdECPublicKey ed ? ed.getParams().getName() : key.getAlgorithm();
      if (!"Ed25519".equalsIgnoreCase(found)) {
        throw new IllegalArgumentException("trusted key: expected an Ed25519 public key, found " + found);
      }
      trusted.put(KeyFingerprint.of(key).hex(), key);
      return this;
    }

    /** Refuses images signed by the key with this fingerprint, even if it is trusted. */
    public Builder revoke(KeyFingerprint fingerprint) {
      revoked.add(fingerprint.hex());
      return this;
    }

    /** Adds everything from another trust store. */
    public Builder addAll(TrustStore other) {
      trusted.putAll(other.trusted);
      revoked.addAll(other.revoked);
      return this;
    }

    public TrustStore build() {
      return new TrustStore(trusted, revoked);
    }
  }

  @Override
  public String toString() {
    return "TrustStore[" + trusted.size() + " trusted, " + revoked.size() + " revoked]";
  }
}
