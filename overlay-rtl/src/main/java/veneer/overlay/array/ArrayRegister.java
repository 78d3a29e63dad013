package veneer.overlay.array;

import veneer.hdl.bus.RegisterDecl;

/**
 * One documented register of the array's control port: the declaration its register file is
 * built from and the sentence docs/overlay-array.md prints, so both share one source.
 *
 * <pre>{@code
 * new ArrayRegister(RegisterDecl.readWrite("global_size", 0x14, 32, 0), "Work-items in the launch.")
 * }</pre>
 */
public record ArrayRegister(RegisterDecl decl, String description) {
  public String name() {
    return decl.name();
  }

  public long offset() {
    return decl.offset();
  }
}
