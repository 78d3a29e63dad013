package veneer.overlay.run;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link PeRunner#run}.
 *
 * @param reason why the run ended
 * @param tohost the value stored to {@code tohost} (0 if none): 1 is a pass, {@code v} a failure
 *     with code {@code v >> 1}
 * @param cycles clock cycles from start to the end
 * @param console what the threads wrote to the console
 * @param threads each thread's final status
 * @param perf the PE's performance counters by name
 */
public record PeRunResult(Reason reason, int tohost, long cycles, String console, List<ThreadResult> threads,
    Map<String, Long> perf) {

  /** Why a run ended. */
  public enum Reason { TOHOST, ALL_STOPPED, TIMEOUT }

  /**
   * @param state IDLE, RUNNING, EXITED, BREAK or FAULT
   * @param cause mcause for faults (11 for ECALL, 3 for EBREAK)
   * @param pc the pc of the instruction that stopped it
   * @param value the exit code (a0) for ECALL, mtval for faults
   */
  public record ThreadResult(veneer.overlay.pe.ThreadState state, int cause, int pc, int value) {}

  /** Whether the program passed: tohost = 1. */
  public boolean passed() {
    return reason == Reason.TOHOST && tohost == 1;
  }

  /** A one-line summary such as {@code PASS in 1234 cycles} or {@code FAIL code 3}. */
  public String summary() {
    if (reason == Reason.TIMEOUT) {
      return "TIMEOUT after " + cycles + " cycles";
    }
    if (reason == Reason.ALL_STOPPED) {
      return "all threads stopped without writing tohost after " + cycles + " cycles";
    }
    return (tohost == 1 ? "PASS" : "FAIL code " + (tohost >>> 1)) + " in " + cycles + " cycles";
  }
}
