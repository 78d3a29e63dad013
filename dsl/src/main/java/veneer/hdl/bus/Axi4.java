package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * An AMBA AXI4 (full) interface in the manager (master) view, with bursts and transaction
 * IDs. Channels {@code aw}, {@code w}, {@code ar} flow to the subordinate, {@code b} and
 * {@code r} back; port names are {@code <bundle>_<channel>_<field>} ({@code m_aw_len},
 * {@code m_r_last}). A user width of 0 leaves the {@code user} fields out (they are null).
 *
 * <pre>{@code
 * Axi4 mem = master("mem", () -> new Axi4(new Axi4.Params(4, 32, 64, 0)));
 * mem.ar.len.assign(15);                    // 16-beat burst
 * mem.ar.burst.assign(Axi4.BURST_INCR);
 * }</pre>
 */
public final class Axi4 extends Bundle {
  /** Burst types ({@code awburst}/{@code arburst}). */
  public static final int BURST_FIXED = 0;
  public static final int BURST_INCR = 1;
  public static final int BURST_WRAP = 2;
  /** Response codes ({@code bresp}/{@code rresp}). */
  public static final int RESP_OKAY = 0;
  public static final int RESP_EXOKAY = 1;
  public static final int RESP_SLVERR = 2;
  public static final int RESP_DECERR = 3;

  /**
   * @param idWidth bits of transaction ID (at least 1)
   * @param addrWidth bits of byte address
   * @param dataWidth bits of data, a power of two from 8 to 1024
   * @param userWidth bits of each user field, or 0 for none
   */
  public record Params(int idWidth, int addrWidth, int dataWidth, int userWidth) {
    public Params {
      BusParams.positive("an AXI4 ID width", idWidth);
      BusParams.addrWidth(addrWidth);
      BusParams.axiDataWidth(dataWidth);
      BusParams.nonNegative("an AXI4 user width", userWidth);
    }

    /** Bytes per beat at full width. */
    public int dataBytes() {
      return dataWidth / 8;
    }
  }

  public final Params params;
  public final Addr aw;
  public final W w;
  public final B b;
  public final Addr ar;
  public final R r;

  /** A write or read address channel: one burst per handshake. */
  public static final class Addr extends Handshake {
    public final UInt id;
    public final UInt addr;
    /** Beats in the burst minus one. */
    public final UInt len;
    /** Bytes per beat as a power of two. */
    public final UInt size;
    /** {@link Axi4#BURST_FIXED}, {@link Axi4#BURST_INCR} or {@link Axi4#BURST_WRAP}. */
    public final Bits burst;
    public final Bool lock;
    public final Bits cache;
    public final Bits prot;
    public final Bits qos;
    public final Bits user;

    Addr(Params p) {
      id = out("id", UInt(p.idWidth()));
      addr = out("addr", UInt(p.addrWidth()));
      len = out("len", UInt(8));
      size = out("size", UInt(3));
      burst = out("burst", Bits(2));
      lock = out("lock", Bool());
      cache = out("cache", Bits(4));
      prot = out("prot", Bits(3));
      qos = out("qos", Bits(4));
      user = p.userWidth() == 0 ? null : out("user", Bits(p.userWidth()));
    }
  }

  /** Write data; beats go to the write bursts in address order, the last one with {@code last}. */
  public static final class W extends Handshake {
    public final Bits data;
    public final Bits strb;
    public final Bool last;
    public final Bits user;

    W(Params p) {
      data = out("data", Bits(p.dataWidth()));
      strb = out("strb", Bits(p.dataBytes()));
      last = out("last", Bool());
      user = p.userWidth() == 0 ? null : out("user", Bits(p.userWidth()));
    }
  }

  /** Write response, in the subordinate-to-manager view. */
  public static final class B extends Handshake {
    public final UInt id;
    public final Bits resp;
    public final Bits user;

    B(Params p) {
      id = out("id", UInt(p.idWidth()));
      resp = out("resp", Bits(2));
      user = p.userWidth() == 0 ? null : out("user", Bits(p.userWidth()));
    }
  }

  /** Read data, in the subordinate-to-manager view; {@code last} marks a burst's final beat. */
  public static final class R extends Handshake {
    public final UInt id;
    public final Bits data;
    public final Bits resp;
    public final Bool last;
    public final Bits user;

    R(Params p) {
      id = out("id", UInt(p.idWidth()));
      data = out("data", Bits(p.dataWidth()));
      resp = out("resp", Bits(2));
      last = out("last", Bool());
      user = p.userWidth() == 0 ? null : out("user", Bits(p.userWidth()));
    }
  }

  public Axi4(Params params) {
    this.params = params;
    aw = out("aw", () -> new Addr(params));
    w = out("w", () -> new W(params));
    b = in("b", () -> new B(params));
    ar = out("ar", () -> new Addr(params));
    r = in("r", () -> new R(params));
  }
}
