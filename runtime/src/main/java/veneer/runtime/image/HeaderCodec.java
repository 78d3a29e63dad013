package veneer.runtime.image;

import static veneer.runtime.image.ImageFormatException.Problem.MALFORMED;
import static veneer.runtime.image.ImageFormatException.Problem.NOT_THIS_FORMAT;
import static veneer.runtime.image.ImageFormatException.Problem.TRUNCATED;
import static veneer.runtime.image.ImageFormatException.Problem.UNSUPPORTED_VERSION;

import java.time.Instant;

/** Encodes and strictly decodes the image header (layout in {@link ImageLayout}). */
final class HeaderCodec {

  private HeaderCodec() {
  }

  static byte[] encode(ImageHeader header) {
    BuildInfo build = header.buildInfo();
    byte[] name = HeaderText.encode("variant name", header.variantName(), HeaderText.MAX_VARIANT_NAME_BYTES, false);
    byte[] tool = HeaderText.encode("tool version", build.toolVersion(), HeaderText.MAX_TOOL_VERSION_BYTES, false);
    byte[] notes = HeaderText.encode("notes", build.notes(), HeaderText.MAX_NOTES_BYTES, true);
    int headerLength = ImageLayout.FIXED_HEADER_BYTES + name.length + tool.length + notes.length;
    ResourceSummary r = header.resources();
    LittleEndianWriter out = new LittleEndianWriter()
        .bytes(ImageLayout.MAGIC)
        .u16(header.formatVersion())
        .u16(headerLength)
        .zeros(4)
        .bytes(header.shellInterfaceId().toLittleEndianBytes())
        .u8(header.roleKind().code())
        .zeros(3)
        .u32(header.variantId())
        .u64(header.imageVersion())
        .u64(build.timestamp().toEpochMilli())
        .u32(r.luts()).u32(r.flipFlops()).u32(r.blockRams()).u32(r.dsps())
        .u64(header.payloadLength())
        .bytes(header.payloadDigest().bytes())
        .bytes(header.signerFingerprint().digest().bytes())
        .u16(name.length).u16(tool.length).u16(notes.length)
        .zeros(2);
    if (out.size() != ImageLayout.FIXED_HEADER_BYTES) {
      throw new AssertionError("fixed header is " + out.size() + " bytes, layout says " + ImageLayout.FIXED_HEADER_BYTES);
    }
    return out.bytes(name).bytes(tool).bytes(notes).toByteArray();
  }

  /**
   * Decodes the header at the start of {@code in}; on return the cursor stands on the first
   * payload byte. Checks the declared payload length against what the input really holds.
   */
  static ImageHeader decode(ByteCursor in) throws ImageFormatException {
    checkMagic(in);
    int formatVersion = in.u16("format version");
    if (formatVersion != ImageLayout.FORMAT_VERSION) {
      throw new ImageFormatException(UNSUPPORTED_VERSION, "format version", ImageLayout.OFF_FORMAT_VERSION,
          String.valueOf(ImageLayout.FORMAT_VERSION), String.valueOf(formatVersion));
    }
    int headerLength = in.u16("header length");
    if (headerLength < ImageLayout.FIXED_HEADER_BYTES || headerLength > ImageLayout.MAX_HEADER_BYTES) {
      throw new ImageFormatException(MALFORMED, "header length", ImageLayout.OFF_HEADER_LENGTH,
          ImageLayout.FIXED_HEADER_BYTES + ".." + ImageLayout.MAX_HEADER_BYTES, String.valueOf(headerLength));
    }
    in.zeros("reserved header bytes", 4);
    byte[] shellIdBytes = in.bytes("shell interface id", ShellInterfaceId.BYTES);
    ShellInterfaceId shellId = ShellInterfaceId.fromLittleEndianBytes(shellIdBytes, 0);
    int kindCode = in.u8("role kind");
    RoleKind kind = RoleKind.fromCode(kindCode);
    if (kind == null) {
      throw new ImageFormatException(MALFORMED, "role kind", ImageLayout.OFF_ROLE_KIND,
          RoleKind.OVERLAY.code() + " (OVERLAY) or " + RoleKind.RTL.code() + " (RTL)", String.valueOf(kindCode));
    }
    in.zeros("reserved header bytes", 3);
    int variantId = (int) in.u32("variant id");
    long imageVersion = in.u64("image version");
    if (imageVersion < 0) {
      throw new ImageFormatException(MALFORMED, "image version", ImageLayout.OFF_IMAGE_VERSION,
          "0.." + Long.MAX_VALUE, Long.toUnsignedString(imageVersion));
    }
    long timestampMillis = in.u64("build timestamp");
    ResourceSummary resources = new ResourceSummary(in.u32("LUT count"), in.u32("flip-flop count"),
        in.u32("block RAM count"), in.u32("DSP count"));
    long payloadLength = in.u64("payload length");
    Sha256Digest digest = Sha256Digest.fromBytes(in.bytes("payload SHA-256", Sha256Digest.BYTES));
    KeyFingerprint signer = new KeyFingerprint(Sha256Digest.fromBytes(in.bytes("signer key fingerprint", Sha256Digest.BYTES)));
    int nameLength = textLength(in, "variant name length", ImageLayout.OFF_VARIANT_NAME_LENGTH, HeaderText.MAX_VARIANT_NAME_BYTES);
    int toolLength = textLength(in, "tool version length", ImageLayout.OFF_TOOL_VERSION_LENGTH, HeaderText.MAX_TOOL_VERSION_BYTES);
    int notesLength = textLength(in, "notes length", ImageLayout.OFF_NOTES_LENGTH, HeaderText.MAX_NOTES_BYTES);
    in.zeros("reserved header bytes", 2);
    int computed = ImageLayout.FIXED_HEADER_BYTES + nameLength + toolLength + notesLength;
    if (computed != headerLength) {
      throw new ImageFormatException(MALFORMED, "header length", ImageLayout.OFF_HEADER_LENGTH,
          ImageLayout.FIXED_HEADER_BYTES + " + variant name " + nameLength + " + tool version " + toolLength
              + " + notes " + notesLength + " = " + computed,
          String.valueOf(headerLength));
    }
    checkPayloadFits(in, headerLength, payloadLength);
    String name = text(in, "variant name", nameLength, false);
    String tool = text(in, "tool version", toolLength, false);
    String notes = text(in, "notes", notesLength, true);
    return new ImageHeader(formatVersion, shellId, kind, variantId, name, imageVersion,
        new BuildInfo(tool, Instant.ofEpochMilli(timestampMillis), notes), resources,
        payloadLength, digest, signer);
  }

