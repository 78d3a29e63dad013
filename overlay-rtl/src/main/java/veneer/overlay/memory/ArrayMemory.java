package veneer.overlay.memory;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.Param;
import veneer.hdl.Top;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;

/**
 * The PE array's memory side: one {@link LineCoalescer} per PE port ({@code pe0..}, 32-bit,
 * ID = thread id) and a {@link SingleBeatAxiArbiter} onto the array's one 512-bit AXI4 manager
 * port {@code mem}, whose ID is {@code {PE index, slot}}. Counts the PE requests and the line
 * transactions it made of them (outputs {@code pe_reads}, {@code pe_writes}, {@code line_reads},
 * {@code line_writes}, and {@code kept_hits}: loads served from a line a coalescer kept, 48 bits,
 * cleared by {@code clear}). {@code clear} (a launch starting) also drops every kept line.
 *
 * <p>Stores are posted: a coalescer answers a store once it is merged into a write line, and a
 * store outside the global-memory window ({@link CoalescerConfig#globalBytes()}) with DECERR at
 * once. Output {@code quiet} bit i: coalescer i has no write line gathering or in flight (a
 * FENCE on PE i waits for it, the launch's end waits for all). {@code write_error} is sticky
 * until {@code clear}: some line write came back with an error response after its stores were
 * answered OKAY (the window check should make that impossible).
 *
 * <pre>{@code
 * ArrayMemory mem = instance("memory", new ArrayMemory(4, CoalescerConfig.forThreads(8)));
 * Bundle.connect(pe.mem, mem.pe(0));
 * Bundle.connect(mem.m, dram);
 * }</pre>
 */
@Top(description = "PE-array memory system: per-PE line coalescers and an arbiter onto one 512-bit AXI4 port")
public final class ArrayMemory extends Module {
  /** Bits of the request/line counters. */
  public static final int COUNTER_WIDTH = 48;
  private final List<Axi4> pePorts = new ArrayList<>();
  public final Axi4 m;
  public final Bool clear = input("clear", Bool());
  /** Bit i: PE i executed a FENCE ({@link LineCoalescer#seal}). */
  public final UInt seal;
  public final UInt peReads = output("pe_reads", UInt(COUNTER_WIDTH));
  public final UInt peWrites = output("pe_writes", UInt(COUNTER_WIDTH));
  public final UInt lineReads = output("line_reads", UInt(COUNTER_WIDTH));
  public final UInt lineWrites = output("line_writes", UInt(COUNTER_WIDTH));
  /** Loads that found their line kept in a coalescer slot and were served without a line read. */
  public final UInt keptHits = output("kept_hits", UInt(COUNTER_WIDTH));
  /** Bit i: PE i's coalescer has no write line gathering or in flight. */
  public final UInt quiet;
  /** Sticky until {@code clear}: a line write came back with an error after its stores were answered. */
  public final Bool writeError = output("write_error", Bool());

  /** Parameters for elaboration from the command line and tests. */
  public ArrayMemory(@Param(name = "pes", defaultValue = "4") int pes,
      @Param(name = "threads", defaultValue = "8") int threads,
      @Param(name = "slots", defaultValue = "16") int slots,
      @Param(name = "window", defaultValue = "16") int window,
      @Param(name = "openLines", defaultValue = "8") int openLines,
      @Param(name = "readSlots", defaultValue = "16") int readSlots) {
    this(pes, new CoalescerConfig(threads, slots, window, openLines, readSlots));
  }

  public ArrayMemory(int pes, CoalescerConfig c) {
    super("ArrayMemory");
    m = master("mem", () -> new Axi4(memParams(pes, c)));
    seal = input("seal", UInt(pes));
    quiet = output("quiet", UInt(pes));
    UInt quietBits = lit(0, UInt(pes));
    Bool lineError = lit(0, Bool());
    SingleBeatAxiArbiter arb = instance("arb", new SingleBeatAxiArbiter(pes, LineCoalescer.lineParams(c)));
    UInt reads = lit(0, UInt(8));
    UInt writes = lit(0, UInt(8));
    UInt kept = lit(0, UInt(8));
    for (int i = 0; i < pes; i++) {
      Axi4 port = slave("pe" + i, () -> new Axi4(LineCoalescer.peParams(c)));
      pePorts.add(port);
      LineCoalescer coal = instance("coal" + i, new LineCoalescer(c));
      Bundle.connect(port, coal.s);
      Bundle.connect(coal.m, arb.s(i));
      // A launch starts (clear): the host may have written memory, so no retained line is kept.
      coal.seal.assign(seal.bit(i).or(clear));
      reads = reads.add(coal.readAccepted.asUInt());
      writes = writes.add(coal.writeAccepted.asUInt());
      kept = kept.add(coal.readKept.asUInt());
      quietBits = coal.quiet.mux(quietBits.or(1L << i), quietBits);
      lineError = lineError.or(coal.writeError);
    }
    Bundle.connect(arb.m, m);
    quiet.assign(quietBits);
    Bool sticky = reg("write_error_seen", Bool(), 0);
    Bool lineErrorNow = lineError;
    when(clear, () -> sticky.assign(0)).elsewhen(lineErrorNow, () -> sticky.assign(1));
    writeError.assign(sticky);
    count(peReads, reads);
    count(peWrites, writes);
    count(lineReads, m.ar.fire().asUInt());
    count(lineWrites, m.aw.fire().asUInt());
    count(keptHits, kept);
  }

  /** The AXI4 parameters of {@code mem}. */
  public static Axi4.Params memParams(int pes, CoalescerConfig c) {
    return SingleBeatAxiArbiter.sharedParams(pes, LineCoalescer.lineParams(c));
  }

  /** The port of PE {@code i}. */
  public Axi4 pe(int i) {
    return pePorts.get(i);
  }

  private void count(UInt out, UInt increment) {
    UInt n = reg(out.name() + "_count", UInt(COUNTER_WIDTH), 0);
    when(clear, () -> n.assign(0)).otherwise(() -> n.assign(n.add(increment)));
    out.assign(n);
  }
}
