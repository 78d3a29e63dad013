package veneer.shell.role;

import veneer.hdl.Module;

/**
 * A Role: any module whose ports are exactly the {@link RoleBoundary} {@code role} (plus its
 * implicit clock and reset). A reconfigurable partition holds several and loads one at a time.
 * A subclass builds its logic in its constructor against {@link #role}.
 *
 * <pre>{@code
 * final class Blinky extends RoleVariant {
 *   Blinky(RoleParams p) {
 *     super("Blinky", p);
 *     ... drive role.ctrl, role.dram(0) and role.irq ...
 *   }
 * }
 * }</pre>
 *
 * <p>Declare no other ports: the partition wrapper connects the boundary and nothing else
 * (elaborating the wrapper fails on an unconnected input).
 */
public abstract class RoleVariant extends Module {
  public final RoleParams params;
  /** The partition boundary, in the Role's view. */
  public final RoleBoundary role;

  /** @param name the Verilog module name */
  protected RoleVariant(String name, RoleParams params) {
    super(name);
    this.params = params;
    this.role = master("role", () -> new RoleBoundary(params));
  }
}
