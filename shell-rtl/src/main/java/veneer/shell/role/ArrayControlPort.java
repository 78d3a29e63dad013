package veneer.shell.role;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.overlay.array.ArrayRegisters;

/**
 * The Role's control port ({@code s}, PF1 BAR0, any width of at least 17 bits) onto the PE
 * array's ({@code m}, 17 bits), plus the array's completion as a signal: whenever the read
 * channel is free, this block reads the array's {@code status} register itself and drives
 * {@code done} with bit 1 of the last answer (the array's {@code irq} is status.done; the
 * array does not export it as a port a parent can reach, see docs/overlay-role.md).
 *
 * <p>Writes pass straight through. Reads take turns: a host read waits at most for one poll
 * read in flight, and a poll is never started while a host read waits. Address bits above the
 * array's 17 are dropped, so a wider window repeats the array's map.
 *
 * <pre>{@code
 * ArrayControlPort port = instance("ctrl_port", new ArrayControlPort(p.ctrlAddrWidth()));
 * Bundle.connect(role.ctrl, port.s);
 * Bundle.connect(port.m, array.ctrl);
 * role.irq.assign(port.done.asBits().resize(p.interrupts()));
 * }</pre>
 */
public final class ArrayControlPort extends Module {
  /** Byte offset of the array's status register; bit 1 is done. */
  public static final long STATUS = ArrayRegisters.offsetOf("status");
  private static final int DONE_BIT = 1;

  /** From the Role boundary (the host is the manager). */
  public final AxiLite s;
  /** To the array's control port. */
  public final AxiLite m;
  /** The array's status.done as last read. */
  public final Bool done = output("done", Bool());

  /** @param hostAddrWidth address bits of the Role's control port, at least the array's 17 */
  public ArrayControlPort(int hostAddrWidth) {
    super("ArrayControlPort");
    int aw = ArrayRegisters.ADDR_WIDTH;
    if (hostAddrWidth < aw) {
      throw new IllegalArgumentException("the PE array's control map needs a " + aw + "-bit Role window ("
          + (1 << aw >> 10) + " KiB), found " + hostAddrWidth + " bits; build the Shell with RoleParams"
          + ".withCtrlAddrWidth(" + aw + ")");
    }
    s = slave("s", () -> new AxiLite(hostAddrWidth, RoleParams.CTRL_DATA_WIDTH));
    m = master("m", () -> new AxiLite(aw, RoleParams.CTRL_DATA_WIDTH));

    // Writes: straight through, the address cut to the array's width.
    m.aw.valid.assign(s.aw.valid);
    m.aw.addr.assign(s.aw.addr.resize(aw));
    m.aw.prot.assign(s.aw.prot);
    s.aw.ready.assign(m.aw.ready);
    m.w.valid.assign(s.w.valid);
    m.w.data.assign(s.w.data);
    m.w.strb.assign(s.w.strb);
    s.w.ready.assign(m.w.ready);
    s.b.valid.assign(m.b.valid);
    s.b.resp.assign(m.b.resp);
    m.b.ready.assign(s.b.ready);

    // Reads: the owner of the read channel is chosen while it is idle and kept until its R,
    // so an address offered on m never changes before its handshake.
    Bool offering = reg("offering", Bool(), 0);
    Bool waiting = reg("waiting", Bool(), 0);
    Bool hostOwns = reg("host_owns", Bool(), 0);
    Bool doneSeen = reg("done_seen", Bool(), 0);
    Bool idle = offering.not().and(waiting.not());
    when(idle, () -> {
      offering.assign(1);
      hostOwns.assign(s.ar.valid);
    });
    m.ar.valid.assign(offering);
    m.ar.addr.assign(hostOwns.mux(s.ar.addr.resize(aw), lit(STATUS, UInt(aw))));
    m.ar.prot.assign(hostOwns.mux(s.ar.prot, lit(0, Bits(3))));
    s.ar.ready.assign(offering.and(hostOwns).and(m.ar.ready));
    when(m.ar.fire(), () -> {
      offering.assign(0);
      waiting.assign(1);
    });
    s.r.valid.assign(waiting.and(hostOwns).and(m.r.valid));
    s.r.data.assign(m.r.data);
    s.r.resp.assign(m.r.resp);
    m.r.ready.assign(waiting.and(hostOwns.not().or(s.r.ready)));
    when(m.r.fire(), () -> waiting.assign(0));
    when(m.r.fire().and(hostOwns.not()).and(m.r.resp.eq(0)), () -> doneSeen.assign(m.r.data.bit(DONE_BIT)));
    done.assign(doneSeen);
  }
}
