package veneer.hdl.bus;

/**
 * One register of an {@link AxiLiteRegisterFile}: its name (also the name of the port it
 * gives the parent), byte offset, width and access.
 *
 * <pre>{@code
 * List.of(RegisterDecl.readWrite("ctrl", 0x00, 32, 0),
 *         RegisterDecl.readOnly("status", 0x04, 8),
 *         RegisterDecl.pulse("start", 0x08, 1));
 * }</pre>
 *
 * @param resetValue the value after reset (read-write registers only; 0 otherwise)
 */
public record RegisterDecl(String name, long offset, int width, Access access, long resetValue) {

  /** What the bus may do with a register, and what the parent sees. */
  public enum Access {
    /** The bus writes (with byte strobes) and reads it; the parent reads its value as an output. */
    READ_WRITE,
    /** The parent drives it as an input; the bus reads it; writes answer SLVERR. */
    READ_ONLY,
    /**
     * The bus writes ones to raise bits of an output for exactly one cycle; reads return 0.
     * The usual way to say "start" or "clear".
     */
    WRITE_1_TO_PULSE
  }

  public RegisterDecl {
    if (width < 1 || width > 64) {
      throw new IllegalArgumentException("register '" + name + "' must be 1 to 64 bits wide, found " + width);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("register '" + name + "' has a negative offset " + offset);
    }
  }

  public static RegisterDecl readWrite(String name, long offset, int width, long resetValue) {
    return new RegisterDecl(name, offset, width, Access.READ_WRITE, resetValue);
  }

  public static RegisterDecl readOnly(String name, long offset, int width) {
    return new RegisterDecl(name, offset, width, Access.READ_ONLY, 0);
  }

  public static RegisterDecl pulse(String name, long offset, int width) {
    return new RegisterDecl(name, offset, width, Access.WRITE_1_TO_PULSE, 0);
  }
}
