package veneer.runtime;

/**
 * No free block of device memory is large enough for a buffer. The message gives the request,
 * the total, the free bytes and the largest free block (free bytes but no block large enough
 * means the memory is fragmented: close buffers you no longer need).
 *
 * <pre>{@code
 * try (Buffer b = dev.user().allocate(1L << 30)) { ... }
 * catch (OutOfDeviceMemoryException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class OutOfDeviceMemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutOfDeviceMemoryException(long requested, long total, long free, long largest) {
    super("device memory: cannot allocate " + requested + " bytes: " + free + " of " + total
        + " bytes are free, the largest free block has " + largest + " bytes");
  }
}
