package veneer.runtime.image;

/** Offsets and sizes of the image file format; docs/image-format.md is the prose version. */
final class ImageLayout {

  /**
   * "\x89VNIMG\r\n": the high first byte rejects text files early, the CR LF pair shows up
   * broken if a transfer rewrote line endings.
   */
  static final byte[] MAGIC = {(byte) 0x89, 'V', 'N', 'I', 'M', 'G', '\r', '\n'};
  static final int FORMAT_VERSION = 1;

  static final int OFF_MAGIC = 0;
  static final int OFF_FORMAT_VERSION = 8;
  static final int OFF_HEADER_LENGTH = 10;
  static final int OFF_RESERVED_0 = 12;
  static final int OFF_SHELL_ID = 16;
  static final int OFF_ROLE_KIND = 32;
  static final int OFF_RESERVED_1 = 33;
  static final int OFF_VARIANT_ID = 36;
  static final int OFF_IMAGE_VERSION = 40;
  static final int OFF_TIMESTAMP = 48;
  static final int OFF_LUTS = 56;
  static final int OFF_FFS = 60;
  static final int OFF_BRAMS = 64;
  static final int OFF_DSPS = 68;
  static final int OFF_PAYLOAD_LENGTH = 72;
  static final int OFF_PAYLOAD_DIGEST = 80;
  static final int OFF_SIGNER = 112;
  static final int OFF_VARIANT_NAME_LENGTH = 144;
  static final int OFF_TOOL_VERSION_LENGTH = 146;
  static final int OFF_NOTES_LENGTH = 148;
  static final int OFF_RESERVED_2 = 150;
  /** Size of the fixed part; the three strings follow it. */
  static final int FIXED_HEADER_BYTES = 152;
  static final int MAX_HEADER_BYTES = FIXED_HEADER_BYTES + HeaderText.MAX_VARIANT_NAME_BYTES
      + HeaderText.MAX_TOOL_VERSION_BYTES + HeaderText.MAX_NOTES_BYTES;

  /** "VSIG". */
  static final byte[] SIGNATURE_MAGIC = {'V', 'S', 'I', 'G'};
  static final int SIGNATURE_ALGORITHM_ED25519 = 1;
  static final int ED25519_SIGNATURE_BYTES = 64;
  /** Signature block: magic(4) algorithm(2) length(2) signature(64). */
  static final int SIGNATURE_BLOCK_BYTES = 8 + ED25519_SIGNATURE_BYTES;

  private ImageLayout() {
  }
}
