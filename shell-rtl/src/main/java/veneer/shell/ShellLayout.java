package veneer.shell;

import java.util.ArrayList;
import java.util.List;
import veneer.shell.mgmt.ShellFunctions;
import veneer.shell.pcie.BarConfig;
import veneer.shell.pcie.BarRegion;
import veneer.shell.pcie.FunctionConfig;

/**
 * The two functions of the assembled {@link Shell}: {@link ShellFunctions#standard} with the
 * partition region ({@link PartitionRegisters}) added to PF0 BAR0. PF1 is unchanged, so nothing
 * the user function addresses reaches the new region either.
 *
 * <pre>{@code
 * List<FunctionConfig> fs = ShellLayout.functions(0x1000);
 * }</pre>
 */
public final class ShellLayout {
  private ShellLayout() {}

  /** Name of the partition region's AXI4-Lite port on the endpoint. */
  public static final String PARTITION_REGION = "partition";

  public static List<FunctionConfig> functions(long roleBarSize) {
    List<FunctionConfig> standard = ShellFunctions.standard(roleBarSize);
    FunctionConfig pf0 = standard.get(0);
    List<BarConfig> bars = new ArrayList<>();
    for (BarConfig b : pf0.bars()) {
      if (b.index() == 0) {
        List<BarRegion> regions = new ArrayList<>(b.regions());
        regions.add(new BarRegion(PARTITION_REGION, PartitionRegisters.REGION_OFFSET, PartitionRegisters.REGION_SIZE));
        bars.add(new BarConfig(0, b.size(), regions));
      } else {
        bars.add(b);
      }
    }
    return List.of(new FunctionConfig(pf0.vendorId(), pf0.deviceId(), pf0.classCode(), pf0.revision(), bars),
        standard.get(1));
  }
}
