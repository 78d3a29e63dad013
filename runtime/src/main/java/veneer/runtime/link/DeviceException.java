package veneer.runtime.link;

/**
 * The device refused or failed an operation that the host asked for (a DMA transfer outside
 * DRAM, a DMA channel in its error state, a link that stopped answering). The message names the
 * operation, what the device reported and, where it has one, the device's error code.
 *
 * <pre>{@code
 * try {
 *   link.dmaToDevice(1L << 40, data, 0, data.length);
 * } catch (DeviceException e) {
 *   System.err.println(e.getMessage() + " (code " + e.code() + ")");
 * }
 * }</pre>
 */
public class DeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** An error with the device's own code ({@code -1} when the device gave none). */
  public DeviceException(String message, int code) {
    super(message);
    this.code = code;
  }

  /** The device's error code, or -1. */
  public int code() {
    return code;
  }
}
