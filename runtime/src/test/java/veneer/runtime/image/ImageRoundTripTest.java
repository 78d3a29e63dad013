package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.SHELL;
import static veneer.runtime.image.ImageFixtures.TIMESTAMP;
import static veneer.runtime.image.ImageFixtures.standard;
import static veneer.runtime.image.ImageFixtures.trusting;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Build, sign, verify: every field comes back; the same inputs give the same bytes. */
class ImageRoundTripTest {

  private static VerifiedImage verify(byte[] image) throws ImageRejectedException {
    return ImageVerifier.verify(image, SHELL, trusting(KEY), RollbackPolicy.inMemory());
  }

  @Test
  void everyHeaderFieldSurvivesTheRoundTrip() throws Exception {
    byte[] data = ImageFixtures.data(203);
    VerifiedImage image = verify(standard().sign(KEY));
    ImageHeader h = image.header();
    assertEquals(1, h.formatVersion());
    assertEquals(SHELL, h.shellInterfaceId());
    assertEquals(RoleKind.OVERLAY, h.roleKind());
    assertEquals(3, h.variantId());
    assertEquals("pe-array-16", h.variantName());
    assertEquals(7, h.imageVersion());
    assertEquals(new BuildInfo("veneer 0.1.0", TIMESTAMP, "test build\nsecond line"), h.buildInfo());
    assertEquals(new ResourceSummary(41_200, 63_000, 96, 32), h.resources());
    assertEquals(KEY.fingerprint(), h.signerFingerprint());
    assertEquals(KEY.fingerprint(), image.signer());
    assertArrayEquals(data, image.bitstream().data());
    assertArrayEquals(image.bitstream().toBytes(), image.payload());
    assertEquals(image.payload().length, h.payloadLength());
    assertEquals(Sha256Digest.of(image.payload()), h.payloadDigest());
    assertEquals(3, image.bitstream().variantId());
    assertEquals(SHELL, image.bitstream().shellInterfaceId());
  }

