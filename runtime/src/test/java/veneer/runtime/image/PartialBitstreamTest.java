package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.SHELL;

import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration-port framing: exact bytes, round trips and every refusal. */
class PartialBitstreamTest {

  private static PartialBitstream example() {
    return PartialBitstream.builder().variantId(3).shellInterfaceId(SHELL).data(new byte[] {1, 2, 3, 4, 5}).build();
  }

  private static ImageFormatException refuse(byte[] stream) {
    return assertThrows(ImageFormatException.class, () -> PartialBitstream.parse(stream));
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "message lacks \"" + part + "\": " + e.getMessage());
    }
  }

  /** The worked example in docs/image-format.md (CRC cross-checked with Python zlib.crc32). */
  @Test
  void workedExampleHasTheDocumentedBytes() {
    assertEquals("564e5242" + "01000000" + "03000000"
            + "77665544" + "33221100" + "efcdab89" + "67452301"
            + "05000000" + "01020304" + "05000000" + "6ed336cb",
        Hex.of(example().toBytes()));
  }

  @Test
  void crcIsTheIeeeCrcOfEverythingBeforeIt() {
    byte[] stream = example().toBytes();
    CRC32 crc = new CRC32();
    crc.update(stream, 0, stream.length - 4);
    long stored = java.nio.ByteBuffer.wrap(stream, stream.length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    assertEquals(crc.getValue(), stored);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 1023})
  void roundTripsEveryPaddingCase(int length) throws ImageFormatException {
    PartialBitstream bits = PartialBitstream.builder().variantId(0xFFFF_FFFFL).shellInterfaceId(SHELL)
        .data(ImageFixtures.data(length)).build();
    byte[] stream = bits.toBytes();
    assertEquals(4 * (9 + (length + 3) / 4), stream.length);
    PartialBitstream back = PartialBitstream.parse(stream);
    assertEquals(bits, back);
    assertEquals(-1, back.variantId());
    assertArrayEquals(ImageFixtures.data(length), back.data());
  }

  @Test
  void everyTruncationIsRefusedAsTruncated() {
    byte[] stream = example().toBytes();
    for (int length = 0; length < stream.length; length++) {
      ImageFormatException e = refuse(Arrays.copyOf(stream, length));
      int cut = length;
      assertEquals(ImageFormatException.Problem.TRUNCATED, e.problem(), () -> "cut at " + cut + ": " + e.getMessage());
    }
  }

  @Test
  void everySingleByteChangeIsRefused() {
    byte[] stream = example().toBytes();
    for (int i = 0; i < stream.length; i++) {
      byte[] changed = stream.clone();
      changed[i] ^= 0x10;
      assertThrows(ImageFormatException.class, () -> PartialBitstream.parse(changed), "byte " + i);
    }
  }

  @Test
  void wrongCrcStatesComputedAndStoredValues() {
    byte[] stream = example().toBytes();
    stream[40] ^= 1;
    ImageFormatException e = refuse(stream);
    assertEquals(ImageFormatException.Problem.MALFORMED, e.problem());
    assertEquals(40, e.offset());
    assertMessage(e, "bitstream CRC-32 at byte offset 40", "expected 0xcb36d36e (CRC-32 of bytes 0..39)", "found 0xcb36d36f");
  }

  @Test
  void wrongSyncWordIsNotABitstream() {
    byte[] stream = example().toBytes();
    stream[3] = 0x43;
    ImageFormatException e = refuse(stream);
    assertEquals(ImageFormatException.Problem.NOT_THIS_FORMAT, e.problem());
    assertMessage(e, "bitstream sync word at byte offset 0", "expected 0x42524e56", "found bytes 564e5243");
  }

  @Test
  void nonZeroPaddingIsMalformed() {
    byte[] stream = example().toBytes();
    stream[37] = 9;
    ImageFormatException e = refuse(stream);
    assertEquals(ImageFormatException.Problem.MALFORMED, e.problem());
    assertMessage(e, "bitstream padding at byte offset 37", "expected 0x00", "found 0x09");
  }

  @Test
  void hugeDeclaredLengthIsCheckedAgainstTheRealSize() {
    byte[] stream = example().toBytes();
    Arrays.fill(stream, 28, 32, (byte) 0xFF);
    ImageFormatException e = refuse(stream);
    assertEquals(ImageFormatException.Problem.TRUNCATED, e.problem());
    assertMessage(e, "expected 4294967332 bytes", "4294967295 data bytes", "found 44 bytes");
  }

  @Test
  void trailingBytesAreMalformed() {
    ImageFormatException e = refuse(Arrays.copyOf(example().toBytes(), 48));
    assertEquals(ImageFormatException.Problem.MALFORMED, e.problem());
    assertMessage(e, "bitstream end at byte offset 44", "found 4 trailing bytes");
  }

  @Test
  void otherFramingVersionIsUnsupported() {
    byte[] stream = example().toBytes();
    stream[4] = 2;
    ImageFormatException e = refuse(stream);
    assertEquals(ImageFormatException.Problem.UNSUPPORTED_VERSION, e.problem());
    assertMessage(e, "bitstream framing version at byte offset 4", "expected 1", "found 2");
  }

  @Test
  void builderNamesMissingParts() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PartialBitstream.builder().variantId(1).data(new byte[0]).build());
    assertMessage(e, "shell interface id missing");
  }
}
