package veneer.runtime.image;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * An Ed25519 key pair that signs images. Create one with {@link KeyPairs#generate()}, store it
 * with {@link KeyPairs#savePrivate}, read it back with {@link KeyPairs#loadPrivate}.
 *
 * <pre>{@code
 * SigningKey key = KeyPairs.generate();
 * key.fingerprint().hex();   // what a trust store lists
 * }</pre>
 */
public final class SigningKey {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final KeyFingerprint fingerprint;

  SigningKey(KeyPair pair) {
    this.privateKey = Objects.requireNonNull(pair.getPrivate());
    this.publicKey = Objects.requireNonNull(pair.getPublic());
    this.fingerprint = KeyFingerprint.of(publicKey);
  }

  /** The public half, to put into a trust store. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Fingerprint of the public half. */
  public KeyFingerprint fingerprint() {
    return fingerprint;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  /** Ed25519 signature (64 bytes) of {@code data[offset, offset + length)}; deterministic. */
  byte[] sign(byte[] data, int offset, int length) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(data, offset, length);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed with key " + fingerprint.hex(), e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[Ed25519 " + fingerprint.hex() + "]";
  }
}
