package veneer.shell.pr;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Data;
import veneer.hdl.UInt;
import veneer.shell.role.RoleParams;
import veneer.shell.role.RoleVariant;

/**
 * A Role that must never be selected: every output is pseudo-random in every cycle, from a
 * 64-bit linear congruential generator without reset, so it keeps changing even while the
 * partition holds this variant in reset. A partition that leaked an unselected variant's outputs
 * would break the protocol checkers at once.
 */
final class NoiseRole extends RoleVariant {
  @SuppressWarnings({"rawtypes", "unchecked"})
  NoiseRole(RoleParams p) {
    super("NoiseRole", p);
    UInt state = reg("lcg", UInt(64));
    state.assign(state.mul(6364136223846793005L).add(1442695040888963407L));
    List<BoundaryLeaves.Leaf> outs = new ArrayList<>();
    for (BoundaryLeaves.Leaf leaf : BoundaryLeaves.of(role)) {
      if (leaf.fromProducer()) {
        outs.add(leaf);
      }
    }
    int k = 0;
    for (BoundaryLeaves.Leaf leaf : outs) {
      Data d = (Data) leaf.value();
      int w = d.width();
      // Rotate the state differently for each output, and repeat it to fill wide ones.
      int r = k % 64;
      UInt rotated = r == 0 ? state : state.bits(63 - r, 0).cat(state.bits(63, 64 - r));
      k += 7;
      UInt filled = rotated.bits(63, 0);
      while (filled.width() < w) {
        filled = filled.cat(rotated.bits(63, 0));
      }
      UInt value = filled.truncate(w);
      if (d.type().kind() == veneer.hdl.HdlType.Kind.BOOL) {
        d.assign(value.bit(0));
      } else if (d.type().kind() == veneer.hdl.HdlType.Kind.BITS) {
        d.assign(value.asBits());
      } else {
        d.assign(value);
      }
    }
  }
}
