package veneer.runtime.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A SHA-256 value (32 bytes), compared by content and printed as 64 hex digits.
 *
 * <pre>{@code
 * Sha256Digest d = Sha256Digest.of(payload);
 * d.hex();   // "9f86d081..."
 * }</pre>
 */
public final class Sha256Digest {

  /** Number of bytes in a SHA-256 value. */
  public static final int BYTES = 32;

  private final byte[] bytes;

  private Sha256Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** SHA-256 of all of {@code data}. */
  public static Sha256Digest of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** SHA-256 of {@code data[offset, offset + length)}. */
  public static Sha256Digest of(byte[] data, int offset, int length) {
    MessageDigest sha = newSha256();
    sha.update(data, offset, length);
    return new Sha256Digest(sha.digest());
  }

  /** Wraps 32 raw bytes (copied). */
  public static Sha256Digest fromBytes(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("SHA-256 value: expected " + BYTES + " bytes, found " + bytes.length);
    }
    return new Sha256Digest(bytes.clone());
  }

  /** Parses 64 hex digits. */
  public static Sha256Digest parse(String hex) {
    return new Sha256Digest(Hex.parse(hex.trim().toLowerCase(Locale.ROOT), BYTES, "SHA-256 value"));
  }

  /** The 32 raw bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 64 lower-case hex digits. */
  public String hex() {
    return Hex.of(bytes);
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256, which every Java SE platform must provide", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sha256Digest digest && MessageDigest.isEqual(bytes, digest.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
