package veneer.shell.pcie;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.UInt;

/**
 * Packs the forward fields of a {@link Tlp} beat (everything but valid and ready) into one
 * {@link Bits} word and back, so that beats can be stored in a FIFO or a delay line.
 *
 * <pre>{@code
 * StreamFifo q = instance("q", new StreamFifo(TlpPacking.width(256), 16));
 * q.in.data.assign(TlpPacking.pack(in));
 * TlpPacking.unpack(q.out.data, out);
 * }</pre>
 */
public final class TlpPacking {
  private TlpPacking() {}

  /** Bits of a packed beat of a {@code dataWidth}-bit TLP stream. */
  public static int width(int dataWidth) {
    return 1 + 8 + 11 + 16 + 8 + 64 + 4 + 4 + 16 + 3 + 13 + 7 + 1 + dataWidth;
  }

  /** The payload fields, most significant first. */
  private static List<Data<?>> fields(Tlp t) {
    List<Data<?>> out = new ArrayList<>();
    for (Bundle.Field f : t.fields()) {
      if (!f.name().equals("valid") && !f.name().equals("ready")) {
        out.add((Data<?>) f.value());
      }
    }
    return out;
  }

  /** The beat's forward fields as one word. */
  public static Bits pack(Tlp t) {
    List<Data<?>> f = fields(t);
    return f.get(0).cat(f.subList(1, f.size()).toArray(new Data<?>[0])).asBits();
  }

  /** Drives the forward fields of {@code target} (a wire bundle or an output port bundle) from {@code word}. */
  public static void unpack(Bits word, Tlp target) {
    List<Data<?>> f = fields(target);
    int hi = word.width() - 1;
    for (Data<?> d : f) {
      int w = d.width();
      UInt slice = word.bits(hi, hi - w + 1);
      if (d instanceof Bool b) {
        b.assign(slice.bit(0));
      } else if (d instanceof Bits b) {
        b.assign(slice.asBits());
      } else {
        ((UInt) d).assign(slice);
      }
      hi -= w;
    }
    if (hi != -1) {
      throw new IllegalArgumentException("a packed TLP beat of " + target.dataWidth + "-bit data is "
          + width(target.dataWidth) + " bits, found " + word.width());
    }
  }

  /** Drives {@code to}'s forward fields from {@code from}'s, and {@code from.ready} from {@code readyBack}. */
  public static void copyHeaderAndData(Tlp from, Tlp to) {
    unpack(pack(from), to);
  }
}
