package veneer.shell.mgmt;

import java.util.List;
import veneer.shell.pcie.BarConfig;
import veneer.shell.pcie.BarRegion;
import veneer.shell.pcie.FunctionConfig;

/**
 * The two physical functions of the Shell: PF0 (management) and PF1 (user), with their BARs
 * and regions. A later block adds regions here (for example an MSI-X table in a PF1 BAR).
 *
 * <pre>{@code
 * List<FunctionConfig> fs = ShellFunctions.standard(0x10000);
 * }</pre>
 */
public final class ShellFunctions {
  private ShellFunctions() {}

  /** The vendor id used in simulation (not a registered one; a parameter of a real build). */
  public static final int VENDOR_ID = 0x7E4E;
  public static final int MGMT_DEVICE_ID = 0xF000;
  public static final int USER_DEVICE_ID = 0xF001;
  /** Class code 12h/00h/00h: processing accelerator. */
  public static final int CLASS_ACCELERATOR = 0x120000;
  /** PF0 BAR0 size. */
  public static final long MGMT_BAR_SIZE = 0x10000;
  /** PF1 BAR2 size. */
  public static final long USER_REGS_BAR_SIZE = 0x1000;

  /**
   * PF0: BAR0 ({@link #MGMT_BAR_SIZE}) with regions {@code mgmt} and {@code cfgport_data}.
   * PF1: BAR0 ({@code roleBarSize}) forwarded whole to region {@code role_ctrl}; BAR2 with region
   * {@code user}.
   */
  public static List<FunctionConfig> standard(long roleBarSize) {
    FunctionConfig pf0 = new FunctionConfig(VENDOR_ID, MGMT_DEVICE_ID, CLASS_ACCELERATOR, 1, List.of(
        new BarConfig(0, MGMT_BAR_SIZE, List.of(
            new BarRegion("mgmt", 0, ManagementRegisters.REGION_SIZE),
            new BarRegion("cfgport_data", ManagementRegisters.CONFIG_DATA_OFFSET, ManagementRegisters.REGION_SIZE)))));
    FunctionConfig pf1 = new FunctionConfig(VENDOR_ID, USER_DEVICE_ID, CLASS_ACCELERATOR, 1, List.of(
        new BarConfig(0, roleBarSize, List.of(new BarRegion("role_ctrl", 0, roleBarSize))),
        new BarConfig(2, USER_REGS_BAR_SIZE, List.of(new BarRegion("user", 0, USER_REGS_BAR_SIZE)))));
    return List.of(pf0, pf1);
  }
}
