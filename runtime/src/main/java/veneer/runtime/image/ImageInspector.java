package veneer.runtime.image;

import java.util.Locale;

/**
 * Describes an image for people (the text behind {@code veneer image inspect}). It parses the
 * structure strictly but verifies nothing: the text says so, and the payload itself is never
 * returned. Output is deterministic; header text cannot contain terminal control characters
 * because the format refuses them.
 *
 * <pre>{@code
 * System.out.print(ImageInspector.describe(Files.readAllBytes(Path.of("role.vimg"))));
 * }</pre>
 */
public final class ImageInspector {

  private static final String INDENT = "  ";
  private static final int LABEL_WIDTH = 20;

  private ImageInspector() {
  }

  /**
   * Multi-line description of every header field, the signer fingerprint, sizes and offsets,
   * whether the payload matches its digest and what the partial bitstream framing holds.
   *
   * @throws ImageFormatException if the bytes are not a structurally valid image
   */
  public static String describe(byte[] image) throws ImageFormatException {
    ParsedImage parsed = ImageReader.parse(image);
    ImageHeader h = parsed.header();
    BuildInfo build = h.buildInfo();
    ResourceSummary r = h.resources();
    StringBuilder out = new StringBuilder();
    out.append("Veneer image, format version ").append(h.formatVersion()).append(", ").append(image.length)
        .append(" bytes (NOT verified: inspection checks structure only)\n");
    line(out, "shell interface id", h.shellInterfaceId().hex());
    line(out, "role kind", h.roleKind().name());
    line(out, "variant", h.variantIdUnsigned() + " \"" + h.variantName() + "\"");
    line(out, "image version", String.valueOf(h.imageVersion()));
    line(out, "tool version", build.toolVersion());
    line(out, "build timestamp", build.timestamp().toString());
    line(out, "notes", build.notes().isEmpty() ? "(none)" : build.notes().replace("\n", "\n" + " ".repeat(LABEL_WIDTH + 2)));
    line(out, "resources", String.format(Locale.ROOT, "LUT %d, FF %d, BRAM %d, DSP %d",
        r.luts(), r.flipFlops(), r.blockRams(), r.dsps()));
    line(out, "signer fingerprint", h.signerFingerprint().hex() + " (Ed25519)");
    line(out, "header", parsed.headerLength() + " bytes at offset 0");
    line(out, "payload", parsed.payloadLength() + " bytes at offset " + parsed.payloadOffset());
    line(out, "signature block", ImageLayout.SIGNATURE_BLOCK_BYTES + " bytes at offset " + parsed.signedLength());
    boolean digestMatches = Sha256Digest.of(image, parsed.payloadOffset(), parsed.payloadLength()).equals(h.payloadDigest());
    line(out, "payload SHA-256", h.payloadDigest().hex() + (digestMatches ? " (matches payload)" : " (DOES NOT match payload)"));
    line(out, "partial bitstream", bitstreamSummary(parsed, h));
    return out.toString();
  }

  private static String bitstreamSummary(ParsedImage parsed, ImageHeader header) {
    byte[] payload = new byte[parsed.payloadLength()];
    System.arraycopy(parsed.bytes(), parsed.payloadOffset(), payload, 0, payload.length);
    try {
      PartialBitstream bits = PartialBitstream.parse(payload);
      boolean idsMatch = bits.variantId() == header.variantId() && bits.shellInterfaceId().equals(header.shellInterfaceId());
      return "variant " + Integer.toUnsignedString(bits.variantId()) + ", shell " + bits.shellInterfaceId().hex()
          + ", " + bits.dataLength() + " data bytes, CRC-32 ok"
          + (idsMatch ? "" : " (ids DO NOT match the header)");
    } catch (ImageFormatException e) {
      return "INVALID: " + e.getMessage();
    }
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(INDENT).append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(value).append('\n');
  }
}
