package veneer.shell.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bundle;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;

/**
 * Every signal that crosses the edge of the reconfigurable partition, in the Role's view (the
 * Role is the producer): the AXI4-Lite control port {@code ctrl} on which the Role is the
 * subordinate (PF1 reaches it), the AXI4 manager ports {@code dram0}, {@code dram1} ... to DRAM,
 * and the interrupt lines {@code irq}. The clock and reset are the Role's implicit domain.
 *
 * <p>Port names are {@code <bundle>_ctrl_aw_valid}, {@code <bundle>_dram0_ar_len},
 * {@code <bundle>_irq}; a Role takes it with {@code master}, the Shell side with {@code slave}.
 *
 * <pre>{@code
 * RoleBoundary role = master("role", () -> new RoleBoundary(RoleParams.defaults()));
 * role.irq.assign(done.asBits());
 * }</pre>
 */
public final class RoleBoundary extends Bundle {
  public final RoleParams params;
  /** Control registers: the Shell is the manager. */
  public final AxiLite ctrl;
  private final List<Axi4> dram = new ArrayList<>();
  /** Interrupt lines, level sensitive, active high. */
  public final Bits irq;

  public RoleBoundary(RoleParams params) {
    this.params = params;
    ctrl = in("ctrl", () -> new AxiLite(params.ctrlAddrWidth(), RoleParams.CTRL_DATA_WIDTH));
    for (int i = 0; i < params.dramPorts(); i++) {
      dram.add(out("dram" + i, () -> new Axi4(params.dram())));
    }
    irq = out("irq", Bits(params.interrupts()));
  }

  /** DRAM port {@code i}. */
  public Axi4 dram(int i) {
    if (i < 0 || i >= dram.size()) {
      throw new IllegalArgumentException("the Role has DRAM ports 0 to " + (dram.size() - 1) + ", found " + i);
    }
    return dram.get(i);
  }

  /** All DRAM ports, in order. */
  public List<Axi4> dramPorts() {
    return Collections.unmodifiableList(dram);
  }
}
