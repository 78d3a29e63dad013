package veneer.shell.pcie;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * A stream of PCIe transaction layer packets with the header already decoded into fields. One
 * packet is one or more beats; the header fields are valid on every beat of a packet and stay
 * constant across it, and {@code last} marks its final beat. A beat moves when {@code valid} and
 * {@code ready} are both high. Payload is DW-aligned: payload DW {@code i} is in beat
 * {@code i / lanes}, bits {@code [32*(i%lanes)+31 : 32*(i%lanes)]}, with the byte at the lowest
 * address in the DW's low 8 bits. Packets without payload have one beat whose data is ignored.
 *
 * <p>Lengths and byte counts are plain numbers ({@code lengthDw} 1 to 1024, {@code byteCount} 1 to
 * 4096), not the wire encoding where 0 means the maximum: the adapter to a vendor's hard block
 * converts (see docs/shell-pcie.md).
 *
 * <pre>{@code
 * Tlp rx = slave("rx", () -> new Tlp(256));
 * Bool isRead = rx.fmtType.eq(TlpType.MRD32).or(rx.fmtType.eq(TlpType.MRD64));
 * }</pre>
 */
public final class Tlp extends Bundle {
  public final Bool valid = out("valid", Bool());
  public final Bool ready = in("ready", Bool());
  public final Bool last = out("last", Bool());
  /** Fmt (bits 7:5) and Type (bits 4:0) as in the first header byte; see {@link TlpType}. */
  public final UInt fmtType = out("fmt_type", UInt(8));
  /** Payload length in DW for requests with data and completions; requested DW for reads. */
  public final UInt lengthDw = out("length_dw", UInt(11));
  /** Requester: bus (15:8), device (7:3), function (2:0). */
  public final UInt requesterId = out("requester_id", UInt(16));
  public final UInt tag = out("tag", UInt(8));
  /** Memory requests: the byte address (bits 1:0 zero). Configuration requests: the register byte offset. */
  public final UInt address = out("address", UInt(64));
  public final Bits firstBe = out("first_be", Bits(4));
  public final Bits lastBe = out("last_be", Bits(4));
  /** Completions: the completer. Configuration requests: the target bus/device/function. */
  public final UInt completerId = out("completer_id", UInt(16));
  /** Completion status; see {@link TlpType#CPL_SC} and friends. */
  public final UInt status = out("status", UInt(3));
  /** Completions: bytes still to come for the request, this completion included. */
  public final UInt byteCount = out("byte_count", UInt(13));
  /** Completions: the low 7 bits of the byte address of the first byte of this completion. */
  public final UInt lowerAddress = out("lower_address", UInt(7));
  /** The EP bit: the payload is poisoned. */
  public final Bool poisoned = out("poisoned", Bool());
  public final Bits data;
  /** Bits of data per beat. */
  public final int dataWidth;

  /** A TLP stream with {@code dataWidth}-bit beats (a multiple of 32, at least 64). */
  public Tlp(int dataWidth) {
    if (dataWidth < 64 || dataWidth % 32 != 0 || Integer.bitCount(dataWidth) != 1) {
      throw new IllegalArgumentException("a TLP data beat must be a power of two of at least 64 bits, found "
          + dataWidth);
    }
    this.dataWidth = dataWidth;
    data = out("data", Bits(dataWidth));
  }

  /** The default beat width: 256 bits, eight DW. */
  public static final int DEFAULT_WIDTH = 256;

  /** DW per beat. */
  public int lanes() {
    return dataWidth / 32;
  }

  /** {@code valid && ready}. */
  public Bool fire() {
    return valid.and(ready);
  }
}
