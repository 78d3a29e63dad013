package veneer.shell.pcie;

import java.util.List;

/**
 * The identity and BARs of one physical function, as its configuration space shows them.
 *
 * <pre>{@code
 * new FunctionConfig(0x1D0F, 0xF000, 0x120000, 1, List.of(bar0))
 * }</pre>
 *
 * @param classCode the 24-bit class code (base class, subclass, programming interface)
 * @param msix the MSI-X capability, or null for none
 */
public record FunctionConfig(int vendorId, int deviceId, int classCode, int revision, List<BarConfig> bars,
    MsixCapability msix) {
  /** A function without MSI-X. */
  public FunctionConfig(int vendorId, int deviceId, int classCode, int revision, List<BarConfig> bars) {
    this(vendorId, deviceId, classCode, revision, bars, null);
  }

  /** This function with an MSI-X capability. */
  public FunctionConfig withMsix(MsixCapability capability) {
    return new FunctionConfig(vendorId, deviceId, classCode, revision, bars, capability);
  }

  public FunctionConfig {
    check("vendor id", vendorId, 0xFFFF);
    check("device id", deviceId, 0xFFFF);
    check("class code", classCode, 0xFFFFFF);
    check("revision", revision, 0xFF);
    bars = List.copyOf(bars);
    for (int i = 0; i < bars.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (bars.get(i).index() == bars.get(j).index()) {
          throw new IllegalArgumentException("BAR" + bars.get(i).index() + " is declared twice");
        }
      }
    }
  }

  private static void check(String what, int v, int max) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(what + " must be 0 to 0x" + Integer.toHexString(max) + ", found 0x"
          + Integer.toHexString(v));
    }
  }

  /** The BAR in slot {@code index}. */
  public BarConfig bar(int index) {
    for (BarConfig b : bars) {
      if (b.index() == index) {
        return b;
      }
    }
    throw new IllegalArgumentException("this function has no BAR" + index + "; it has "
        + bars.stream().map(b -> "BAR" + b.index()).toList());
  }
}
