package veneer.runtime.image;

import java.security.PublicKey;

/**
 * Identifies a signing key: SHA-256 of the key's X.509 SubjectPublicKeyInfo encoding
 * ({@link PublicKey#getEncoded()}), printed as 64 hex digits. The same value
 * {@code openssl pkey -pubin -outform DER | sha256sum} prints for the public key file.
 *
 * <pre>{@code
 * KeyFingerprint fp = KeyFingerprint.of(signingKey.publicKey());
 * trustStoreBuilder.revoke(fp);
 * }</pre>
 *
 * @param digest the SHA-256 value
 */
public record KeyFingerprint(Sha256Digest digest) {

  /** Fingerprint of a public key. */
  public static KeyFingerprint of(PublicKey key) {
    return new KeyFingerprint(Sha256Digest.of(key.getEncoded()));
  }

  /** Parses 64 hex digits. */
  public static KeyFingerprint parse(String hex) {
    return new KeyFingerprint(Sha256Digest.parse(hex));
  }

  /** 64 lower-case hex digits. */
  public String hex() {
    return digest.hex();
  }

  @Override
  public String toString() {
    return hex();
  }
}
