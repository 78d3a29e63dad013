package veneer.shell;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.bus.RegisterDecl;
import veneer.shell.mgmt.RegisterMap;
import veneer.shell.mgmt.ShellRegister;

/**
 * The partition region of the management function (PF0 BAR0, offsets 0x2000-0x2FFF): the
 * partial-reconfiguration state that does not fit the configuration-port registers of
 * {@link veneer.shell.mgmt.ManagementRegisters} (the active variant, word count, word timeout,
 * load counters, the variant list) and the Role's monitoring counters. It also defines the bit
 * layout of the management block's {@code cfgport_control}, {@code cfgport_status} and
 * {@code cfgport_error}, which the {@link Shell} wires to the PR controller. The one place this
 * map is declared: the RTL ({@link PartitionControl}), {@link veneer.shell.platform.PlatformDriver}
 * and docs/shell.md read it.
 *
 * <pre>{@code
 * long off = PartitionRegisters.MAP.offsetOf("active_variant");   // 0x2000 in PF0 BAR0
 * }</pre>
 */
public final class PartitionRegisters {
  private PartitionRegisters() {}

  /** Offset of the region in PF0 BAR0, and its size. */
  public static final long REGION_OFFSET = 0x2000;
  public static final long REGION_SIZE = 0x1000;
  /** Variant ids listed in {@code variant_id_<i>}. */
  public static final int MAX_VARIANTS = 16;

  /** {@code cfgport_control} bit 0: accept configuration words (until finish or abort). */
  public static final int CONTROL_START = 1;
  /** {@code cfgport_control} bit 1: every word of the image has been written; the load ends. */
  public static final int CONTROL_FINISH = 2;
  /** {@code cfgport_control} bit 2: give up the load; words not yet written make it TRUNCATED. */
  public static final int CONTROL_ABORT = 4;

  /** {@code cfgport_status} bits 3:0: the PR controller's status code ({@link veneer.shell.pr.PrStatus}). */
  public static final int STATUS_CODE_MASK = 0xF;
  /** {@code cfgport_status} bit 4: a load or a Role reset pulse is in progress. */
  public static final int STATUS_BUSY = 1 << 4;
  /** {@code cfgport_status} bit 5: a variant is loaded and active. */
  public static final int STATUS_ACTIVE = 1 << 5;
  /** {@code cfgport_status} bit 6: the partition is decoupled and quiet. */
  public static final int STATUS_DECOUPLED = 1 << 6;
  /** {@code cfgport_status} bit 7: the port accepts words (started, not yet finished). */
  public static final int STATUS_STARTED = 1 << 7;

  public static final RegisterMap MAP = new RegisterMap("PF0 (management) BAR0, partition region", REGION_OFFSET,
      registers());

  private static List<ShellRegister> registers() {
    List<ShellRegister> r = new ArrayList<>(List.of(
        reg(RegisterDecl.readOnly("active_variant", 0x000, 32), "Variant id of the active Role; 0 when none."),
        reg(RegisterDecl.readOnly("load_words", 0x004, 32), "Words the PR controller received in the current or last load."),
        reg(RegisterDecl.readWrite("load_timeout", 0x008, 32, 0),
            "Cycles without a word after which a started image is TRUNCATED; 0 waits for finish."),
        reg(RegisterDecl.readOnly("loads_ok", 0x00C, 32), "Loads that ended OK."),
        reg(RegisterDecl.readOnly("loads_failed", 0x010, 32), "Loads that ended with an error status."),
        reg(RegisterDecl.readOnly("words_dropped", 0x014, 32),
            "Words written to the data window while the port was not started (dropped, never parsed)."),
        reg(RegisterDecl.readOnly("variant_count", 0x018, 32), "Variants the partition holds."),
        reg(RegisterDecl.readOnly("role_irq", 0x020, 32), "The Role's interrupt lines now (0 while decoupled)."),
        reg(RegisterDecl.readOnly("role_dram_reads", 0x024, 32), "Read bursts the Role started on its DRAM ports."),
        reg(RegisterDecl.readOnly("role_dram_writes", 0x028, 32), "Write bursts the Role started on its DRAM ports."),
        reg(RegisterDecl.readOnly("cycles", 0x02C, 32), "Cycles since reset (wraps).")));
    for (int i = 0; i < MAX_VARIANTS; i++) {
      r.add(reg(RegisterDecl.readOnly("variant_id_" + i, 0x040 + 4L * i, 32),
          i == 0 ? "Variant ids of the partition in slot order (0 past variant_count); variant_id_1 at 0x2044 ..."
              : "See variant_id_0."));
    }
    return r;
  }

  private static ShellRegister reg(RegisterDecl d, String description) {
    return new ShellRegister(d, description);
  }

  /** The region's table and the configuration-port bit layouts, as Markdown for docs/shell.md. */
  public static String toMarkdown() {
    return MAP.toMarkdown() + "\n"
        + "#### Configuration-port registers (management block, PF0 BAR0) as the Shell wires them\n\n"
        + "| Register | Bits | Meaning |\n"
        + "| --- | --- | --- |\n"
        + "| `cfgport_control` (0x0050, W1P) | 0 | start: accept words written to the data window |\n"
        + "| | 1 | finish: every word is written; ends the load (a short image is TRUNCATED); stops accepting |\n"
        + "| | 2 | abort: ends the load now (TRUNCATED unless it was complete); stops accepting |\n"
        + "| `cfgport_status` (0x0054, RO) | 3:0 | PR controller status code (PrStatus: 0 NONE, 1 OK, 2 BUSY, 3-9 errors) |\n"
        + "| | 4 | busy: a load or a Role reset pulse is in progress |\n"
        + "| | 5 | a variant is active |\n"
        + "| | 6 | the partition is decoupled and quiet |\n"
        + "| | 7 | started: words written to the data window are accepted |\n"
        + "| `cfgport_error` (0x0058, RO) | 3:0 | status code of the last load if it failed, 0 after a good one |\n";
  }
}
