package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.OTHER_KEY;
import static veneer.runtime.image.ImageFixtures.OTHER_SHELL;
import static veneer.runtime.image.ImageFixtures.SHELL;
import static veneer.runtime.image.ImageFixtures.payloadOffset;
import static veneer.runtime.image.ImageFixtures.standard;
import static veneer.runtime.image.ImageFixtures.standardImage;
import static veneer.runtime.image.ImageFixtures.trusting;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per refusal: each checks the reason code and the expected/found parts of the message. */
class ImageVerifierRejectionTest {

  private static ImageRejectedException reject(byte[] image) {
    return reject(image, SHELL, trusting(KEY), RollbackPolicy.inMemory());
  }

  private static ImageRejectedException reject(byte[] image, ShellInterfaceId shell, TrustStore trust, RollbackPolicy rollback) {
    return assertThrows(ImageRejectedException.class, () -> ImageVerifier.verify(image, shell, trust, rollback));
  }

  private static void assertMessage(ImageRejectedException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
    }
  }

  @Test
  void wrongShellNamesBothInterfaceIdsInFull() {
    ImageRejectedException e = reject(standardImage(), OTHER_SHELL, trusting(KEY), RollbackPolicy.inMemory());
    assertEquals(RejectionReason.WRONG_SHELL, e.reason());
    assertMessage(e, "expected shell interface id fedcba9876543210ffeeddccbbaa9988",
        "found 0123456789abcdef0011223344556677");
  }

  @Test
  void unknownKeyNamesTheFingerprint() {
    ImageRejectedException e = reject(standardImage(), SHELL, trusting(OTHER_KEY), RollbackPolicy.inMemory());
    assertEquals(RejectionReason.UNKNOWN_KEY, e.reason());
    assertMessage(e, "found unknown key fingerprint " + KEY.fingerprint().hex(), "1 trusted");
  }

  @Test
  void revokedKeyIsRefusedEvenWhenTrusted() {
    TrustStore trust = TrustStore.builder().trust(KEY.publicKey()).revoke(KEY.fingerprint()).build();
    ImageRejectedException e = reject(standardImage(), SHELL, trust, RollbackPolicy.inMemory());
    assertEquals(RejectionReason.REVOKED_KEY, e.reason());
    assertMessage(e, KEY.fingerprint().hex(), "revoked");
  }

  @Test
  void alteredSignatureIsABadSignature() {
    byte[] image = standardImage();
    image[image.length - 1] ^= 0x01;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.BAD_SIGNATURE, e.reason());
    assertMessage(e, "Ed25519 signature by key " + KEY.fingerprint().hex(), "does not verify");
  }

  @Test
  void signatureByAnotherKeyUnderTheTrustedFingerprintIsABadSignature() {
    // Header names KEY, but OTHER_KEY signed: the attacker copied a trusted fingerprint.
    byte[] good = standardImage();
    byte[] signedPart = Arrays.copyOf(good, good.length - ImageLayout.SIGNATURE_BLOCK_BYTES);
    byte[] forged = ImageWriter.attachSignature(signedPart, OTHER_KEY.sign(signedPart, 0, signedPart.length));
    ImageRejectedException e = reject(forged);
    assertEquals(RejectionReason.BAD_SIGNATURE, e.reason());
    assertMessage(e, "over the " + signedPart.length + " bytes of header and payload");
  }

  @Test
  void alteredPayloadIsADigestMismatch() throws Exception {
    byte[] image = standardImage();
    int at = payloadOffset(image) + 40;
    image[at] ^= 0x20;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.PAYLOAD_DIGEST_MISMATCH, e.reason());
    ImageHeader header = ImageReader.parse(image).header();
    int payloadLength = (int) header.payloadLength();
    String actual = Sha256Digest.of(image, payloadOffset(image), payloadLength).hex();
    assertMessage(e, "expected payload SHA-256 " + header.payloadDigest().hex(), "found " + actual,
        "the payload was altered");
  }

  /** Signed header fields: version, timestamp, LUTs, DSPs, variant id, shell id, name, tool, notes. */
  @ParameterizedTest
  @ValueSource(ints = {40, 47, 48, 56, 68, 36, 16, 31, 160, 170, 180})
  void alteredHeaderFieldFailsTheSignature(int offset) {
    byte[] image = standardImage();
    image[offset] ^= 0x01;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.BAD_SIGNATURE, e.reason(), e.getMessage());
    assertMessage(e, "the header or the signature was altered after signing");
  }

  @Test
  void headerRetargetedToTheDevicesShellFailsTheSignature() {
    // An attacker rewrites the shell id so a foreign image passes the shell check.
    byte[] image = standard().shellInterfaceId(OTHER_SHELL).configurationData(new byte[8]).sign(KEY);
    System.arraycopy(SHELL.toLittleEndianBytes(), 0, image, 16, 16);
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void versionBelowTheRollbackMinimumIsOld() throws IOException {
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    rollback.raiseMinimum(RoleKind.OVERLAY, 3, 8);
    ImageRejectedException e = reject(standardImage(), SHELL, trusting(KEY), rollback);
    assertEquals(RejectionReason.OLD_VERSION, e.reason());
    assertMessage(e, "OVERLAY variant 3 \"pe-array-16\"", "expected image version >= 8", "found 7");
  }

  @Test
  void rollbackMinimumOfAnotherVariantOrKindDoesNotApply() throws Exception {
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    rollback.raiseMinimum(RoleKind.OVERLAY, 4, 100);
    rollback.raiseMinimum(RoleKind.RTL, 3, 100);
    rollback.raiseMinimum(RoleKind.OVERLAY, 3, 7);
    assertEquals(7, ImageVerifier.verify(standardImage(), SHELL, trusting(KEY), rollback).header().imageVersion());
  }

  @Test
  void everyTruncationIsTruncated() {
    byte[] image = standard().configurationData(new byte[5]).sign(KEY);
    for (int length = 0; length < image.length; length++) {
      ImageRejectedException e = reject(Arrays.copyOf(image, length));
      int cut = length;
      assertEquals(RejectionReason.TRUNCATED, e.reason(), () -> "cut at " + cut + ": " + e.getMessage());
      assertMessage(e, "at byte offset", "expected");
    }
  }

  @Test
  void truncationInThePayloadStatesTheDeclaredAndRealSize() {
    byte[] image = standardImage();
    int headerLength = payloadOffset(image);
    int payloadLength = image.length - headerLength - ImageLayout.SIGNATURE_BLOCK_BYTES;
    ImageRejectedException e = reject(Arrays.copyOf(image, headerLength + 10));
    assertEquals(RejectionReason.TRUNCATED, e.reason());
    assertMessage(e, "payload length at byte offset 72", "found " + payloadLength,
        "at most 0 (input size " + (headerLength + 10) + " - header " + headerLength);
    ImageRejectedException inSignature = reject(Arrays.copyOf(image, image.length - 3));
    assertMessage(inSignature, "found " + payloadLength, "at most " + (payloadLength - 3));
  }

  @Test
  void textFileIsGarbage() {
    ImageRejectedException e = reject("#!/bin/sh\necho not an image\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals(RejectionReason.GARBAGE, e.reason());
    assertMessage(e, "magic (not a Veneer image) at byte offset 0", "expected bytes 89 56 4e 49 4d 47 0d 0a",
        "found bytes 23 21 2f 62 69 6e 2f 73");
  }

  @Test
  void imageWithRewrittenLineEndingsIsGarbageAtTheCarriageReturn() {
    byte[] image = standardImage();
    byte[] mangled = new byte[image.length - 1];
    System.arraycopy(image, 0, mangled, 0, 6);
    System.arraycopy(image, 7, mangled, 6, image.length - 7);   // CR LF -> LF
    ImageRejectedException e = reject(mangled);
    assertEquals(RejectionReason.GARBAGE, e.reason());
    assertMessage(e, "at byte offset 6");
  }

  @Test
  void imageOverTheCapIsTooLarge() {
    byte[] image = standardImage();
    ImageRejectedException e = assertThrows(ImageRejectedException.class, () ->
        ImageVerifier.verify(image, SHELL, trusting(KEY), RollbackPolicy.inMemory(), 300));
    assertEquals(RejectionReason.TOO_LARGE, e.reason());
    assertMessage(e, "expected an image of at most 300 bytes", "found " + image.length + " bytes");
  }

  @Test
  void hugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.vimg");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(standardImage());
      raf.setLength(3L << 30);    // sparse: 3 GiB on paper, a few KiB on disk
    }
    ImageRejectedException e = assertThrows(ImageRejectedException.class, () ->
        ImageVerifier.verifyFile(file, SHELL, trusting(KEY), RollbackPolicy.inMemory(), ImageVerifier.DEFAULT_MAX_IMAGE_BYTES));
    assertEquals(RejectionReason.TOO_LARGE, e.reason());
    assertMessage(e, "at most " + ImageVerifier.DEFAULT_MAX_IMAGE_BYTES, "found " + (3L << 30));
  }

  @Test
  void verifyFileAcceptsAGoodFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("good.vimg");
    Files.write(file, standardImage());
    VerifiedImage image = ImageVerifier.verifyFile(file, SHELL, trusting(KEY), RollbackPolicy.inMemory(), 1 << 20);
    assertEquals("pe-array-16", image.header().variantName());
  }

  @ParameterizedTest
  @ValueSource(longs = {Long.MIN_VALUE, -1L, 1L << 40, Integer.MAX_VALUE})
  void hugeDeclaredPayloadLengthIsCheckedAgainstTheRealSize(long declared) {
    byte[] image = standardImage();
    ImageFixtures.putU64(image, ImageLayout.OFF_PAYLOAD_LENGTH, declared);
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.TRUNCATED, e.reason());
    assertMessage(e, "payload length at byte offset 72", "found " + Long.toUnsignedString(declared),
        "input size " + image.length);
  }

  @Test
  void headerLengthThatDisagreesWithTheStringsIsMalformed() {
    byte[] image = standardImage();
    int real = payloadOffset(image);
    ImageFixtures.putU16(image, ImageLayout.OFF_HEADER_LENGTH, real + 4);
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "header length at byte offset 10", "= " + real, "found " + (real + 4));
  }

  @Test
  void stringLengthOverItsLimitIsMalformed() {
    byte[] image = standardImage();
    ImageFixtures.putU16(image, ImageLayout.OFF_NOTES_LENGTH, 5000);
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "notes length at byte offset 148", "expected 0..4096", "found 5000");
  }

  @Test
  void trailingBytesAreMalformed() {
    byte[] image = standardImage();
    byte[] longer = Arrays.copyOf(image, image.length + 3);
    ImageRejectedException e = reject(longer);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "at byte offset " + image.length, "found 3 trailing bytes");
  }

  @Test
  void reservedByteSetIsMalformed() {
    byte[] image = standardImage();
    image[34] = 0x40;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "reserved header bytes at byte offset 34", "expected 0x00", "found 0x40");
  }

  @Test
  void unknownRoleKindIsMalformed() {
    byte[] image = standardImage();
    image[ImageLayout.OFF_ROLE_KIND] = 9;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "role kind at byte offset 32", "expected 1 (OVERLAY) or 2 (RTL)", "found 9");
  }

  @Test
  void newerFormatVersionIsUnsupported() {
    byte[] image = standardImage();
    image[ImageLayout.OFF_FORMAT_VERSION] = 2;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.UNSUPPORTED_FORMAT, e.reason());
    assertMessage(e, "format version at byte offset 8", "expected 1", "found 2");
  }

  @Test
  void wrongSignatureAlgorithmIsMalformed() {
    byte[] image = standardImage();
    int at = image.length - ImageLayout.SIGNATURE_BLOCK_BYTES + 4;
    image[at] = 2;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "signature algorithm at byte offset " + at, "expected 1 (Ed25519)", "found 2");
  }

  @Test
  void invalidUtf8InTheVariantNameIsMalformed() {
    byte[] image = standardImage();
    image[ImageLayout.FIXED_HEADER_BYTES] = (byte) 0xC3;
    image[ImageLayout.FIXED_HEADER_BYTES + 1] = (byte) 0x28;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "variant name at byte offset 152", "valid UTF-8", "found invalid UTF-8");
  }

  @Test
  void terminalEscapeInTheVariantNameIsMalformed() {
    byte[] image = standardImage();
    image[ImageLayout.FIXED_HEADER_BYTES] = 0x1B;
    ImageRejectedException e = reject(image);
    assertEquals(RejectionReason.MALFORMED, e.reason());
    assertMessage(e, "control character U+001B");
  }

  /** Signs an image around a given payload, with a consistent digest, to reach the bitstream checks. */
  private static byte[] signedAround(byte[] payload) {
    ImageHeader header = new ImageHeader(1, SHELL, RoleKind.OVERLAY, 3, "pe-array-16", 7,
        new BuildInfo("veneer 0.1.0", ImageFixtures.TIMESTAMP, ""), new ResourceSummary(1, 2, 3, 4),
        payload.length, Sha256Digest.of(payload), KEY.fingerprint());
    return ImageWriter.write(header, payload, KEY);
  }

  private static byte[] bitstream(long variant, ShellInterfaceId shell) {
    return PartialBitstream.builder().variantId(variant).shellInterfaceId(shell).data(ImageFixtures.data(21)).build().toBytes();
  }

  @Test
  void signedImageWithBadBitstreamCrcIsABadBitstream() {
    byte[] payload = bitstream(3, SHELL);
    payload[payload.length - 1] ^= (byte) 0x80;
    ImageRejectedException e = reject(signedAround(payload));
    assertEquals(RejectionReason.BAD_BITSTREAM, e.reason());
    assertMessage(e, "bitstream CRC-32 at byte offset " + (payload.length - 4), "expected 0x", "found 0x");
  }

  @Test
  void signedImageWithBadSyncWordIsABadBitstream() {
    byte[] payload = bitstream(3, SHELL);
    payload[0] = 0;
    ImageRejectedException e = reject(signedAround(payload));
    assertEquals(RejectionReason.BAD_BITSTREAM, e.reason());
    assertMessage(e, "bitstream sync word at byte offset 0", "expected 0x42524e56");
  }

  @Test
  void signedImageWhoseBitstreamNamesAnotherVariantIsABadBitstream() {
    ImageRejectedException e = reject(signedAround(bitstream(4, SHELL)));
    assertEquals(RejectionReason.BAD_BITSTREAM, e.reason());
    assertMessage(e, "expected variant id 3 (from the image header), found 4");
  }

  @Test
  void signedImageWhoseBitstreamNamesAnotherShellIsABadBitstream() {
    ImageRejectedException e = reject(signedAround(bitstream(3, OTHER_SHELL)));
    assertEquals(RejectionReason.BAD_BITSTREAM, e.reason());
    assertMessage(e, "expected shell interface id " + SHELL.hex(), "found " + OTHER_SHELL.hex());
  }

  @Test
  void signedImageWithTruncatedBitstreamIsABadBitstream() {
    byte[] payload = bitstream(3, SHELL);
    ImageRejectedException e = reject(signedAround(Arrays.copyOf(payload, payload.length - 4)));
    assertEquals(RejectionReason.BAD_BITSTREAM, e.reason());
    assertMessage(e, "bitstream end", "found " + (payload.length - 4) + " bytes");
  }

  @Test
  void callerChangingTheArrayAfterVerificationDoesNotChangeTheVerifiedPayload() throws Exception {
    byte[] image = standardImage();
    VerifiedImage verified = ImageVerifier.verify(image, SHELL, trusting(KEY), RollbackPolicy.inMemory());
    byte[] before = verified.payload();
    Arrays.fill(image, (byte) 0);
    assertTrue(Arrays.equals(before, verified.payload()));
    verified.payload()[0] ^= 1;
    assertTrue(Arrays.equals(before, verified.payload()), "payload() must hand out copies");
  }
}
