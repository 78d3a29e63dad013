package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Picks a load's bytes out of the 32-bit word read from memory and sign- or zero-extends them.
 * The access must be aligned (offset 0 for a word, 0 or 2 for a halfword).
 *
 * <pre>{@code
 * LoadAligner la = instance("la", new LoadAligner());
 * la.word.assign(q); la.offset.assign(off); la.size.assign(1); la.zeroExtend.assign(0);   // la.value
 * }</pre>
 */
public final class LoadAligner extends Module {
  public final UInt word = input("word", UInt(32));
  public final UInt offset = input("offset", UInt(2));
  public final UInt size = input("size", UInt(2));
  public final Bool zeroExtend = input("zero_extend", Bool());
  public final UInt value = output("value", UInt(32));

  public LoadAligner() {
    // Aligned accesses only (misaligned ones fault before they get here): a byte may sit at
    // any offset, a halfword at 0 or 2, a word at 0, so only the low byte needs a 4:1 mux.
    Bool isByte = size.eq(0);
    Bool isWord = size.eq(2);
    UInt byte0 = offset.bit(1).mux(offset.bit(0).mux(word.bits(31, 24), word.bits(23, 16)),
        offset.bit(0).mux(word.bits(15, 8), word.bits(7, 0)));
    UInt byte1 = offset.bit(1).mux(word.bits(31, 24), word.bits(15, 8));
    Bool sign = zeroExtend.not().and(isByte.mux(byte0.bit(7), byte1.bit(7)));
    UInt fill8 = sign.mux(lit(0xFF, UInt(8)), lit(0, UInt(8)));
    UInt fill16 = sign.mux(lit(0xFFFF, UInt(16)), lit(0, UInt(16)));
    UInt low16 = isByte.mux(fill8, byte1).cat(byte0);
    value.assign(isWord.mux(word.bits(31, 16), fill16).cat(low16));
  }
}
