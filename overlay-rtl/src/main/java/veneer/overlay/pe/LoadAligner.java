package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Picks a load's bytes out of the 32-bit word read from memory and sign- or zero-extends them.
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
    UInt shifted = word.shr(offset.cat(lit(0, UInt(3))));
    UInt b = shifted.bits(7, 0);
    UInt h = shifted.bits(15, 0);
    UInt bx = zeroExtend.mux(b.extend(32), b.asSInt().extend(32).asUInt());
    UInt hx = zeroExtend.mux(h.extend(32), h.asSInt().extend(32).asUInt());
    value.assign(size.eq(0).mux(bx, size.eq(1).mux(hx, shifted)));
  }
}
