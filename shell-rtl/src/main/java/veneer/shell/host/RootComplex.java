package veneer.shell.host;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;
import veneer.shell.pcie.Tlp;
import veneer.shell.pcie.TlpArbiter;
import veneer.shell.pcie.TlpPacking;
import veneer.shell.pcie.TlpType;

/**
 * The host side of the simulated platform: a PCIe root complex with host memory.
 *
 * <ul>
 *   <li>Request queues {@code q0..q<n-1>} (one per software agent: PF0's driver, PF1's driver,
 *       the configuration/enumeration agent) take request TLPs from Java; the root complex gives
 *       each a tag ({@code queue} in bits 7:6, a per-queue sequence in 5:0) and requester id 0
 *       and sends them down, queues taking turns packet by packet.
 *   <li>Completions coming up are routed by tag to completion queues {@code c0..c<n-1>}, which Java
 *       reads.
 *   <li>Device-initiated memory requests are served by {@link HostMemoryServer} ({@code mem}):
 *       writes land in host memory (banked, one beat per cycle, byte enables honoured), except
 *       writes in the interrupt window ({@link #MSI_BASE}, 1 MiB), whose first DW is appended to
 *       the interrupt log {@code irq} (address bits 31:0 in 63:32, data in 31:0); reads are
 *       answered with completions of at most {@code cplBytes} split at read completion
 *       boundaries, in order or (a parameter) interleaved and out of order; requests outside host
 *       memory count in {@code bad_dma} (reads get an Unsupported Request completion).
 * </ul>
 *
 * <pre>{@code
 * RootComplex rc = instance("rc", new RootComplex(256, 65536, 64));
 * }</pre>
 */
public final class RootComplex extends Module {
  /** Base of the interrupt (MSI/MSI-X message) window. */
  public static final long MSI_BASE = 0xFEE0_0000L;
  /** Request and completion queues. */
  public static final int QUEUES = 3;

  public final Tlp down;
  public final Tlp up;
  public final List<Tlp> requestQueues = new ArrayList<>();
  public final List<Tlp> completionQueues = new ArrayList<>();
  public final Stream irq;
  public final UInt badDma = output("bad_dma", UInt(32));

  /** In-order completions of at most {@code rcbBytes}, split at every read completion boundary. */
  public RootComplex(int dataWidth, int hostMemDw, int rcbBytes) {
    this(dataWidth, hostMemDw, rcbBytes, rcbBytes, false, 1);
  }

  /**
   * @param cplBytes largest completion payload (a multiple of {@code rcbBytes}); completions are
   *     split at {@code cplBytes}-aligned addresses, which are read completion boundaries
   * @param outOfOrder answer pending reads interleaved and out of order (see {@link HostMemoryServer})
   * @param seed start of the pseudo-random choice of out-of-order answers
   */
  public RootComplex(int dataWidth, int hostMemDw, int rcbBytes, int cplBytes, boolean outOfOrder, int seed) {
    if (Integer.bitCount(hostMemDw) != 1) {
      throw new IllegalArgumentException("host memory must be a power of two of DW, found " + hostMemDw);
    }
    if (cplBytes % rcbBytes != 0) {
      throw new IllegalArgumentException("the completion size must be a multiple of the read completion boundary ("
          + rcbBytes + "), found " + cplBytes);
    }
    if (rcbBytes != 64 && rcbBytes != 128) {
      throw new IllegalArgumentException("the read completion boundary is 64 or 128 bytes, found " + rcbBytes);
    }
    down = master("down", () -> new Tlp(dataWidth));
    up = slave("up", () -> new Tlp(dataWidth));
    irq = master("irq", () -> new Stream(64));
    int lanes = dataWidth / 32;
    int laneBits = log2Up(lanes);
    int packed = TlpPacking.width(dataWidth);
    int memBits = log2Up(hostMemDw);

    // --- requests from Java, tagged and merged ----------------------------------------------------
    List<Tlp> tagged = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      final int queue = q;
      Tlp in = slave("q" + q, () -> new Tlp(dataWidth));
      requestQueues.add(in);
      StreamFifo fifo = instance("qfifo" + q, new StreamFifo(packed, 8));
      fifo.in.valid.assign(in.valid);
      fifo.in.data.assign(TlpPacking.pack(in));
      in.ready.assign(fifo.in.ready);
      Tlp t = wire("tagged" + q, () -> new Tlp(dataWidth));
      TlpPacking.unpack(fifo.out.data, t);
      UInt seq = reg("seq" + q, UInt(6), 0);
      t.tag.assign(lit(queue, UInt(2)).cat(seq));
      t.requesterId.assign(0);
      t.valid.assign(fifo.out.valid);
      fifo.out.ready.assign(t.ready);
      when(t.fire().and(t.last), () -> seq.assign(seq.add(1)));
      tagged.add(t);
    }
    TlpArbiter a01 = instance("arb01", new TlpArbiter(dataWidth));
    Bundle.connect(tagged.get(0), a01.a);
    Bundle.connect(tagged.get(1), a01.b);
    TlpArbiter a012 = instance("arb012", new TlpArbiter(dataWidth));
    Bundle.connect(a01.out, a012.a);
    Bundle.connect(tagged.get(2), a012.b);
    TlpArbiter downArb = instance("arb_down", new TlpArbiter(dataWidth));
    Bundle.connect(a012.out, downArb.a);
    Bundle.connect(downArb.out, down);
    Tlp ownCpl = wire("own_cpl", () -> new Tlp(dataWidth));
    Bundle.connect(ownCpl, downArb.b);

    // --- completions up, routed by tag ---------------------------------------------------------------
    Bool upIsCpl = up.fmtType.bits(4, 1).eq(0b0101);
    UInt cplQueue = up.tag.bits(7, 6);
    Bool cplRouted = lit(0, Bool());
    for (int q = 0; q < QUEUES; q++) {
      StreamFifo fifo = instance("cfifo" + q, new StreamFifo(packed, 64));
      Bool mine = upIsCpl.and(cplQueue.eq(q));
      fifo.in.valid.assign(up.valid.and(mine));
      fifo.in.data.assign(TlpPacking.pack(up));
      Tlp out = master("c" + q, () -> new Tlp(dataWidth));
      TlpPacking.unpack(fifo.out.data, out);
      out.valid.assign(fifo.out.valid);
      fifo.out.ready.assign(out.ready);
      completionQueues.add(out);
      cplRouted = mine.mux(fifo.in.ready, cplRouted);
    }
    Bool cplReady = cplRouted.or(cplQueue.eq(3));  // stray tags are dropped

    // --- device-initiated requests: host memory and the interrupt log -------------------------------
    HostMemoryServer server = instance("mem", new HostMemoryServer(dataWidth, hostMemDw, cplBytes, outOfOrder, seed));
    TlpPacking.unpack(TlpPacking.pack(up), server.req);
    server.req.valid.assign(up.valid.and(upIsCpl.not()));
    up.ready.assign(upIsCpl.mux(cplReady, server.req.ready));
    Bundle.connect(server.cpl, ownCpl);
    Bundle.connect(server.irq, irq);
    badDma.assign(server.bad);
  }
}
