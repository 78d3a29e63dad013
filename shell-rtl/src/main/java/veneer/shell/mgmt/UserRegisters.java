package veneer.shell.mgmt;

import java.util.List;
import veneer.hdl.bus.RegisterDecl;

/**
 * The register map of the user function (PF1): BAR0 is the Role's own AXI4-Lite control port
 * (its map belongs to the Role), and BAR2 holds these Shell registers for the user.
 *
 * <pre>{@code
 * long off = UserRegisters.MAP.offsetOf("user_irq");
 * }</pre>
 */
public final class UserRegisters {
  private UserRegisters() {}

  /** What {@code ident} reads: "VNUS". */
  public static final long IDENT = 0x564E_5553L;

  public static final RegisterMap MAP = new RegisterMap("PF1 (user) BAR2", 0, List.of(
      new ShellRegister(RegisterDecl.readOnly("ident", 0x000, 32), "Reads 0x564E5553 (\"VNUS\")."),
      new ShellRegister(RegisterDecl.pulse("user_irq", 0x004, 32),
          "Write ones to raise user interrupts: bit n is vector n (delivered by the interrupt block)."),
      new ShellRegister(RegisterDecl.readOnly("user_irq_count", 0x008, 32), "Writes to user_irq with at least one bit set."),
      new ShellRegister(RegisterDecl.readWrite("scratch", 0x00C, 32, 0), "Free for the user's software.")));

  /** PF1 BAR0 and BAR2 as Markdown. */
  public static String toMarkdown() {
    return "#### PF1 (user) BAR0\n\nThe whole BAR is forwarded to the Role's AXI4-Lite control port"
        + " (`role_ctrl_*` ports of the Shell); offsets are the Role's.\n\n" + MAP.toMarkdown();
  }
}
