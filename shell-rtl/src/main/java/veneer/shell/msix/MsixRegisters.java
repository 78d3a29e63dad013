package veneer.shell.msix;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.bus.RegisterDecl;
import veneer.shell.mgmt.RegisterMap;
import veneer.shell.mgmt.ShellRegister;

/**
 * The MSI-X table and pending bit array of PF1, laid out as the PCI Express specification
 * says: table entry {@code n} at 16 n (message address low, message address high, message
 * data, vector control with the mask in bit 0, masked after reset); the PBA a QWORD array with
 * the pending bit of vector {@code n} in bit {@code n % 64} of QWORD {@code n / 64}.
 *
 * <p>Vectors: 0-3 the DMA channels (H2C 0, H2C 1, C2H 0, C2H 1), 4-11 the Role's interrupt
 * lines 0-7 (one message per rising edge), 12-15 the user interrupts 0-3 (PF1 BAR2
 * {@code user_irq} bits 0-3).
 *
 * <pre>{@code
 * long entry3 = MsixRegisters.TABLE_OFFSET + 16 * 3;
 * }</pre>
 */
public final class MsixRegisters {
  private MsixRegisters() {}

  public static final int VECTORS = 16;
  /** The DMA channels of vectors 0-3 (as in {@code veneer.shell.dma.DmaRegisters}). */
  private static final List<String> CHANNEL_NAMES = List.of("h2c0", "h2c1", "c2h0", "c2h1");
  /** The first vector of the Role's interrupt lines, and how many lines have one. */
  public static final int ROLE_VECTOR_BASE = 4;
  public static final int ROLE_VECTORS = 8;
  /** The first vector of the user interrupts (PF1 BAR2 {@code user_irq}), and how many there are. */
  public static final int USER_VECTOR_BASE = 12;
  public static final int USER_VECTORS = 4;
  /** PF1 BAR4 offsets of the table and the PBA. */
  public static final long TABLE_OFFSET = 0x2000;
  public static final long PBA_OFFSET = 0x3000;
  public static final long REGION_SIZE = 0x1000;

  public static final RegisterMap TABLE = new RegisterMap("PF1 (user) BAR4: MSI-X table", TABLE_OFFSET, table());
  public static final RegisterMap PBA = new RegisterMap("PF1 (user) BAR4: MSI-X pending bit array", PBA_OFFSET, List.of(
      new ShellRegister(RegisterDecl.readOnly("pba_lo", 0x0, 32), "Pending bits of vectors 31:0 (QWORD 0, bits 31:0)."),
      new ShellRegister(RegisterDecl.readOnly("pba_hi", 0x4, 32), "Pending bits of vectors 63:32 (QWORD 0, bits 63:32).")));

  /**
   * The table entry layout (printed once, from vector 0's declarations), the PBA, and what each
   * vector is for, as Markdown.
   */
  public static String toMarkdown() {
    StringBuilder sb = new StringBuilder("#### ").append(TABLE.title()).append("\n\n");
    sb.append("Entry n (0 to ").append(VECTORS - 1).append(") at BAR offset 0x")
        .append(Long.toHexString(TABLE_OFFSET).toUpperCase()).append(" + 16 n:\n\n");
    sb.append("| Entry offset | Name | Bits | Access | Reset | Description |\n| --- | --- | --- | --- | --- | --- |\n");
    for (ShellRegister r : TABLE.registers().subList(0, 4)) {
      String name = r.name().substring(0, r.name().length() - 1) + "<n>";
      String desc = r.description().replace("Vector 0 (DMA channel 0): message", "Message");
      sb.append(String.format("| 0x%X | `%s` | %d | RW | 0x%x | %s |%n", r.offset(), name, r.decl().width(),
          r.decl().resetValue(), desc));
    }
    sb.append("\nVectors: ");
    for (int v = 0; v < VECTORS; v++) {
      sb.append(v == 0 ? "" : "; ").append(v).append(" ")
          .append(purpose(v));
    }
    sb.append(".\n\n").append(PBA.toMarkdown());
    return sb.toString();
  }

  /** What vector {@code v} is for, in words. */
  public static String purpose(int v) {
    if (v < ROLE_VECTOR_BASE) {
      return "DMA channel " + v + " (" + CHANNEL_NAMES.get(v) + ")";
    }
    return v < USER_VECTOR_BASE ? "Role interrupt line " + (v - ROLE_VECTOR_BASE)
        : "user interrupt " + (v - USER_VECTOR_BASE);
  }

  private static List<ShellRegister> table() {
    List<ShellRegister> out = new ArrayList<>();
    for (int v = 0; v < VECTORS; v++) {
      long o = 16L * v;
      String who = v < ROLE_VECTOR_BASE ? "DMA channel " + v : purpose(v);
      out.add(new ShellRegister(RegisterDecl.readWrite("addr_lo" + v, o, 32, 0),
          "Vector " + v + " (" + who + "): message address bits 31:0 (bits 1:0 ignored)."));
      out.add(new ShellRegister(RegisterDecl.readWrite("addr_hi" + v, o + 4, 32, 0), "Message address bits 63:32."));
      out.add(new ShellRegister(RegisterDecl.readWrite("data" + v, o + 8, 32, 0), "Message data."));
      out.add(new ShellRegister(RegisterDecl.readWrite("control" + v, o + 12, 1, 1), "Vector control: bit 0 mask."));
    }
    return out;
  }
}
