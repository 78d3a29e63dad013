package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * An AMBA AXI4-Lite interface in the manager (master) view: write address {@code aw}, write
 * data {@code w} and read address {@code ar} flow to the subordinate; write response {@code b}
 * and read data {@code r} flow back. Every channel has its own valid/ready handshake. Port
 * names are {@code <bundle>_<channel>_<field>}, for example {@code s_aw_addr}.
 *
 * <pre>{@code
 * AxiLite s = slave("s", () -> new AxiLite(12, 32));
 * s.aw.ready.assign(...);        // an input of the manager, so an output here
 * when(s.ar.fire(), () -> ...);
 * }</pre>
 */
public final class AxiLite extends Bundle {
  public final int addrWidth;
  public final int dataWidth;
  public final Addr aw;
  public final W w;
  public final B b;
  public final Addr ar;
  public final R r;

  /** A write or read address channel. */
  public static final class Addr extends Handshake {
    public final UInt addr;
    /** Protection type; {@code 0} is unprivileged, secure, data. */
    public final Bits prot;

    Addr(int addrWidth) {
      addr = out("addr", UInt(addrWidth));
      prot = out("prot", Bits(3));
    }
  }

  /** Write data with one strobe bit per byte. */
  public static final class W extends Handshake {
    public final Bits data;
    public final Bits strb;

    W(int dataWidth) {
      data = out("data", Bits(dataWidth));
      strb = out("strb", Bits(dataWidth / 8));
    }
  }

  /** Write response, in the subordinate-to-manager view (valid flows back). */
  public static final class B extends Handshake {
    public final Bits resp = out("resp", Bits(2));
  }

  /** Read data, in the subordinate-to-manager view. */
  public static final class R extends Handshake {
    public final Bits data;
    public final Bits resp;

    R(int dataWidth) {
      data = out("data", Bits(dataWidth));
      resp = out("resp", Bits(2));
    }
  }

  /**
   * @param addrWidth bits of byte address (1 to 64)
   * @param dataWidth 32 or 64, as AXI4-Lite allows
   */
  public AxiLite(int addrWidth, int dataWidth) {
    if (dataWidth != 32 && dataWidth != 64) {
      throw new IllegalArgumentException("an AXI4-Lite data width must be 32 or 64 bits, found " + dataWidth);
    }
    this.addrWidth = BusParams.addrWidth(addrWidth);
    this.dataWidth = dataWidth;
    aw = out("aw", () -> new Addr(addrWidth));
    w = out("w", () -> new W(dataWidth));
    b = in("b", B::new);
    ar = out("ar", () -> new Addr(addrWidth));
    r = in("r", () -> new R(dataWidth));
  }
}
