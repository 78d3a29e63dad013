package veneer.sim.bus;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Port;
import veneer.sim.Simulator;

/** Port lookups shared by the bus models, with errors that list what the design does have. */
final class Ports {
  private Ports() {}

  /** Fails unless the top has {@code name}; {@code what} says which bundle was expected. */
  static Port require(Simulator sim, String name, String what) {
    ModuleIr top = sim.design().top();
    return top.port(name).orElseThrow(() -> new IllegalArgumentException("the design " + top.name()
        + " has no port '" + name + "' (expected " + what + "); its ports are "
        + top.ports().stream().map(Port::name).collect(Collectors.joining(", "))));
  }

  static boolean has(Simulator sim, String name) {
    return sim.design().top().port(name).isPresent();
  }

  static int width(Simulator sim, String name) {
    return require(sim, name, "a port").width();
  }

  /** True while the design's implicit reset input is high. */
  static boolean inReset(Simulator sim) {
    return has(sim, "reset") && sim.peek("reset") != 0;
  }

  static boolean high(Simulator sim, String name) {
    return sim.peek(name) != 0;
  }

  static BigInteger[] values(Simulator sim, List<String> names) {
    BigInteger[] v = new BigInteger[names.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = sim.peekWide(names.get(i));
    }
    return v;
  }

  static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
