package veneer.shell.pr;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Data;

/**
 * The individual signals of a bundle, in declaration order, each with its path and whether it
 * flows from the bundle's producer to its consumer (for a {@link veneer.shell.role.RoleBoundary}:
 * out of the Role). Two bundles of one shape give lists that match index by index.
 */
final class BoundaryLeaves {
  record Leaf(String path, Data<?> value, boolean fromProducer) {}

  private BoundaryLeaves() {}

  static List<Leaf> of(Bundle b) {
    List<Leaf> out = new ArrayList<>();
    walk(b, "", true, out);
    return out;
  }

  private static void walk(Bundle b, String prefix, boolean forward, List<Leaf> out) {
    for (Bundle.Field f : b.fields()) {
      boolean dir = forward == f.forward();
      String path = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
      if (f.value() instanceof Bundle nested) {
        walk(nested, path, dir, out);
      } else {
        out.add(new Leaf(path, (Data<?>) f.value(), dir));
      }
    }
  }
}
