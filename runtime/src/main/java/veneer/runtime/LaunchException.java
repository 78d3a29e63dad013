package veneer.runtime;

/**
 * A kernel launch did not complete normally. The subclasses say why: the kernel's own Java
 * failure ({@link KernelException}), a hardware thread fault ({@link ThreadFaultException}), a
 * refused line write ({@link MemoryWriteException}) or no completion interrupt in time
 * ({@link LaunchTimeoutException}). A DMA error is a
 * {@link veneer.runtime.link.DeviceException}.
 *
 * <pre>{@code
 * try { k.launch(WorkRange.of(n), a); }
 * catch (LaunchException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public abstract class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String kernel;

  LaunchException(String kernel, String message) {
    super(message);
    this.kernel = kernel;
  }

  /** The kernel, {@code Class.method}. */
  public String kernel() {
    return kernel;
  }
}
