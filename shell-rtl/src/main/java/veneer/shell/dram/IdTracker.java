package veneer.shell.dram;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Per manager and direction, for every AXI ID: how many transactions are in flight and to which
 * subordinate. A new transaction with an ID may go only to the subordinate its ID already waits
 * on (or anywhere when none is in flight), so responses of one ID can never overtake each other
 * across subordinates.
 */
final class IdTracker {
  private final List<UInt> count = new ArrayList<>();
  private final List<UInt> target = new ArrayList<>();
  private final int max;

  IdTracker(Module m, String name, int idWidth, int targetWidth, int maxOutstanding) {
    this.max = maxOutstanding;
    int cw = 32 - Integer.numberOfLeadingZeros(maxOutstanding);
    for (int i = 0; i < 1 << idWidth; i++) {
      count.add(m.reg(name + "_count" + i, HdlTypes.uint(cw), 0));
      target.add(m.reg(name + "_target" + i, HdlTypes.uint(targetWidth), 0));
    }
  }

  /** Whether a transaction with {@code id} may go to {@code to} now. */
  Bool allowed(UInt id, UInt to) {
    UInt n = pick(id, count);
    UInt t = pick(id, target);
    return n.eq(0).or(t.eq(to).and(n.ne(max)));
  }

  /** Counts a transaction sent ({@code start}) and one answered ({@code end}) in this cycle. */
  void update(Module m, Bool start, UInt startId, UInt to, Bool end, UInt endId) {
    for (int i = 0; i < count.size(); i++) {
      UInt n = count.get(i);
      UInt t = target.get(i);
      Bool inc = start.and(startId.eq(i));
      Bool dec = end.and(endId.eq(i));
      m.when(inc, () -> t.assign(to));
      m.when(inc.and(dec.not()), () -> n.assign(n.add(1)))
          .elsewhen(dec.and(inc.not()), () -> n.assign(n.sub(1)));
    }
  }

  private static UInt pick(UInt index, List<UInt> values) {
    UInt out = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      out = index.eq(i).mux(values.get(i), out);
    }
    return out;
  }
}
