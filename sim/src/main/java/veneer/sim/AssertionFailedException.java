package veneer.sim;

/** An assertion of the design (or a Verilog {@code $fatal}/{@code $stop}) failed. */
public class AssertionFailedException extends SimulationException {
  public AssertionFailedException(long cycle, String message) {
    super(cycle, message);
  }
}
