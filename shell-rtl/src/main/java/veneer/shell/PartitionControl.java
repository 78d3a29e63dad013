package veneer.shell;

import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.Stream;
import veneer.shell.pr.PrStatus;

/**
 * The glue between the management function and the partition: turns PF0's configuration-port
 * registers and Role controls into the {@link veneer.shell.pr.PrRegion}'s inputs, and the PR
 * controller's state into PF0's status registers and the partition region
 * ({@link PartitionRegisters}).
 *
 * <ul>
 *   <li>Words from the data window reach the controller only between a start and a finish/abort
 *       command; others are dropped and counted, so a stray write cannot start a load (which
 *       would cut off the running Role).
 *   <li>finish and abort both strobe the controller's end input.
 *   <li>PF0's {@code role_reset} (a level) holds the partition decoupled and pulses the Role's
 *       reset when set; the controller pulses it again when it is cleared, before coupling.
 *       PF0's {@code decouple} decouples without a reset until cleared (then the controller
 *       resets the Role before coupling, see docs/shell-pr.md).
 * </ul>
 *
 * <pre>{@code
 * PartitionControl pc = instance("partition_ctl", new PartitionControl(variantIds, interrupts, dramPorts));
 * Bundle.connect(mgmt.cfgportData, pc.words);
 * Bundle.connect(pc.cfg, pr.cfg);
 * }</pre>
 */
public final class PartitionControl extends Module {
  /** Words from PF0's data window. */
  public final Stream words;
  /** Words to the PR controller. */
  public final Stream cfg;
  /** The partition region of PF0 BAR0. */
  public final AxiLite regs;
  public final UInt control = input("cfgport_control", UInt(8));
  public final Bool roleReset = input("role_reset", Bool());
  public final Bool decoupleRequest = input("decouple", Bool());
  public final UInt cfgportStatus = output("cfgport_status", UInt(32));
  public final UInt cfgportError = output("cfgport_error", UInt(32));

  public final Bool cfgEnd = output("cfg_end", Bool());
  public final UInt timeout = output("ctl_timeout", UInt(32));
  public final Bool ctlDecouple = output("ctl_decouple", Bool());
  public final Bool ctlRoleReset = output("ctl_role_reset", Bool());
  public final UInt prStatus = input("st_status", UInt(PrStatus.WIDTH));
  public final Bool prBusy = input("st_busy", Bool());
  public final Bool prActive = input("st_active", Bool());
  public final UInt prActiveId = input("st_active_id", UInt(32));
  public final UInt prWords = input("st_words", UInt(32));
  public final Bool prDecoupled = input("st_decoupled", Bool());

  /** The Role's interrupt lines after the decoupler. */
  public final Bits roleIrq;
  /** Read and write address handshakes on the Role's DRAM ports this cycle (one bit per port). */
  public final UInt dramReads;
  public final UInt dramWrites;

  /**
   * @param variantIds the partition's variant ids, in slot order
   * @param interrupts the Role's interrupt lines
   * @param dramPorts the Role's DRAM ports
   */
  public PartitionControl(List<Long> variantIds, int interrupts, int dramPorts) {
    super("PartitionControl");
    if (variantIds.isEmpty() || variantIds.size() > PartitionRegisters.MAX_VARIANTS) {
      throw new IllegalArgumentException("PF0 lists 1 to " + PartitionRegisters.MAX_VARIANTS + " variants, found "
          + variantIds.size());
    }
    words = slave("words", () -> new Stream(32));
    cfg = master("cfg", () -> new Stream(32));
    int bits = Long.numberOfTrailingZeros(PartitionRegisters.REGION_SIZE);
    regs = slave("regs", () -> new AxiLite(bits, 32));
    roleIrq = input("role_irq", Bits(interrupts));
    dramReads = input("dram_reads", UInt(dramPorts));
    dramWrites = input("dram_writes", UInt(dramPorts));

    AxiLiteRegisterFile file = instance("file", new AxiLiteRegisterFile("PartitionRegisters", bits, 32,
        PartitionRegisters.MAP.decls()));
    Bundle.connect(regs, file.s);

    // --- configuration words: only between start and finish/abort -------------------------------------
    Bool started = reg("started", Bool(), 0);
    Bool start = control.bit(0);
    Bool end = control.bit(1).or(control.bit(2));
    when(end, () -> started.assign(0)).elsewhen(start, () -> started.assign(1));
    cfg.valid.assign(words.valid.and(started));
    cfg.data.assign(words.data);
    words.ready.assign(started.not().or(cfg.ready));
    cfgEnd.assign(end);
    timeout.assign(file.port("load_timeout"));
    file.port("words_dropped").assign(counter("dropped", words.valid.and(started.not())));

    // --- Role reset (level in PF0) and decoupling ---------------------------------------------------------
    Bool resetBefore = reg("role_reset_before", Bool(), 0);
    resetBefore.assign(roleReset);
    ctlRoleReset.assign(roleReset.and(resetBefore.not()));
    ctlDecouple.assign(decoupleRequest.or(roleReset));

    // --- status -------------------------------------------------------------------------------------------
    cfgportStatus.assign(lit(0, UInt(24)).cat(started, prDecoupled, prActive, prBusy, prStatus));
    // A load is any busy period in which the controller took a word; it ends when busy falls.
    Bool loadSeen = reg("load_seen", Bool(), 0);
    Bool busyBefore = reg("busy_before", Bool(), 0);
    busyBefore.assign(prBusy);
    Bool loadEnds = busyBefore.and(prBusy.not()).and(loadSeen);
    Bool ok = prStatus.eq(PrStatus.OK.code);
    UInt lastError = reg("last_error", UInt(PrStatus.WIDTH), 0);
    when(loadEnds, () -> {
      loadSeen.assign(0);
      lastError.assign(ok.mux(lit(0, UInt(PrStatus.WIDTH)), prStatus));
    });
    when(cfg.fire(), () -> loadSeen.assign(1));
    cfgportError.assign(lastError.resize(32));
    file.port("loads_ok").assign(counter("ok_count", loadEnds.and(ok)));
    file.port("loads_failed").assign(counter("failed_count", loadEnds.and(ok.not())));
    file.port("active_variant").assign(prActiveId);
    file.port("load_words").assign(prWords);

    // --- what the partition holds, and monitoring ------------------------------------------------------------
    file.port("variant_count").assign(lit(variantIds.size(), UInt(32)));
    for (int i = 0; i < PartitionRegisters.MAX_VARIANTS; i++) {
      long id = i < variantIds.size() ? variantIds.get(i) : 0;
      file.port("variant_id_" + i).assign(lit(id, UInt(32)));
    }
    file.port("role_irq").assign(roleIrq.asUInt().resize(32));
    file.port("role_dram_reads").assign(sumCounter("read_bursts", dramReads));
    file.port("role_dram_writes").assign(sumCounter("write_bursts", dramWrites));
    file.port("cycles").assign(counter("cycle_count", lit(1, Bool())));
  }

  private UInt counter(String name, Bool event) {
    UInt c = reg(name, UInt(32), 0);
    when(event, () -> c.assign(c.add(1)));
    return c;
  }

  /** A counter that adds the number of bits set in {@code events} every cycle. */
  private UInt sumCounter(String name, UInt events) {
    UInt c = reg(name, UInt(32), 0);
    UInt sum = lit(0, UInt(32));
    for (int i = 0; i < events.width(); i++) {
      sum = sum.add(events.bit(i).asUInt().resize(32));
    }
    c.assign(c.add(sum));
    return c;
  }
}
