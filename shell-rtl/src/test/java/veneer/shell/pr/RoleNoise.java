package veneer.shell.pr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import veneer.hdl.ir.Port;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/** Drives every Role output of a top's Role-side ports ({@code <prefix>*} inputs) with random values every cycle. */
final class RoleNoise implements CycleHook {
  private final List<Port> ports = new ArrayList<>();
  private final Random rng;

  RoleNoise(Simulator sim, String prefix, long seed) {
    for (Port p : sim.design().top().ports()) {
      if (p.isInput() && p.name().startsWith(prefix)) {
        ports.add(p);
      }
    }
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("the design has no input ports starting with '" + prefix + "'");
    }
    rng = new Random(seed);
  }

  @Override
  public void afterEdge(Simulator sim) {
    for (Port p : ports) {
      sim.poke(p.name(), new BigInteger(p.width(), rng));
    }
  }

  /** Sets every Role output to 0 (a quiet Role). */
  void quiet(Simulator sim) {
    for (Port p : ports) {
      sim.poke(p.name(), 0);
    }
  }
}
