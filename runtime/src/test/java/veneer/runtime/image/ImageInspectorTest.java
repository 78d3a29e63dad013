package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.standard;

import org.junit.jupiter.api.Test;

/** The human-readable description behind `veneer image inspect`. */
class ImageInspectorTest {

  @Test
  void describesEveryFieldInAStableLayout() throws Exception {
    byte[] image = standard().configurationData(new byte[] {1, 2, 3, 4, 5}).sign(KEY);
    int payload = PartialBitstream.OVERHEAD_BYTES + 8;
    int header = ImageFixtures.payloadOffset(image);
    String digest = Sha256Digest.of(image, header, payload).hex();
    assertEquals("Veneer image, format version 1, " + image.length + " bytes (NOT verified: inspection checks structure only)\n"
        + "  shell interface id  0123456789abcdef0011223344556677\n"
        + "  role kind           OVERLAY\n"
        + "  variant             3 \"pe-array-16\"\n"
        + "  image version       7\n"
        + "  tool version        veneer 0.1.0\n"
        + "  build timestamp     2025-03-01T12:34:56.789Z\n"
        + "  notes               test build\n"
        + "                      second line\n"
        + "  resources           LUT 41200, FF 63000, BRAM 96, DSP 32\n"
        + "  signer fingerprint  " + KEY.fingerprint().hex() + " (Ed25519)\n"
        + "  header              " + header + " bytes at offset 0\n"
        + "  payload             " + payload + " bytes at offset " + header + "\n"
        + "  signature block     72 bytes at offset " + (header + payload) + "\n"
        + "  payload SHA-256     " + digest + " (matches payload)\n"
        + "  partial bitstream   variant 3, shell 0123456789abcdef0011223344556677, 5 data bytes, CRC-32 ok\n",
        ImageInspector.describe(image));
  }

  @Test
  void reportsATamperedPayloadWithoutFailing() throws Exception {
    byte[] image = standard().sign(KEY);
    image[ImageFixtures.payloadOffset(image) + 50] ^= 1;
    String text = ImageInspector.describe(image);
    assertTrue(text.contains("(DOES NOT match payload)"), text);
    assertTrue(text.contains("partial bitstream   INVALID: bitstream CRC-32 at byte offset"), text);
  }

  @Test
  void refusesGarbageWithTheFormatError() {
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageInspector.describe(new byte[] {1, 2, 3}));
    assertEquals(ImageFormatException.Problem.NOT_THIS_FORMAT, e.problem());
    assertEquals(0, e.offset());
  }
}
