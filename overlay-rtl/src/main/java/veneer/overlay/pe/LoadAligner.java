package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The register-file write data: a load's bytes picked out of the 32-bit {@link #word} and
 * sign- or zero-extended, ORed with {@code plainWords} words that need no alignment (the units'
 * results, each zero unless it is the value). The access must be aligned (offset 0 for a word,
 * 0 or 2 for a halfword). When a plain word is the value, {@link #word} is zero and the access
 * is a word at offset 0; when the value is a load, every plain word is zero.
 *
 * <p>The size comes as two flags ({@link #isByte}, {@link #isWord}; a halfword has neither)
 * rather than a 2-bit code, so that each of the upper 16 bits is one 6-input function (the
 * flag, the word's bit, the sign and three plain words); decoding the code here put two more
 * inputs on every bit. The sign is made once, in {@link LoadSign}.
 *
 * <pre>{@code
 * LoadAligner la = instance("la", new LoadAligner(1));
 * la.word.assign(q); la.offset.assign(off); la.isByte.assign(0); la.isWord.assign(0);
 * la.zeroExtend.assign(0); la.plain(0).assign(0);   // la.value: the sign-extended halfword of q at off
 * }</pre>
 */
public final class LoadAligner extends Module {
  public final UInt word = input("word", UInt(32));
  public final UInt offset = input("offset", UInt(2));
  /** The load is a byte. */
  public final Bool isByte = input("is_byte", Bool());
  /** The load is a word (or the value is a plain word). */
  public final Bool isWord = input("is_word", Bool());
  public final Bool zeroExtend = input("zero_extend", Bool());
  public final UInt value = output("value", UInt(32));
  private final List<UInt> plain;

  /** An aligner whose value is also ORed with {@code plainWords} words that need no alignment. */
  public LoadAligner(int plainWords) {
    if (plainWords < 0) {
      throw new IllegalArgumentException("a load aligner ORs 0 or more plain words, not " + plainWords);
    }
    List<UInt> p = new ArrayList<>();
    for (int i = 0; i < plainWords; i++) {
      p.add(input("plain" + i, UInt(32)));
    }
    plain = Collections.unmodifiableList(p);
    LoadSign s = instance("sign", new LoadSign());
    s.word.assign(word);
    s.offset.assign(offset);
    s.isByte.assign(isByte);
    s.zeroExtend.assign(zeroExtend);
    Bool sign = s.sign;
    // Aligned accesses only (misaligned ones fault before they get here): a byte may sit at
    // any offset, a halfword at 0 or 2, a word at 0, so only the low byte needs a 4:1 mux.
    UInt byte0 = offset.bit(1).mux(offset.bit(0).mux(word.bits(31, 24), word.bits(23, 16)),
        offset.bit(0).mux(word.bits(15, 8), word.bits(7, 0)));
    UInt byte1 = offset.bit(1).mux(word.bits(31, 24), word.bits(15, 8));
    UInt fill8 = sign.mux(lit(0xFF, UInt(8)), lit(0, UInt(8)));
    UInt fill16 = sign.mux(lit(0xFFFF, UInt(16)), lit(0, UInt(16)));
    UInt out = isWord.mux(word.bits(31, 16), fill16).cat(isByte.mux(fill8, byte1), byte0);
    for (UInt w : plain) {
      out = out.or(w);
    }
    value.assign(out);
  }

  /** An aligner of loads only (no plain words). */
  public LoadAligner() {
    this(0);
  }

  /** Plain word {@code i}, ORed into the value unaligned. */
  public UInt plain(int i) {
    return plain.get(i);
  }
}
