package veneer.runtime;

/**
 * An image was not loaded: refused by verification ({@link #rejection()} is set and nothing reached
 * the device) or refused by the device's configuration port ({@link #deviceCode()} is set).
 * The device stays usable either way.
 *
 * <pre>{@code
 * try { dev.management().load(file, trust, rollback); }
 * catch (LoadFailedException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class LoadFailedException extends Exception {
  private final veneer.runtime.image.RejectionReason rejection;
  private final int deviceCode;

  LoadFailedException(String message, veneer.runtime.image.RejectionReason rejection, int deviceCode, Throwable cause) {
    super(message, cause);
    this.rejection = rejection;
    this.deviceCode = deviceCode;
  }

  /** Why verification refused the image, or {@code null} if the device refused it. */
  public veneer.runtime.image.RejectionReason rejection() {
    return rejection;
  }

  /** The configuration port's error code, or -1 if verification refused the image. */
  public int deviceCode() {
    return deviceCode;
  }
}
