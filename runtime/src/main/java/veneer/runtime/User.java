package veneer.runtime;

import veneer.runtime.link.Link;

/**
 * The user function (PF1): 32-bit access to the active Role's control registers in BAR0.
 *
 * <pre>{@code
 * dev.user().write32(0x00, 1);            // start
 * long status = dev.user().read32(0x04);
 * }</pre>
 */
public final class User {
  /** The user physical function. */
  public static final int FUNCTION = 1;
  private final Link link;

  User(Link link) {
    this.link = link;
  }

  /** Reads the Role register at byte {@code offset}. */
  public long read32(long offset) {
    return link.mmioRead(FUNCTION, 0, offset);
  }

  /** Writes the low 32 bits of {@code value} to the Role register at byte {@code offset}. */
  public void write32(long offset, long value) {
    link.mmioWrite(FUNCTION, 0, offset, value & 0xFFFF_FFFFL);
  }
}
