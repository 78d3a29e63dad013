package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The sign bit of an aligned byte or halfword load: bit 7 of the byte at {@link #offset}, or
 * bit 15 of the halfword at offset 0 or 2, and 0 when the load zero-extends. Part of
 * {@link LoadAligner}, as a module of its own so that synthesis maps it once: inside the
 * aligner, ABC's depth-first mapping copied it into each of the 24 extended bits.
 *
 * <pre>{@code
 * LoadSign s = instance("sign", new LoadSign());
 * s.word.assign(q); s.offset.assign(2); s.isByte.assign(1); s.zeroExtend.assign(0);   // s.sign = q[23]
 * }</pre>
 */
public final class LoadSign extends Module {
  public final UInt word = input("word", UInt(32));
  public final UInt offset = input("offset", UInt(2));
  public final Bool isByte = input("is_byte", Bool());
  public final Bool zeroExtend = input("zero_extend", Bool());
  public final Bool sign = output("sign", Bool());

  public LoadSign() {
    Bool byteSign = offset.bit(1).mux(offset.bit(0).mux(word.bit(31), word.bit(23)),
        offset.bit(0).mux(word.bit(15), word.bit(7)));
    Bool halfSign = offset.bit(1).mux(word.bit(31), word.bit(15));
    sign.assign(zeroExtend.not().and(isByte.mux(byteSign, halfSign)));
  }
}
