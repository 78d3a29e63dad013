package veneer.shell.overlay;

import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/** Counts cycles in which the Role's DRAM port 0 (Shell side of the decoupler) offers a request or write data. */
final class QuietWatch implements CycleHook {
  private static final String[] VALIDS = {"mon_role_dram0_aw_valid", "mon_role_dram0_w_valid",
      "mon_role_dram0_ar_valid"};
  long requests;

  QuietWatch(Simulator sim) {
    for (String v : VALIDS) {
      sim.peek(v); // fails at once if the platform has no such probe
    }
  }

  @Override
  public void beforeEdge(Simulator sim) {
    for (String v : VALIDS) {
      if (sim.peek(v) != 0) {
        requests++;
      }
    }
  }
}
