package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * An AMBA AXI4-Stream interface: {@code tdata} with a byte-enable {@code tkeep}, packet end
 * {@code tlast}, and optional {@code tuser}, {@code tid} and {@code tdest} (a width of 0 leaves
 * the field out, and its Java field is null).
 *
 * <pre>{@code
 * AxiStream s = slave("s", () -> new AxiStream(8, 0, 0, 0)); // s_tvalid, s_tready, s_tdata(64), s_tkeep(8), s_tlast
 * AxiStream m = master("m", () -> new AxiStream(8, 0, 0, 0));
 * Bundle.connect(s, m);
 * }</pre>
 */
public final class AxiStream extends Bundle {
  public final Bool tvalid = out("tvalid", Bool());
  public final Bool tready = in("tready", Bool());
  public final Bits tdata;
  public final Bits tkeep;
  public final Bool tlast;
  /** Null when the user width is 0. */
  public final Bits tuser;
  /** Null when the id width is 0. */
  public final UInt tid;
  /** Null when the destination width is 0. */
  public final UInt tdest;

  /**
   * @param dataBytes bytes of {@code tdata} (so {@code tkeep} has one bit per byte)
   * @param userWidth bits of {@code tuser}, or 0 for none
   * @param idWidth bits of {@code tid}, or 0 for none
   * @param destWidth bits of {@code tdest}, or 0 for none
   */
  public AxiStream(int dataBytes, int userWidth, int idWidth, int destWidth) {
    BusParams.positive("AXI-Stream data bytes", dataBytes);
    tdata = out("tdata", Bits(8 * dataBytes));
    tkeep = out("tkeep", Bits(dataBytes));
    tlast = out("tlast", Bool());
    tuser = BusParams.nonNegative("AXI-Stream tuser width", userWidth) == 0 ? null : out("tuser", Bits(userWidth));
    tid = BusParams.nonNegative("AXI-Stream tid width", idWidth) == 0 ? null : out("tid", UInt(idWidth));
    tdest = BusParams.nonNegative("AXI-Stream tdest width", destWidth) == 0 ? null : out("tdest", UInt(destWidth));
  }

  /** {@code tvalid && tready}. */
  public Bool fire() {
    return tvalid.and(tready);
  }
}