  private static void checkMagic(ByteCursor in) throws ImageFormatException {
    byte[] data = in.array();
    int available = Math.min(in.remaining(), ImageLayout.MAGIC.length);
    int base = in.absolutePosition();
    for (int i = 0; i < available; i++) {
      if (data[base + i] != ImageLayout.MAGIC[i]) {
        byte[] found = new byte[available];
        System.arraycopy(data, base, found, 0, available);
        throw new ImageFormatException(NOT_THIS_FORMAT, "magic (not a Veneer image)", i,
            "bytes " + spaced(ImageLayout.MAGIC), "bytes " + spaced(found));
      }
    }
    in.require("magic", ImageLayout.MAGIC.length);
    in.skip(ImageLayout.MAGIC.length);
  }

  /**
   * A header claims a payload size; compare it with the real input before anyone allocates or
   * reads that much.
   */
  private static void checkPayloadFits(ByteCursor in, int headerLength, long payloadLength) throws ImageFormatException {
    long room = (long) in.size() - headerLength - ImageLayout.SIGNATURE_BLOCK_BYTES;
    if (payloadLength < 0 || payloadLength > Math.max(room, 0)) {
      throw new ImageFormatException(TRUNCATED, "payload length", ImageLayout.OFF_PAYLOAD_LENGTH,
          "at most " + Math.max(room, 0) + " (input size " + in.size() + " - header " + headerLength
              + " - signature block " + ImageLayout.SIGNATURE_BLOCK_BYTES + ")",
          Long.toUnsignedString(payloadLength));
    }
  }

  private static int textLength(ByteCursor in, String field, int offset, int max) throws ImageFormatException {
    int length = in.u16(field);
    if (length > max) {
      throw new ImageFormatException(MALFORMED, field, offset, "0.." + max, String.valueOf(length));
    }
    return length;
  }

  private static String text(ByteCursor in, String field, int length, boolean multiLine) throws ImageFormatException {
    int at = in.offset();
    byte[] bytes = in.bytes(field, length);
    String text = HeaderText.decodeOrNull(bytes, 0, length);
    if (text == null) {
      throw new ImageFormatException(MALFORMED, field, at, length + " bytes of valid UTF-8", "invalid UTF-8");
    }
    int bad = HeaderText.firstForbidden(text, multiLine);
    if (bad >= 0) {
      throw new ImageFormatException(MALFORMED, field, at, "printable text", "control character U+"
          + String.format("%04X", (int) text.charAt(bad)) + " at character " + bad);
    }
    return text;
  }

  private static String spaced(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
    }
    return text.toString();
  }
}
