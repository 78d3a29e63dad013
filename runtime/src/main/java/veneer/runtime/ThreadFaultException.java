package veneer.runtime;

/**
 * A hardware thread of the overlay stopped by a fault or an EBREAK instead of its exit: not a
 * Java failure (those are {@link KernelException}s) but a wrong program, a bad address or a
 * device problem. Names the first faulting PE and thread, the pc, the cause and mtval, from the
 * array's error summary; {@link #faults()} counts every thread that stopped so. The launch's Java
 * arrays are not copied back (their device copies may be partly written).
 *
 * <pre>{@code
 * catch (ThreadFaultException e) {
 *   System.err.printf("PE %d thread %d pc 0x%x%n", e.pe(), e.thread(), e.pc());
 * }
 * }</pre>
 */
public final class ThreadFaultException extends LaunchException {
  private static final long serialVersionUID = 1L;
  private final int pe;
  private final int thread;
  private final long pc;
  private final int cause;
  private final long value;
  private final int faults;

  ThreadFaultException(String kernel, int pe, int thread, boolean breakpoint, int cause, long pc, long value, int faults) {
    super(kernel, String.format("kernel %s: PE %d thread %d stopped by %s at pc 0x%08x (mcause %d, mtval 0x%08x)%s",
        kernel, pe, thread, breakpoint ? "EBREAK" : causeName(cause), pc, cause, value,
        faults > 1 ? "; " + faults + " threads stopped so" : ""));
    this.pe = pe;
    this.thread = thread;
    this.pc = pc;
    this.cause = cause;
    this.value = value;
    this.faults = faults;
  }

  public int pe() {
    return pe;
  }

  public int thread() {
    return thread;
  }

  /** Where the thread stopped. */
  public long pc() {
    return pc;
  }

  /** The RISC-V mcause. */
  public int cause() {
    return cause;
  }

  /** mtval: the faulting address or instruction. */
  public long value() {
    return value;
  }

  /** Threads that stopped by a fault or EBREAK in this launch. */
  public int faults() {
    return faults;
  }

  /** The RISC-V privileged spec's name of exception code {@code cause}. */
  static String causeName(int cause) {
    switch (cause) {
      case 0: return "an instruction address misaligned fault";
      case 1: return "an instruction access fault";
      case 2: return "an illegal instruction";
      case 3: return "a breakpoint";
      case 4: return "a load address misaligned fault";
      case 5: return "a load access fault";
      case 6: return "a store address misaligned fault";
      case 7: return "a store access fault";
      default: return "exception " + cause;
    }
  }
}
