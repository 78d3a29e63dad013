package veneer.sim;

/** A failure inside the simulated design or its run, at a known cycle. */
public class SimulationException extends RuntimeException {
  private final long cycle;

  public SimulationException(long cycle, String message) {
    super("cycle " + cycle + ": " + message);
    this.cycle = cycle;
  }

  public SimulationException(long cycle, String message, Throwable cause) {
    super("cycle " + cycle + ": " + message, cause);
    this.cycle = cycle;
  }

  /** The clock edge at which it happened. */
  public long cycle() {
    return cycle;
  }
}
