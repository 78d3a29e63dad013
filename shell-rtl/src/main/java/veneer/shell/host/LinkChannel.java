package veneer.shell.host;

import veneer.hdl.Bool;
import veneer.hdl.Bits;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpPacking;

/**
 * One direction of the PCIe link between the root complex and the endpoint: a beat enters only
 * when the link has earned enough byte credit ({@code bytesPerCycle} per cycle; a beat costs 4
 * bytes per payload DW it carries, plus {@link #TLP_OVERHEAD_BYTES} on a packet's first beat for
 * header, sequence number, LCRC and framing), and leaves {@code latency} cycles later.
 *
 * <pre>{@code
 * LinkChannel down = instance("down", new LinkChannel(256, 63, 64));
 * }</pre>
 */
public final class LinkChannel extends Module {
  /** Bytes a TLP costs beyond its payload: 16-byte header, 2-byte sequence, 4-byte LCRC, 2 framing. */
  public static final int TLP_OVERHEAD_BYTES = 24;

  public final Tlp in;
  public final Tlp out;

  public LinkChannel(int dataWidth, int bytesPerCycle, int latency) {
    if (bytesPerCycle < 1 || bytesPerCycle > 1024) {
      throw new IllegalArgumentException("link bandwidth must be 1 to 1024 bytes per cycle, found " + bytesPerCycle);
    }
    if (latency < 1 || latency > 4096) {
      throw new IllegalArgumentException("link latency must be 1 to 4096 cycles, found " + latency);
    }
    in = slave("in", () -> new Tlp(dataWidth));
    out = master("out", () -> new Tlp(dataWidth));
    int lanes = dataWidth / 32;
    int depth = 1 << log2Up(latency + 4L);
    int ptr = log2Up(depth);
    int packed = TlpPacking.width(dataWidth);

    UInt now = reg("now", UInt(32), 0);
    now.assign(now.add(1));
    Mem<Bits> beats = mem("beats", Bits(packed), depth);
    Mem<UInt> due = mem("due", UInt(32), depth);
    UInt head = reg("head", UInt(ptr), 0);
    UInt tail = reg("tail", UInt(ptr), 0);
    UInt used = reg("used", UInt(ptr + 1), 0);

    // Byte credit, capped at two full beats plus overhead so an idle link cannot bank a burst.
    int cap = 2 * (dataWidth / 8) + TLP_OVERHEAD_BYTES + bytesPerCycle;
    UInt credit = reg("credit", UInt(16), 0);
    Bool first = reg("first", Bool(), 1);
    UInt beatIndex = reg("beat_index", UInt(11), 0);
    UInt payloadLeft = in.lengthDw.sub(beatIndex.resize(11).shl(log2Up(lanes)));
    Bool hasData = in.fmtType.bit(6);
    UInt dwThisBeat = hasData.mux(payloadLeft.gt(lanes).mux(lit(lanes, UInt(11)), payloadLeft), lit(0, UInt(11)));
    UInt cost = dwThisBeat.resize(16).shl(2).add(first.mux(lit(TLP_OVERHEAD_BYTES, UInt(16)), lit(0, UInt(16))));
    in.ready.assign(used.ne(depth).and(credit.ge(cost)));
    UInt earned = credit.add(bytesPerCycle);
    UInt capped = earned.gt(cap).mux(lit(cap, UInt(16)), earned);
    credit.assign(capped);
    when(in.fire(), () -> {
      credit.assign(capped.sub(cost));
      beats.write(tail, TlpPacking.pack(in));
      due.write(tail, now.add(latency));
      tail.assign(tail.add(1));
      first.assign(in.last);
      beatIndex.assign(in.last.mux(lit(0, UInt(11)), beatIndex.add(1)));
    });

    Bool ripe = used.ne(0).and(now.sub(due.read(head)).bit(31).not());
    TlpPacking.unpack(beats.read(head), out);
    out.valid.assign(ripe);
    when(out.fire(), () -> head.assign(head.add(1)));
    when(in.fire().and(out.fire().not()), () -> used.assign(used.add(1)))
        .elsewhen(out.fire().and(in.fire().not()), () -> used.assign(used.sub(1)));
  }
}
