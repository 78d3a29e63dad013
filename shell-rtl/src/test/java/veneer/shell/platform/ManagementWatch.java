package veneer.shell.platform;

import java.util.ArrayList;
import java.util.List;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * Records every cycle in which something reached the PR controller from the management side: a
 * configuration word, an end strobe, a decouple request, a Role reset strobe, or the partition
 * becoming decoupled.
 */
final class ManagementWatch implements CycleHook {
  private static final List<String> SIGNALS = List.of("mon_pr_cfg_valid", "mon_pr_cfg_end", "mon_pr_ctl_decouple",
      "mon_pr_ctl_role_reset", "mon_pr_decoupled");
  final List<String> events = new ArrayList<>();

  @Override
  public void beforeEdge(Simulator sim) {
    for (String s : SIGNALS) {
      if (sim.peek(s) != 0 && events.size() < 20) {
        events.add(s + " at cycle " + sim.cycle());
      }
    }
  }
}
