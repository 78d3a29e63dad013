package veneer.runtime;

/**
 * A store of the launch was answered to its thread (stores are posted at the overlay's line
 * coalescers) but the device memory later refused the line it was part of (overlay status bit
 * 4). Device memory may then miss some of the launch's results; no array was copied back.
 * The coalescers refuse stores outside the device's DRAM themselves, precisely, as a
 * {@link ThreadFaultException}, so this means a memory error inside DRAM.
 *
 * <pre>{@code
 * try { k.launch(WorkRange.of(n), a); }
 * catch (MemoryWriteException e) { dev.management().resetRole(); }
 * }</pre>
 */
public final class MemoryWriteException extends LaunchException {
  private static final long serialVersionUID = 1L;

  MemoryWriteException(String kernel) {
    super(kernel, "kernel " + kernel + ": device memory refused a line write after its stores were answered (overlay"
        + " status bit 4); the results in device memory are incomplete and were not copied back");
  }
}
