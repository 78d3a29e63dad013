package veneer.shell.host;

import veneer.shell.pcie.TlpType;

/** An MMIO or configuration read was answered with a status other than Successful Completion. */
public final class MmioException extends RuntimeException {
  private final int status;

  public MmioException(String what, int status) {
    super(what + " was answered " + TlpType.statusName(status) + " (expected SC)");
    this.status = status;
  }

  /** The completion status, for example {@link TlpType#CPL_UR}. */
  public int status() {
    return status;
  }
}
