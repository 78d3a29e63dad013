package veneer.shell.pr;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * CRC-32 (IEEE 802.3, reflected, as {@link java.util.zip.CRC32}) advanced by one 32-bit word in
 * one cycle, bytes [7:0] first. The update is linear over GF(2): each bit of the next CRC is the
 * parity of a fixed set of bits of {@code crc ^ word}; the sets are computed here from the
 * bit-serial definition, so the hardware is 32 AND-reduce-XOR trees.
 *
 * <pre>{@code
 * UInt next = Crc32Word.next(this, crc, word);   // crc starts at 0xFFFFFFFF; result is ~crc
 * long sw = Crc32Word.step(0xFFFFFFFFL, 0x42524E56L);
 * }</pre>
 */
public final class Crc32Word {
  /** The reflected IEEE polynomial. */
  public static final long POLY = 0xEDB88320L;
  private static final long[] MASKS = masks();

  private Crc32Word() {}

  /** The register value after {@code word}, computed bit by bit (the reference for the masks). */
  public static long step(long crc, long word) {
    long x = (crc ^ word) & 0xFFFF_FFFFL;
    for (int i = 0; i < 32; i++) {
      x = (x & 1) != 0 ? (x >>> 1) ^ POLY : x >>> 1;
    }
    return x;
  }

  /** Bit {@code j} of the next CRC is the parity of {@code (crc ^ word) & masks()[j]}. */
  static long[] masks() {
    long[] m = new long[32];
    for (int k = 0; k < 32; k++) {
      long column = step(0, 1L << k);
      for (int j = 0; j < 32; j++) {
        if ((column >>> j & 1) != 0) {
          m[j] |= 1L << k;
        }
      }
    }
    return m;
  }

  /** The hardware update, built in module {@code m}. */
  public static UInt next(Module m, UInt crc, Bits word) {
    Bits x = crc.asBits().xor(word);
    List<UInt> bits = new ArrayList<>();
    for (int j = 31; j >= 0; j--) {
      bits.add(x.and(m.lit(MASKS[j], veneer.hdl.HdlType.bits(32))).xorR().asUInt());
    }
    return bits.get(0).cat(bits.subList(1, 32).toArray(new UInt[0]));
  }
}
