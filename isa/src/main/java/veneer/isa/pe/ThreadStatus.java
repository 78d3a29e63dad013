package veneer.isa.pe;

/** The state of one hardware thread. */
public enum ThreadStatus {
    /** Issuing instructions. */
    RUNNING,
    /** Stopped by ECALL; the exit code is a0 at that point. */
    EXITED,
    /** Stopped by EBREAK. */
    BREAK,
    /** Stopped by a fault (see {@link Fault}). */
    FAULTED
}
