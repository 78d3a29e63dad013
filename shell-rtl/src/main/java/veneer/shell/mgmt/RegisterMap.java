package veneer.shell.mgmt;

import java.util.List;
import veneer.hdl.bus.RegisterDecl;

/**
 * A named list of {@link ShellRegister}s (one BAR region) that prints itself as a Markdown
 * table for docs/shell-pcie.md.
 *
 * <pre>{@code
 * String table = ManagementRegisters.MAP.toMarkdown();
 * }</pre>
 */
public record RegisterMap(String title, long regionOffset, List<ShellRegister> registers) {
  public RegisterMap {
    registers = List.copyOf(registers);
  }

  /** The declarations, for {@link veneer.hdl.bus.AxiLiteRegisterFile}. */
  public List<RegisterDecl> decls() {
    return registers.stream().map(ShellRegister::decl).toList();
  }

  /** The register called {@code name}. */
  public ShellRegister get(String name) {
    for (ShellRegister r : registers) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no register '" + name + "' in " + title + "; registers are "
        + registers.stream().map(ShellRegister::name).toList());
  }

  /** The BAR offset of register {@code name}. */
  public long offsetOf(String name) {
    return regionOffset + get(name).offset();
  }

  /** A Markdown table: offset in the BAR, name, width, access, reset, description. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("#### ").append(title).append("\n\n");
    sb.append("| BAR offset | Name | Bits | Access | Reset | Description |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    for (ShellRegister r : registers) {
      RegisterDecl d = r.decl();
      String access = switch (d.access()) {
        case READ_WRITE -> "RW";
        case READ_ONLY -> "RO";
        case WRITE_1_TO_PULSE -> "W1P";
      };
      sb.append(String.format("| 0x%04X | `%s` | %d | %s | %s | %s |%n", regionOffset + d.offset(), d.name(),
          d.width(), access, d.access() == RegisterDecl.Access.READ_WRITE ? "0x" + Long.toHexString(d.resetValue())
              : "-", r.description()));
    }
    return sb.toString();
  }
}
