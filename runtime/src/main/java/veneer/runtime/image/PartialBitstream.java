package veneer.runtime.image;

import static veneer.runtime.image.ImageFormatException.Problem.MALFORMED;
import static veneer.runtime.image.ImageFormatException.Problem.NOT_THIS_FORMAT;
import static veneer.runtime.image.ImageFormatException.Problem.TRUNCATED;
import static veneer.runtime.image.ImageFormatException.Problem.UNSUPPORTED_VERSION;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The framed partial bitstream an image carries as its payload: the exact byte stream the Shell's
 * configuration port receives. A stream of 32-bit little-endian words:
 * <pre>
 * word 0      sync word 0x42524E56 (bytes "VNRB")
 * word 1      framing version (1)
 * word 2      variant id
 * word 3..6   shell interface id, word 3 = bits 31..0 ... word 6 = bits 127..96
 * word 7      data length L in bytes
 * word 8..    data, ceil(L/4) words, the last one padded with zero bytes
 * last word   CRC-32 (IEEE 802.3, as java.util.zip.CRC32) over every byte before it
 * </pre>
 * docs/image-format.md has the full description for the RTL configuration-port controller.
 *
 * <pre>{@code
 * PartialBitstream bits = PartialBitstream.builder()
 *         .variantId(3)
 *         .shellInterfaceId(ShellInterfaceId.parse("0123456789abcdef0011223344556677"))
 *         .data(configurationFrames)
 *         .build();
 * byte[] stream = bits.toBytes();
 * PartialBitstream back = PartialBitstream.parse(stream);
 * }</pre>
 */
public final class PartialBitstream {

  /** Word 0: the bytes "VNRB" read as a little-endian word. */
  public static final int SYNC_WORD = 0x42524E56;
  /** Word 1 of this framing version. */
  public static final int FRAMING_VERSION = 1;
  /** Words before the data. */
  public static final int HEADER_WORDS = 8;
  /** Bytes of framing around the data: header words plus the CRC word. */
  public static final int OVERHEAD_BYTES = 4 * (HEADER_WORDS + 1);
  /** Largest data length, so that the whole stream fits a Java array. */
  public static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 64;

  private final int variantId;
  private final ShellInterfaceId shellInterfaceId;
  private final byte[] data;

