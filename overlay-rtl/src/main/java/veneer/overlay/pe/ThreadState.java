package veneer.overlay.pe;

/**
 * The state of a hardware thread as the host reads it on the status port.
 *
 * <pre>{@code
 * ThreadState.of((int) sim.peek("status_state"))   // e.g. EXITED
 * }</pre>
 */
public enum ThreadState {
  /** Never started since reset. */
  IDLE,
  /** Started and not yet stopped (issuing, in the pipeline, or waiting). */
  RUNNING,
  /** Executed ECALL; the status value is a0, the exit code. */
  EXITED,
  /** Executed EBREAK. */
  BREAK,
  /** Stopped by a fault; the status gives the mcause number, the pc and the address (mtval). */
  FAULT;

  /** Bits of the state on the status port. */
  public static final int WIDTH = 3;

  /** The state with this code, or an error naming the code. */
  public static ThreadState of(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("no thread state has code " + code + "; expected 0 to "
          + (values().length - 1));
    }
    return values()[code];
  }
}
