package veneer.shell.dma;

import java.util.ArrayList;
import java.util.List;
import veneer.shell.mgmt.ShellFunctions;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pcie.BarConfig;
import veneer.shell.pcie.BarRegion;
import veneer.shell.pcie.FunctionConfig;
import veneer.shell.pcie.MsixCapability;

/**
 * The Shell's functions ({@link ShellFunctions#standard}) with the DMA and MSI-X regions added:
 * PF0 BAR0 gains {@code dma_window} at 0x2000; PF1 gains BAR4 ({@link #DMA_BAR_SIZE}) with
 * {@code dma} (channel registers) at 0x0000, {@code msix_table} at 0x2000 and {@code msix_pba}
 * at 0x3000, and an MSI-X capability (16 vectors) pointing at them.
 *
 * <pre>{@code
 * List<FunctionConfig> fs = ShellCoreFunctions.withDma(0x10000);
 * }</pre>
 */
public final class ShellCoreFunctions {
  private ShellCoreFunctions() {}

  /** PF1 BAR4 size. */
  public static final long DMA_BAR_SIZE = 0x4000;
  /** The BAR of PF1 holding the DMA and MSI-X regions. */
  public static final int DMA_BAR = 4;

  public static List<FunctionConfig> withDma(long roleBarSize) {
    List<FunctionConfig> std = ShellFunctions.standard(roleBarSize);
    FunctionConfig pf0 = std.get(0);
    FunctionConfig pf1 = std.get(1);
    List<BarRegion> pf0Regions = new ArrayList<>(pf0.bar(0).regions());
    pf0Regions.add(new BarRegion("dma_window", DmaRegisters.WINDOWS_OFFSET, DmaRegisters.REGION_SIZE));
    FunctionConfig newPf0 = new FunctionConfig(pf0.vendorId(), pf0.deviceId(), pf0.classCode(), pf0.revision(),
        List.of(new BarConfig(0, pf0.bar(0).size(), pf0Regions)));
    List<BarConfig> pf1Bars = new ArrayList<>(pf1.bars());
    pf1Bars.add(new BarConfig(DMA_BAR, DMA_BAR_SIZE, List.of(
        new BarRegion("dma", DmaRegisters.CHANNELS_OFFSET, DmaRegisters.REGION_SIZE),
        new BarRegion("msix_table", MsixRegisters.TABLE_OFFSET, MsixRegisters.REGION_SIZE),
        new BarRegion("msix_pba", MsixRegisters.PBA_OFFSET, MsixRegisters.REGION_SIZE))));
    FunctionConfig newPf1 = new FunctionConfig(pf1.vendorId(), pf1.deviceId(), pf1.classCode(), pf1.revision(), pf1Bars)
        .withMsix(new MsixCapability(MsixRegisters.VECTORS, DMA_BAR, MsixRegisters.TABLE_OFFSET, DMA_BAR,
            MsixRegisters.PBA_OFFSET));
    return List.of(newPf0, newPf1);
  }
}
