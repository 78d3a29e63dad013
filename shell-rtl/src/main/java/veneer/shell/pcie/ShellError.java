package veneer.shell.pcie;

/**
 * Codes of the error events the PCIe layer reports to the management error log. A log record
 * is 32 bits: the code in bits 31:24 and code-specific information in bits 23:0.
 *
 * <pre>{@code
 * ShellError e = ShellError.of(record >>> 24);   // ShellError.UNMAPPED
 * }</pre>
 */
public enum ShellError {
  /** A TLP type the endpoint does not handle (messages, I/O, locked, type-1 configuration). Info: fmt/type. */
  UNSUPPORTED_TYPE(1),
  /** A request breaking a length, byte-enable, alignment or 4 KiB rule. Info: address bits 23:0. */
  MALFORMED(2),
  /** A poisoned (EP) request. Info: address bits 23:0. */
  POISONED(3),
  /** A memory request outside every enabled BAR region. Info: address bits 23:0. */
  UNMAPPED(4),
  /** A memory request that hits BARs of more than one function (BARs moved on top of each other). Info: address bits 23:0. */
  BAR_OVERLAP(5),
  /** A configuration request to a function that does not exist. Info: the function number. */
  BAD_FUNCTION(6),
  /** An AXI4-Lite region answered SLVERR or DECERR. Info: address bits 23:0. */
  BUS_ERROR(7),
  /** A read request of the requester got no (complete) answer in time. Info: the tag. */
  COMPLETION_TIMEOUT(8),
  /** A completion whose tag has no outstanding request. Info: the tag. */
  UNEXPECTED_COMPLETION(9),
  /** A completion with a status other than SC for an outstanding read. Info: status (11:8) and tag (7:0). */
  COMPLETION_STATUS(10);

  /** The code in the log record. */
  public final int code;

  ShellError(int code) {
    this.code = code;
  }

  /** The error with {@code code}. */
  public static ShellError of(int code) {
    for (ShellError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    throw new IllegalArgumentException("no shell error has code " + code + "; codes are 1 to " + values().length);
  }
}
