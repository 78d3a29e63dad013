package veneer.sim.bus;

import veneer.sim.SimulationException;

/** A bus transfer completed with an error response (SLVERR or DECERR). */
public class AxiResponseException extends SimulationException {
  private final int resp;

  public AxiResponseException(long cycle, String what, int resp) {
    super(cycle, what + " answered " + AxiResponseException.name(resp));
    this.resp = resp;
  }

  /** The response code: 2 SLVERR, 3 DECERR. */
  public int resp() {
    return resp;
  }

  static String name(int resp) {
    return switch (resp) {
      case 0 -> "OKAY";
      case 1 -> "EXOKAY";
      case 2 -> "SLVERR";
      default -> "DECERR";
    };
  }
}
