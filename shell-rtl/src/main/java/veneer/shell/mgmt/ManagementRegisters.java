package veneer.shell.mgmt;

import java.util.List;
import veneer.hdl.bus.RegisterDecl;

/**
 * The register map of the management function (PF0, BAR0): the one place it is declared. The
 * RTL ({@link ManagementBlock}), the host-side driver and docs/shell-pcie.md all read it.
 *
 * <pre>{@code
 * long off = ManagementRegisters.MAP.offsetOf("scratch");   // 0x20
 * }</pre>
 */
public final class ManagementRegisters {
  private ManagementRegisters() {}

  /** What {@code ident} reads: "VNSH" in ASCII. */
  public static final long IDENT = 0x564E_5348L;
  /** Shell version: major (31:16), minor (15:0). */
  public static final long SHELL_VERSION = 0x0001_0000L;
  /** Byte offset of the configuration-port data window in BAR0 (region {@code cfgport_data}). */
  public static final long CONFIG_DATA_OFFSET = 0x1000;
  /** Size of the register region and of the data window. */
  public static final long REGION_SIZE = 0x1000;

  public static final RegisterMap MAP = new RegisterMap("PF0 (management) BAR0", 0, List.of(
      reg(RegisterDecl.readOnly("ident", 0x000, 32), "Reads 0x564E5348 (\"VNSH\"): a Veneer Shell."),
      reg(RegisterDecl.readOnly("shell_version", 0x004, 32), "Shell version, major in 31:16, minor in 15:0."),
      reg(RegisterDecl.readOnly("interface_id_0", 0x010, 32), "Shell interface id bits 31:0 (a build parameter)."),
      reg(RegisterDecl.readOnly("interface_id_1", 0x014, 32), "Shell interface id bits 63:32."),
      reg(RegisterDecl.readOnly("interface_id_2", 0x018, 32), "Shell interface id bits 95:64."),
      reg(RegisterDecl.readOnly("interface_id_3", 0x01C, 32), "Shell interface id bits 127:96."),
      reg(RegisterDecl.readWrite("scratch", 0x020, 32, 0), "Free for software; checks the path to the device."),
      reg(RegisterDecl.readOnly("status", 0x024, 32),
          "Bit 0: Role held in reset; 1: Role decoupled; 2: error log not empty; 3: configuration data"
              + " stream ready."),
      reg(RegisterDecl.readOnly("requests_served", 0x030, 32), "Memory requests decoded to a BAR region."),
      reg(RegisterDecl.readOnly("completions_sent", 0x034, 32), "Completions sent by the completer."),
      reg(RegisterDecl.readOnly("requests_refused", 0x038, 32),
          "Requests answered Unsupported Request, or dropped (posted)."),
      reg(RegisterDecl.readOnly("error_count", 0x03C, 32), "Error events raised by the PCIe layer."),
      reg(RegisterDecl.readWrite("role_reset", 0x040, 1, 0), "Bit 0: hold the Role in reset."),
      reg(RegisterDecl.readWrite("decouple", 0x044, 1, 0), "Bit 0: decouple the Role partition."),
      reg(RegisterDecl.pulse("cfgport_control", 0x050, 8),
          "Configuration port commands, one per bit, to the partial-reconfiguration controller"
              + " (bit 0 start, 1 finish, 2 abort)."),
      reg(RegisterDecl.readOnly("cfgport_status", 0x054, 32), "Configuration port status, from the controller."),
      reg(RegisterDecl.readOnly("cfgport_error", 0x058, 32), "Configuration port error code, from the controller."),
      reg(RegisterDecl.readOnly("errlog_count", 0x060, 32), "Records in the error log (at most 16 kept)."),
      reg(RegisterDecl.readOnly("errlog_head", 0x064, 32),
          "Oldest error record: code in 31:24 (see ShellError), information in 23:0."),
      reg(RegisterDecl.pulse("errlog_pop", 0x068, 1), "Write 1 to drop the oldest error record."),
      reg(RegisterDecl.readOnly("errlog_dropped", 0x06C, 32), "Error records lost because the log was full.")));

  /** The configuration-port data window: each DW written there goes to the controller's data stream. */
  public static final String CONFIG_DATA_DOC = String.format(
      "| 0x%04X-0x%04X | `cfgport_data` | 32 | WO | - | Configuration data FIFO: every DW written anywhere in"
          + " this window (with any byte enabled) is pushed, in order, to the configuration port's data stream;"
          + " the write completes once the stream has taken it. Reads return 0. |%n",
      CONFIG_DATA_OFFSET, CONFIG_DATA_OFFSET + REGION_SIZE - 1);

  private static ShellRegister reg(RegisterDecl d, String description) {
    return new ShellRegister(d, description);
  }

  /** The whole BAR0 map as Markdown, data window included. */
  public static String toMarkdown() {
    return MAP.toMarkdown() + CONFIG_DATA_DOC;
  }
}
