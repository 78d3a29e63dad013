package veneer.shell.mgmt;

import veneer.hdl.bus.RegisterDecl;

/**
 * One documented register of a Shell BAR: the declaration the register file is built from and
 * the sentence the documentation prints, so the RTL and docs/shell-pcie.md share one source.
 *
 * <pre>{@code
 * new ShellRegister(RegisterDecl.readWrite("scratch", 0x20, 32, 0), "Free for software.")
 * }</pre>
 */
public record ShellRegister(RegisterDecl decl, String description) {
  public String name() {
    return decl.name();
  }

  public long offset() {
    return decl.offset();
  }
}
