package veneer.shell.role;

import veneer.hdl.bus.Axi4;

/**
 * The shape of the Role boundary: the AXI4-Lite control port's address width, how many AXI4
 * ports the Role has to DRAM and their parameters, and how many interrupt lines it raises.
 *
 * <pre>{@code
 * RoleParams p = RoleParams.defaults();                 // 4 KiB control space, one 512-bit DRAM port, 1 irq
 * RoleParams two = p.withDramPorts(2).withInterrupts(4);
 * }</pre>
 *
 * @param ctrlAddrWidth bits of byte address of the control port (PF1's Role window)
 * @param dramPorts AXI4 manager ports from the Role to DRAM, at least 1
 * @param dram parameters of every DRAM port
 * @param interrupts interrupt lines from the Role, 1 to 32
 */
public record RoleParams(int ctrlAddrWidth, int dramPorts, Axi4.Params dram, int interrupts) {
  /** Data width of the control port: AXI4-Lite with 32-bit registers. */
  public static final int CTRL_DATA_WIDTH = 32;

  public RoleParams {
    if (ctrlAddrWidth < 3 || ctrlAddrWidth > 32) {
      throw new IllegalArgumentException("the Role control port needs a 3 to 32-bit address, found " + ctrlAddrWidth);
    }
    if (dramPorts < 1 || dramPorts > 16) {
      throw new IllegalArgumentException("a Role has 1 to 16 DRAM ports, found " + dramPorts);
    }
    if (dram == null) {
      throw new IllegalArgumentException("the DRAM port parameters are missing");
    }
    if (interrupts < 1 || interrupts > 32) {
      throw new IllegalArgumentException("a Role has 1 to 32 interrupt lines, found " + interrupts);
    }
  }

  /** 12-bit control space, one DRAM port of 512 data bits (the DRAM channel's width), 34-bit addresses, 4-bit IDs, one interrupt. */
  public static RoleParams defaults() {
    return new RoleParams(12, 1, new Axi4.Params(4, 34, 512, 0), 1);
  }

  public RoleParams withDramPorts(int n) {
    return new RoleParams(ctrlAddrWidth, n, dram, interrupts);
  }

  public RoleParams withDram(Axi4.Params p) {
    return new RoleParams(ctrlAddrWidth, dramPorts, p, interrupts);
  }

  public RoleParams withInterrupts(int n) {
    return new RoleParams(ctrlAddrWidth, dramPorts, dram, n);
  }

  public RoleParams withCtrlAddrWidth(int bits) {
    return new RoleParams(bits, dramPorts, dram, interrupts);
  }
}
