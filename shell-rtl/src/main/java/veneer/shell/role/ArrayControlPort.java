package veneer.shell.role;

import veneer.hdl.Module;
import veneer.hdl.bus.AxiLite;
import veneer.overlay.array.ArrayRegisters;

/**
 * The Role's control port ({@code s}, PF1 BAR0, any width of at least 17 bits) onto the PE
 * array's ({@code m}, 17 bits): every channel passes straight through, and address bits above the
 * array's 17 are dropped, so a wider window repeats the array's map.
 *
 * <pre>{@code
 * ArrayControlPort port = instance("ctrl_port", new ArrayControlPort(p.ctrlAddrWidth()));
 * Bundle.connect(role.ctrl, port.s);
 * Bundle.connect(port.m, array.ctrl);
 * }</pre>
 */
public final class ArrayControlPort extends Module {
  /** From the Role boundary (the host is the manager). */
  public final AxiLite s;
  /** To the array's control port. */
  public final AxiLite m;

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

    m.ar.valid.assign(s.ar.valid);
    m.ar.addr.assign(s.ar.addr.resize(aw));
    m.ar.prot.assign(s.ar.prot);
    s.ar.ready.assign(m.ar.ready);
    s.r.valid.assign(m.r.valid);
    s.r.data.assign(m.r.data);
    s.r.resp.assign(m.r.resp);
    m.r.ready.assign(s.r.ready);
  }
}
