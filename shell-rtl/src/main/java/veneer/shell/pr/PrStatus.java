package veneer.shell.pr;

/**
 * The status codes of the {@link PrController}, as read from its {@code st_status} port (PF0).
 * When one image has several faults, the code is the first of: bad sync, bad version,
 * truncated, bad padding, bad CRC, wrong interface id, unknown variant — the integrity of the
 * stream is reported before what it says.
 *
 * <pre>{@code
 * PrStatus s = PrStatus.of(sim.peek("st_status"));
 * }</pre>
 */
public enum PrStatus {
  /** No load since reset. */
  NONE(0, "no image loaded since reset"),
  /** The last image loaded; its variant is active. */
  OK(1, "loaded"),
  /** A load is in progress (or the Role's reset pulse is): wait. */
  BUSY(2, "loading"),
  /** The first word was not the sync word 0x42524E56. */
  BAD_SYNC(3, "bad sync word"),
  /** The framing version was not 1. */
  BAD_VERSION(4, "unsupported framing version"),
  /** The shell interface id in the image is not this Shell's. */
  WRONG_INTERFACE_ID(5, "wrong shell interface id"),
  /** No variant with the image's variant id is held by the partition. */
  UNKNOWN_VARIANT(6, "unknown variant id"),
  /** The CRC-32 word did not match the CRC of the words before it. */
  BAD_CRC(7, "CRC-32 mismatch"),
  /** The stream ended (end strobe or word timeout) before the CRC word. */
  TRUNCATED(8, "truncated stream"),
  /** A padding byte after the data in the last data word was not zero. */
  BAD_PADDING(9, "non-zero padding byte");

  public final int code;
  public final String description;

  PrStatus(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The status with this code. */
  public static PrStatus of(long code) {
    for (PrStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("no PR status has code " + code + "; codes are 0 to " + (values().length - 1));
  }

  /** Bits of the status port. */
  public static final int WIDTH = 4;
}
