package veneer.shell.pr;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.shell.role.RoleBoundary;
import veneer.shell.role.RoleParams;

/**
 * The partition's decoupler: between the Role ({@code role}) and the Shell ({@code shell}) on
 * every signal of the {@link RoleBoundary}. A request on {@code decouple} cuts the Role off one
 * cycle later; from then on no Role output reaches the Shell. Outstanding Shell-side
 * transactions are finished without the Role ({@link Axi4Isolator}, {@link AxiLiteIsolator});
 * when none is left, {@code isolated} rises and every Shell-side output is at its safe value.
 * The partition is coupled again only when {@code decouple} is low and nothing is outstanding.
 * It comes out of reset decoupled.
 *
 * <p>Safe values while isolated: DRAM ports all 0 (no VALID, no READY, zero payload); the
 * control port answers every request itself with SLVERR and read data 0; interrupts 0.
 *
 * <pre>{@code
 * Decoupler d = instance("decoupler", new Decoupler(RoleParams.defaults(), 8));
 * d.decouple.assign(loading);
 * }</pre>
 */
public final class Decoupler extends Module {
  /** Faces the Role (the Role is the producer). */
  public final RoleBoundary role;
  /** Faces the Shell (looks like a Role). */
  public final RoleBoundary shell;
  /** Request: high to decouple, low to couple again. */
  public final Bool decouple = input("decouple", Bool());
  /** The Role is cut off (one cycle after the request). */
  public final Bool cutOff = output("cut", Bool());
  /** Cut off and nothing outstanding on the Shell side: safe to reset or replace the Role. */
  public final Bool isolated = output("isolated", Bool());

  /** @param maxBursts outstanding write and read bursts allowed per DRAM port */
  public Decoupler(RoleParams p, int maxBursts) {
    super("Decoupler");
    role = slave("role", () -> new RoleBoundary(p));
    shell = master("shell", () -> new RoleBoundary(p));
    Bool cut = reg("cut_q", Bool(), 1);

    AxiLiteIsolator ctrl = instance("ctrl_iso", new AxiLiteIsolator(p.ctrlAddrWidth(), RoleParams.CTRL_DATA_WIDTH));
    Bundle.connect(shell.ctrl, ctrl.shell);
    Bundle.connect(ctrl.role, role.ctrl);
    ctrl.cut.assign(cut);
    Bool idle = ctrl.idle;
    for (int i = 0; i < p.dramPorts(); i++) {
      Axi4Isolator d = instance("dram" + i + "_iso", new Axi4Isolator(p.dram(), maxBursts));
      Bundle.connect(role.dram(i), d.role);
      Bundle.connect(d.shell, shell.dram(i));
      d.cut.assign(cut);
      idle = idle.and(d.idle);
    }
    shell.irq.assign(cut.mux(lit(0, Bits(p.interrupts())), role.irq));

    Bool quiet = idle;
    when(decouple, () -> cut.assign(1)).elsewhen(quiet, () -> cut.assign(0));
    cutOff.assign(cut);
    isolated.assign(cut.and(quiet));
  }
}
