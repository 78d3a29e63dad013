package veneer.shell.pcie;

import veneer.hdl.Bits;
import veneer.hdl.HdlType;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Byte-enable arithmetic for completions, shared by the completer and the host model: where the
 * first enabled byte is, and how many bytes a read request covers (its initial Byte Count).
 *
 * <pre>{@code
 * UInt bytes = ByteEnables.requestBytes(this, len, firstBe, lastBe);
 * }</pre>
 */
public final class ByteEnables {
  private ByteEnables() {}

  /** Index of the lowest set bit of a 4-bit byte enable (0 when none is set). */
  public static UInt lowestSet(Module m, Bits be) {
    UInt v = m.lit(0, HdlType.uint(2));
    for (int i = 3; i >= 0; i--) {
      v = be.bit(i).mux(m.lit(i, HdlType.uint(2)), v);
    }
    return v;
  }

  /** Index of the highest set bit of a 4-bit byte enable (3 when none is set). */
  public static UInt highestSet(Module m, Bits be) {
    UInt v = m.lit(3, HdlType.uint(2));
    for (int i = 0; i < 4; i++) {
      v = be.bit(i).mux(m.lit(i, HdlType.uint(2)), v);
    }
    return v;
  }

  /**
   * The bytes a read request covers, from its first to its last enabled byte (13 bits): for one
   * DW the span of {@code firstBe} (1 when it is zero), otherwise {@code 4 * len} less the
   * disabled bytes at both ends.
   */
  public static UInt requestBytes(Module m, UInt len, Bits firstBe, Bits lastBe) {
    UInt low = lowestSet(m, firstBe).extend(13);
    UInt oneDw = highestSet(m, firstBe).extend(13).sub(low).add(1);
    oneDw = firstBe.orR().mux(oneDw, m.lit(1, HdlType.uint(13)));
    UInt many = len.resize(13).shl(2).sub(low).sub(m.lit(3, HdlType.uint(13)).sub(highestSet(m, lastBe).extend(13)));
    return len.eq(1).mux(oneDw, many);
  }
}
