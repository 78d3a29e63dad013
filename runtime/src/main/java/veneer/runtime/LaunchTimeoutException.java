package veneer.runtime;

/**
 * The overlay did not raise its completion interrupt within the launch's cycle budget. The
 * launch may still be running: load the overlay image again (or reset the Role) before the next
 * launch. Raise the budget with {@link KernelHandle#withTimeout(long)}.
 *
 * <pre>{@code
 * k.withTimeout(50_000_000).launch(WorkRange.of(n), a);
 * }</pre>
 */
public final class LaunchTimeoutException extends LaunchException {
  private static final long serialVersionUID = 1L;
  private final long cycles;

  LaunchTimeoutException(String kernel, long cycles) {
    super(kernel, "kernel " + kernel + ": no completion interrupt within " + cycles + " device cycles (the launch may"
        + " still be running); raise the budget with withTimeout(cycles)");
    this.cycles = cycles;
  }

  /** The budget that passed. */
  public long cycles() {
    return cycles;
  }
}