  private PartialBitstream(int variantId, ShellInterfaceId shellInterfaceId, byte[] data) {
    this.variantId = variantId;
    this.shellInterfaceId = shellInterfaceId;
    this.data = data;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Variant id from word 2 (unsigned 32-bit, kept in an int). */
  public int variantId() {
    return variantId;
  }

  /** Shell interface id from words 3..6. */
  public ShellInterfaceId shellInterfaceId() {
    return shellInterfaceId;
  }

  /** The configuration data (a copy), without padding. */
  public byte[] data() {
    return data.clone();
  }

  /** Number of data bytes. */
  public int dataLength() {
    return data.length;
  }

  /** The framed stream, byte for byte what the configuration port receives. */
  public byte[] toBytes() {
    int dataWords = (data.length + 3) / 4;
    LittleEndianWriter out = new LittleEndianWriter()
        .u32(SYNC_WORD)
        .u32(FRAMING_VERSION)
        .u32(variantId)
        .bytes(shellInterfaceId.toLittleEndianBytes())
        .u32(data.length)
        .bytes(data)
        .zeros(4 * dataWords - data.length);
    byte[] framed = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(framed);
    return new LittleEndianWriter().bytes(framed).u32(crc.getValue()).toByteArray();
  }

  /**
   * Strictly parses a framed stream; the input must hold exactly one bitstream.
   *
   * @throws ImageFormatException naming the field, its offset, what was expected and found
   */
  public static PartialBitstream parse(byte[] stream) throws ImageFormatException {
    ByteCursor in = new ByteCursor(stream);
    checkSync(stream);
    in.skip(4);
    long version = in.u32("bitstream framing version");
    if (version != FRAMING_VERSION) {
      throw new ImageFormatException(UNSUPPORTED_VERSION, "bitstream framing version", 4,
          String.valueOf(FRAMING_VERSION), Long.toUnsignedString(version));
    }
    int variantId = (int) in.u32("bitstream variant id");
    ShellInterfaceId shellId = ShellInterfaceId.fromLittleEndianBytes(
        in.bytes("bitstream shell interface id", ShellInterfaceId.BYTES), 0);
    long length = in.u32("bitstream data length");
    long dataWords = (length + 3) / 4;
    long expectedSize = 4 * (HEADER_WORDS + dataWords + 1);
    if (stream.length < expectedSize) {
      throw new ImageFormatException(TRUNCATED, "bitstream end", stream.length,
          expectedSize + " bytes (8 header words + " + dataWords + " data words for " + length
              + " data bytes + 1 CRC word)", stream.length + " bytes");
    }
    if (stream.length > expectedSize) {
      throw new ImageFormatException(MALFORMED, "bitstream end", expectedSize,
          "end of stream after " + expectedSize + " bytes (data length " + length + ")",
          (stream.length - expectedSize) + " trailing bytes");
    }
    byte[] data = in.bytes("bitstream data", (int) length);
    in.zeros("bitstream padding", (int) (4 * dataWords - length));
    int crcOffset = in.offset();
    long stored = in.u32("bitstream CRC-32");
    CRC32 crc = new CRC32();
    crc.update(stream, 0, crcOffset);
    if (crc.getValue() != stored) {
      throw new ImageFormatException(MALFORMED, "bitstream CRC-32", crcOffset,
          String.format("0x%08x (CRC-32 of bytes 0..%d)", crc.getValue(), crcOffset - 1),
          String.format("0x%08x", stored));
    }
    return new PartialBitstream(variantId, shellId, data);
  }

  private static void checkSync(byte[] stream) throws ImageFormatException {
    int available = Math.min(stream.length, 4);
    for (int i = 0; i < available; i++) {
      if ((stream[i] & 0xFF) != ((SYNC_WORD >>> (8 * i)) & 0xFF)) {
        throw new ImageFormatException(NOT_THIS_FORMAT, "bitstream sync word", 0,
            String.format("0x%08x (bytes 56 4e 52 42, \"VNRB\")", SYNC_WORD),
            "bytes " + Hex.of(Arrays.copyOf(stream, available)));
      }
    }
    if (stream.length < 4 * HEADER_WORDS) {
      throw new ImageFormatException(TRUNCATED, "bitstream header", stream.length,
          (4 * HEADER_WORDS) + " bytes (8 header words)", "only " + stream.length + " bytes");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartialBitstream b && b.variantId == variantId
        && b.shellInterfaceId.equals(shellInterfaceId) && Arrays.equals(b.data, data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variantId, shellInterfaceId, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "PartialBitstream[variant " + Integer.toUnsignedString(variantId) + ", shell " + shellInterfaceId.hex()
        + ", " + data.length + " data bytes]";
  }

  /** Collects the three parts of a bitstream; all are required. */
  public static final class Builder {

    private Long variantId;
    private ShellInterfaceId shellInterfaceId;
    private byte[] data;

    private Builder() {
    }

    /** Variant id, 0..4294967295. */
    public Builder variantId(long variantId) {
      if (variantId < 0 || variantId > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("variant id: expected 0..4294967295, found " + variantId);
      }
      this.variantId = variantId;
      return this;
    }

    public Builder shellInterfaceId(ShellInterfaceId id) {
      this.shellInterfaceId = Objects.requireNonNull(id, "shellInterfaceId");
      return this;
    }

    /** The configuration data (copied). */
    public Builder data(byte[] data) {
      if (data.length > MAX_DATA_BYTES) {
        throw new IllegalArgumentException("bitstream data: expected at most " + MAX_DATA_BYTES + " bytes, found " + data.length);
      }
      this.data = data.clone();
      return this;
    }

    public PartialBitstream build() {
      if (variantId == null) {
        throw new IllegalStateException("partial bitstream: variant id missing; call variantId(...)");
      }
      if (shellInterfaceId == null) {
        throw new IllegalStateException("partial bitstream: shell interface id missing; call shellInterfaceId(...)");
      }
      if (data == null) {
        throw new IllegalStateException("partial bitstream: data missing; call data(...)");
      }
      return new PartialBitstream(variantId.intValue(), shellInterfaceId, data);
    }
  }
}