  @Test
  void extremeValuesRoundTrip() throws Exception {
    String name = "variant-\u00e9\u4e2d\ud83d\ude80";
    byte[] image = standard()
        .role(RoleKind.RTL, 0xFFFF_FFFFL, name)
        .imageVersion(Long.MAX_VALUE)
        .buildTimestamp(Instant.ofEpochMilli(-1))
        .notes("\ttabbed\n" + "x".repeat(4000))
        .resources(new ResourceSummary(ResourceSummary.MAX_COUNT, 0, ResourceSummary.MAX_COUNT, 0))
        .configurationData(new byte[0])
        .sign(KEY);
    ImageHeader h = verify(image).header();
    assertEquals(RoleKind.RTL, h.roleKind());
    assertEquals(0xFFFF_FFFFL, h.variantIdUnsigned());
    assertEquals(name, h.variantName());
    assertEquals(Long.MAX_VALUE, h.imageVersion());
    assertEquals(Instant.ofEpochMilli(-1), h.buildInfo().timestamp());
    assertEquals(ResourceSummary.MAX_COUNT, h.resources().luts());
    assertEquals(PartialBitstream.OVERHEAD_BYTES, h.payloadLength());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 1000, 65_537})
  void payloadsOfAnyLengthRoundTrip(int length) throws Exception {
    byte[] data = ImageFixtures.data(length);
    VerifiedImage image = verify(standard().configurationData(data).sign(KEY));
    assertArrayEquals(data, image.bitstream().data());
  }

  @Test
  void prebuiltBitstreamIsCarriedUnchanged() throws Exception {
    PartialBitstream bits = PartialBitstream.builder().variantId(3).shellInterfaceId(SHELL).data(ImageFixtures.data(9)).build();
    assertEquals(bits, verify(standard().bitstream(bits).sign(KEY)).bitstream());
  }

  @Test
  void builderRefusesABitstreamForAnotherVariantOrShell() {
    PartialBitstream otherVariant = PartialBitstream.builder().variantId(4).shellInterfaceId(SHELL).data(new byte[4]).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> standard().bitstream(otherVariant).sign(KEY));
    assertTrue(e.getMessage().contains("expected 3, found 4"), e.getMessage());
    PartialBitstream otherShell = PartialBitstream.builder().variantId(3)
        .shellInterfaceId(ImageFixtures.OTHER_SHELL).data(new byte[4]).build();
    e = assertThrows(IllegalStateException.class, () -> standard().bitstream(otherShell).sign(KEY));
    assertTrue(e.getMessage().contains("expected " + SHELL.hex() + ", found " + ImageFixtures.OTHER_SHELL.hex()), e.getMessage());
  }

  @Test
  void builderNamesTheMissingField() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ImageBuilder.create()
        .shellInterfaceId(SHELL).role(RoleKind.RTL, 1, "x").imageVersion(1).toolVersion("t")
        .resources(new ResourceSummary(0, 0, 0, 0)).configurationData(new byte[0]).sign(KEY));
    assertEquals("image: build timestamp missing; call buildTimestamp(...)", e.getMessage());
  }

  @Test
  void builderRefusesBadValuesWithExpectedAndFound() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> standard().imageVersion(-1));
    assertTrue(e.getMessage().contains("expected 0..9223372036854775807, found -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> standard().role(RoleKind.RTL, 1L << 32, "x"));
    assertTrue(e.getMessage().contains("found 4294967296"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> standard().role(RoleKind.RTL, 1, "bell\u0007"));
    assertTrue(e.getMessage().contains("control character U+0007"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> standard().notes("n".repeat(4097)));
    assertTrue(e.getMessage().contains("at most 4096 bytes of UTF-8, found 4097"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ResourceSummary(0, -2, 0, 0));
    assertTrue(e.getMessage().contains("flip-flop count: expected 0..4294967295, found -2"), e.getMessage());
  }

  @Test
  void sameInputsGiveByteIdenticalImagesAndEd25519IsDeterministic() {
    byte[] first = standard().sign(KEY);
    byte[] second = standard().sign(KEY);
    int signedLength = first.length - ImageLayout.ED25519_SIGNATURE_BYTES;
    assertArrayEquals(Arrays.copyOf(first, signedLength), Arrays.copyOf(second, signedLength), "unsigned part");
    assertArrayEquals(first, second, "whole image including the Ed25519 signature");
    byte[] message = "same message".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertArrayEquals(KEY.sign(message, 0, message.length), KEY.sign(message, 0, message.length));
  }

  @Test
  void anyChangedInputChangesTheBytes() {
    byte[] base = standard().sign(KEY);
    assertFalse(Arrays.equals(base, standard().buildTimestamp(TIMESTAMP.plusMillis(1)).sign(KEY)));
    assertFalse(Arrays.equals(base, standard().imageVersion(8).sign(KEY)));
    assertFalse(Arrays.equals(base, standard().notes("other").sign(KEY)));
    assertNotEquals(KEY.fingerprint(), ImageFixtures.OTHER_KEY.fingerprint());
    assertFalse(Arrays.equals(base, standard().sign(ImageFixtures.OTHER_KEY)));
  }

  @Test
  void headerBytesSitWhereTheDocumentSaysTheyDo() {
    byte[] image = standard().sign(KEY);
    assertEquals("89564e494d470d0a", Hex.of(Arrays.copyOfRange(image, 0, 8)), "magic");
    assertEquals("0100", Hex.of(Arrays.copyOfRange(image, 8, 10)), "format version");
    int headerLength = ImageFixtures.payloadOffset(image);
    assertEquals(152 + "pe-array-16".length() + "veneer 0.1.0".length() + "test build\nsecond line".length(), headerLength);
    assertEquals("00000000", Hex.of(Arrays.copyOfRange(image, 12, 16)), "reserved");
    // 0123456789abcdef0011223344556677 as a 128-bit little-endian integer
    assertEquals("7766554433221100efcdab8967452301", Hex.of(Arrays.copyOfRange(image, 16, 32)), "shell id");
    assertEquals("01000000", Hex.of(Arrays.copyOfRange(image, 32, 36)), "role kind + reserved");
    assertEquals("03000000", Hex.of(Arrays.copyOfRange(image, 36, 40)), "variant id");
    assertEquals("0700000000000000", Hex.of(Arrays.copyOfRange(image, 40, 48)), "image version");
    assertEquals(TIMESTAMP.toEpochMilli(), java.nio.ByteBuffer.wrap(image, 48, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
    assertEquals("f0a00000" + "18f60000" + "60000000" + "20000000", Hex.of(Arrays.copyOfRange(image, 56, 72)), "resources");
    assertEquals(KEY.fingerprint().hex(), Hex.of(Arrays.copyOfRange(image, 112, 144)), "signer");
    assertEquals("0b00" + "0c00" + "1600" + "0000", Hex.of(Arrays.copyOfRange(image, 144, 152)), "string lengths");
    assertEquals("pe-array-16", new String(image, 152, 11, java.nio.charset.StandardCharsets.UTF_8));
    int signatureBlock = image.length - ImageLayout.SIGNATURE_BLOCK_BYTES;
    assertEquals("56534947" + "0100" + "4000", Hex.of(Arrays.copyOfRange(image, signatureBlock, signatureBlock + 8)));
  }
}
