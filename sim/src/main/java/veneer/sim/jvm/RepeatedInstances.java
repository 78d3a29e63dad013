package veneer.sim.jvm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import veneer.sim.flat.FlatInstance;
import veneer.sim.flat.FlatNetlist;

/**
 * The repeated instances of a flat netlist, to which the compiler gives shared code: an instance
 * is a <em>unit</em> when its module occurs at least twice in the design and no instance above it
 * is a unit already (16 PEs make 16 units; the ALU inside each PE belongs to its PE's unit).
 * Eval chunks are cut where the comb order passes from one unit (or from the logic outside any
 * unit) to another, so the chunks of two instances of a module can hold the same code.
 *
 * <pre>{@code
 * RepeatedInstances units = RepeatedInstances.of(flat);
 * int u = units.unitOf(net);   // -1: not in a repeated instance
 * }</pre>
 */
final class RepeatedInstances {
  private final int[] unitOf;
  private final int units;

  private RepeatedInstances(int[] unitOf, int units) {
    this.unitOf = unitOf;
    this.units = units;
  }

  static RepeatedInstances of(FlatNetlist flat) {
    Map<String, Integer> count = new HashMap<>();
    for (FlatInstance i : flat.instances()) {
      count.merge(i.module(), 1, Integer::sum);
    }
    int[] unitOf = new int[flat.nets().size()];
    Arrays.fill(unitOf, -1);
    int units = 0;
    for (FlatInstance i : flat.instances()) {
      // pre-order: an enclosing unit has already claimed the nets of the instances below it
      if (count.get(i.module()) >= 2 && i.endNet() > i.firstNet() && unitOf[i.firstNet()] < 0) {
        Arrays.fill(unitOf, i.firstNet(), i.endNet(), units++);
      }
    }
    return new RepeatedInstances(unitOf, units);
  }

  /** The unit holding {@code net}, or -1 when it belongs to no repeated instance. */
  int unitOf(int net) {
    return unitOf[net];
  }

  /** Number of units. */
  int units() {
    return units;
  }
}
