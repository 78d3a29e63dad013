package veneer.isa.pe;

import java.util.List;

/**
 * The outcome of {@link PeModel#run(long)}.
 *
 * @param reason why the run ended
 * @param tohost the non-zero value stored to {@code tohost}, or 0
 * @param instructions instructions issued during this run (including faulting ones)
 * @param threads each thread's final status
 * @param console everything written to the console so far
 */
public record RunResult(StopReason reason, int tohost, long instructions, List<ThreadResult> threads, String console) {

    /** Why a run ended. */
    public enum StopReason {
        /** Every thread has exited, hit EBREAK or faulted. */
        ALL_STOPPED,
        /** A non-zero word was stored to {@code tohost}. */
        TOHOST,
        /** The instruction budget ran out first. */
        BUDGET_EXHAUSTED
    }

    /**
     * One thread's final state.
     *
     * @param status how it stopped (RUNNING if the run ended first)
     * @param exitCode a0 at ECALL
     * @param fault the fault, or null
     */
    public record ThreadResult(ThreadStatus status, int exitCode, Fault fault) {
    }

    /** Whether tohost reported pass (value 1). */
    public boolean passed() {
        return reason == StopReason.TOHOST && tohost == 1;
    }

    /** The failure code of a tohost failure (value v, code v >> 1), 0 otherwise. */
    public int failureCode() {
        return reason == StopReason.TOHOST && tohost != 1 ? tohost >>> 1 : 0;
    }
}
