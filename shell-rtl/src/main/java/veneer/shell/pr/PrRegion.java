package veneer.shell.pr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Stream;
import veneer.shell.role.RoleBoundary;
import veneer.shell.role.RoleParams;

/**
 * The Shell's partial-reconfiguration block: a {@link PrController} driving a
 * {@link ReconfigurablePartition}. Its ports are what the Shell wires up: the configuration-port
 * words {@code cfg} (fed by PF0 register writes), PF0's controls ({@code cfg_end},
 * {@code ctl_*}) and status ({@code st_*}), and the partition's boundary {@code role} toward
 * PF1 (control), DRAM and the interrupt logic.
 *
 * <pre>{@code
 * PrRegion pr = instance("pr", new PrRegion(RoleParams.defaults(), shellId, List.of(
 *     new VariantSlot(1, new VectorAddKernel(p)), new VariantSlot(2, new OtherRole(p))), 8, 8));
 * }</pre>
 */
public final class PrRegion extends Module {
  public final Stream cfg;
  public final Bool cfgEnd = input("cfg_end", Bool());
  public final UInt timeout = input("ctl_timeout", UInt(32));
  public final Bool manualDecouple = input("ctl_decouple", Bool());
  public final Bool manualReset = input("ctl_role_reset", Bool());
  public final UInt status = output("st_status", UInt(PrStatus.WIDTH));
  public final Bool busy = output("st_busy", Bool());
  /** A variant is active (loaded and selected). */
  public final Bool active = output("st_active", Bool());
  public final UInt activeId = output("st_active_id", UInt(32));
  public final UInt words = output("st_words", UInt(32));
  /** The partition is decoupled and quiet. */
  public final Bool decoupled = output("st_decoupled", Bool());
  /** The partition's boundary as the Shell sees it. */
  public final RoleBoundary role;

  /**
   * @param p the Role boundary
   * @param shellInterfaceId this Shell's interface id, checked against every image
   * @param slots the variants and their ids
   * @param resetCycles length of a variant's reset pulse
   * @param maxBursts outstanding bursts per DRAM port through the decoupler
   */
  public PrRegion(RoleParams p, BigInteger shellInterfaceId, List<VariantSlot> slots, int resetCycles,
      int maxBursts) {
    super("PrRegion");
    cfg = slave("cfg", () -> new Stream(32));
    role = master("role", () -> new RoleBoundary(p));
    List<Long> ids = new ArrayList<>();
    for (VariantSlot s : slots) {
      ids.add(s.variantId());
    }
    PrController pr = instance("controller", new PrController(shellInterfaceId, ids, resetCycles));
    ReconfigurablePartition rp = instance("rp", new ReconfigurablePartition(p, slots, maxBursts));
    Bundle.connect(cfg, pr.cfg);
    pr.cfgEnd.assign(cfgEnd);
    pr.timeout.assign(timeout);
    pr.manualDecouple.assign(manualDecouple);
    pr.manualReset.assign(manualReset);
    pr.isolated.assign(rp.isolated);
    rp.decouple.assign(pr.decouple);
    rp.select.assign(pr.select);
    rp.selectValid.assign(pr.selectValid);
    rp.variantReset.assign(pr.variantReset);
    Bundle.connect(rp.role, role);
    status.assign(pr.status);
    busy.assign(pr.busy);
    active.assign(pr.selectValid);
    activeId.assign(pr.activeId);
    words.assign(pr.words);
    decoupled.assign(rp.isolated);
  }
}
