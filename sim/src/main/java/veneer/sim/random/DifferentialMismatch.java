package veneer.sim.random;

import java.math.BigInteger;
import java.nio.file.Path;

/** The two back ends disagreed on an output; everything needed to reproduce it is in the message. */
public class DifferentialMismatch extends AssertionError {
  public DifferentialMismatch(long seed, int design, long cycle, String port, String backendA, BigInteger a,
      String backendB, BigInteger b, Path dump) {
    super("simulators disagree: seed " + seed + ", design " + design + ", cycle " + cycle + ", port " + port
        + ": " + backendA + " = 0x" + a.toString(16) + ", " + backendB + " = 0x" + b.toString(16)
        + "; design dumped to " + dump + " (rerun with -Dveneer.random.seed=" + seed + ")");
  }
}
