package veneer.sim;

/** The run did not reach its goal within its cycle budget (a hang, or too small a budget). */
public class SimulationTimeoutException extends SimulationException {
  public SimulationTimeoutException(long cycle, String message) {
    super(cycle, message);
  }
}
