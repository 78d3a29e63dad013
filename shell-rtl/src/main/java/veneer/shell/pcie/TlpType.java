package veneer.shell.pcie;

/**
 * The Fmt/Type codes and completion status values of the TLPs the Shell uses, from the PCI
 * Express Base Specification (header byte 0: Fmt in bits 7:5, Type in bits 4:0).
 *
 * <pre>{@code
 * if (fmtType == TlpType.CPLD) { ... }
 * }</pre>
 */
public final class TlpType {
  private TlpType() {}

  public static final int MRD32 = 0x00;
  public static final int MRD64 = 0x20;
  public static final int MWR32 = 0x40;
  public static final int MWR64 = 0x60;
  public static final int CFGRD0 = 0x04;
  public static final int CFGWR0 = 0x44;
  public static final int CPL = 0x0A;
  public static final int CPLD = 0x4A;

  /** Successful completion. */
  public static final int CPL_SC = 0;
  /** Unsupported request. */
  public static final int CPL_UR = 1;
  /** Configuration request retry status. */
  public static final int CPL_CRS = 2;
  /** Completer abort. */
  public static final int CPL_CA = 4;

  /** True for Cpl and CplD (and their locked forms): Type is 0b01010 or 0b01011. */
  public static boolean isCompletion(int fmtType) {
    return (fmtType & 0x1E) == 0x0A;
  }

  /** True for packets that carry a payload (Fmt bit 1). */
  public static boolean hasData(int fmtType) {
    return (fmtType & 0x40) != 0;
  }

  /** A short name for messages: "MRd64", "CplD", or the hex code. */
  public static String name(int fmtType) {
    return switch (fmtType) {
      case MRD32 -> "MRd32";
      case MRD64 -> "MRd64";
      case MWR32 -> "MWr32";
      case MWR64 -> "MWr64";
      case CFGRD0 -> "CfgRd0";
      case CFGWR0 -> "CfgWr0";
      case CPL -> "Cpl";
      case CPLD -> "CplD";
      default -> String.format("0x%02x", fmtType);
    };
  }

  /** The status name: "SC", "UR", "CRS", "CA", or the number. */
  public static String statusName(int status) {
    return switch (status) {
      case CPL_SC -> "SC";
      case CPL_UR -> "UR";
      case CPL_CRS -> "CRS";
      case CPL_CA -> "CA";
      default -> Integer.toString(status);
    };
  }
}
