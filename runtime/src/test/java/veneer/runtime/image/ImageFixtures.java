package veneer.runtime.image;

import java.time.Instant;
import java.util.Random;

/** Shared inputs for image tests: two shells, one signing key per test JVM, a standard build. */
final class ImageFixtures {

  static final ShellInterfaceId SHELL = ShellInterfaceId.parse("0123456789abcdef0011223344556677");
  static final ShellInterfaceId OTHER_SHELL = ShellInterfaceId.parse("fedcba9876543210ffeeddccbbaa9988");
  static final Instant TIMESTAMP = Instant.parse("2025-03-01T12:34:56.789Z");
  static final SigningKey KEY = KeyPairs.generate();
  static final SigningKey OTHER_KEY = KeyPairs.generate();

  private ImageFixtures() {
  }

  /** Deterministic configuration data of {@code length} bytes. */
  static byte[] data(int length) {
    byte[] bytes = new byte[length];
    new Random(length * 31L + 7).nextBytes(bytes);
    return bytes;
  }

  /** A complete builder for OVERLAY variant 3 version 7; tests change what they need. */
  static ImageBuilder standard() {
    return ImageBuilder.create()
        .shellInterfaceId(SHELL)
        .role(RoleKind.OVERLAY, 3, "pe-array-16")
        .imageVersion(7)
        .toolVersion("veneer 0.1.0")
        .buildTimestamp(TIMESTAMP)
        .notes("test build\nsecond line")
        .resources(new ResourceSummary(41_200, 63_000, 96, 32))
        .configurationData(data(203));
  }

  static byte[] standardImage() {
    return standard().sign(KEY);
  }

  static TrustStore trusting(SigningKey... keys) {
    TrustStore.Builder builder = TrustStore.builder();
    for (SigningKey key : keys) {
      builder.trust(key.publicKey());
    }
    return builder.build();
  }

  /** Offset of the first payload byte in an image (its header length). */
  static int payloadOffset(byte[] image) {
    return (image[10] & 0xFF) | (image[11] & 0xFF) << 8;
  }

  static void putU64(byte[] bytes, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  static void putU16(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
  }
}
