package veneer.sim.bus;

import veneer.sim.SimulationException;

/** A bus protocol rule was broken; the message names the protocol, the rule, the port and the cycle. */
public class ProtocolViolation extends SimulationException {
  private final String rule;

  public ProtocolViolation(long cycle, String protocol, String rule, String detail) {
    super(cycle, protocol + " rule '" + rule + "' violated: " + detail);
    this.rule = rule;
  }

  /** The rule's name, as in the checker's documentation. */
  public String rule() {
    return rule;
  }
}
