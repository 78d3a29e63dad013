package veneer.shell;

import java.util.ArrayList;
import java.util.List;
import veneer.shell.dma.DmaRegisters;
import veneer.shell.mgmt.ShellFunctions;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pcie.BarConfig;
import veneer.shell.pcie.BarRegion;
import veneer.shell.pcie.FunctionConfig;
import veneer.shell.pcie.MsixCapability;

/**
 * The two functions of the assembled {@link Shell}: {@link ShellFunctions#standard} with
 * <ul>
 *   <li>PF0 BAR0: the partition region ({@link PartitionRegisters}, 0x2000) and the DMA windows
 *       ({@code dma_window}, {@link DmaRegisters#WINDOWS}, 0x3000);
 *   <li>PF1 BAR4 ({@link #DMA_BAR_SIZE}): the DMA channel registers ({@code dma}, 0x0000), the MSI-X
 *       table ({@code msix_table}, 0x2000) and pending bit array ({@code msix_pba}, 0x3000), and an
 *       MSI-X capability in PF1's configuration space pointing at them.
 * </ul>
 * A region of one function is, by construction of the endpoint's decoders, not reachable through
 * the other function's BARs.
 *
 * <pre>{@code
 * List<FunctionConfig> fs = ShellLayout.functions(0x1000);
 * }</pre>
 */
public final class ShellLayout {
  private ShellLayout() {}

  /** Name of the partition region's AXI4-Lite port on the endpoint. */
  public static final String PARTITION_REGION = "partition";
  /** The BAR of PF1 holding the DMA channel registers and the MSI-X table and PBA. */
  public static final int DMA_BAR = 4;
  /** PF1 BAR4's size. */
  public static final long DMA_BAR_SIZE = 0x4000;

  public static List<FunctionConfig> functions(long roleBarSize) {
    List<FunctionConfig> standard = ShellFunctions.standard(roleBarSize);
    FunctionConfig pf0 = standard.get(0);
    List<BarConfig> bars = new ArrayList<>();
    for (BarConfig b : pf0.bars()) {
      if (b.index() == 0) {
        List<BarRegion> regions = new ArrayList<>(b.regions());
        regions.add(new BarRegion(PARTITION_REGION, PartitionRegisters.REGION_OFFSET, PartitionRegisters.REGION_SIZE));
        regions.add(new BarRegion("dma_window", DmaRegisters.WINDOWS_OFFSET, DmaRegisters.REGION_SIZE));
        bars.add(new BarConfig(0, b.size(), regions));
      } else {
        bars.add(b);
      }
    }
    FunctionConfig pf1 = standard.get(1);
    List<BarConfig> pf1Bars = new ArrayList<>(pf1.bars());
    pf1Bars.add(new BarConfig(DMA_BAR, DMA_BAR_SIZE, List.of(
        new BarRegion("dma", DmaRegisters.CHANNELS_OFFSET, DmaRegisters.REGION_SIZE),
        new BarRegion("msix_table", MsixRegisters.TABLE_OFFSET, MsixRegisters.REGION_SIZE),
        new BarRegion("msix_pba", MsixRegisters.PBA_OFFSET, MsixRegisters.REGION_SIZE))));
    return List.of(new FunctionConfig(pf0.vendorId(), pf0.deviceId(), pf0.classCode(), pf0.revision(), bars),
        new FunctionConfig(pf1.vendorId(), pf1.deviceId(), pf1.classCode(), pf1.revision(), pf1Bars)
            .withMsix(new MsixCapability(MsixRegisters.VECTORS, DMA_BAR, MsixRegisters.TABLE_OFFSET, DMA_BAR,
                MsixRegisters.PBA_OFFSET)));
  }
}
