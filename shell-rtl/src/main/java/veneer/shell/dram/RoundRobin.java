package veneer.shell.dram;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A round-robin arbiter built inside a module: the requester after the last winner goes first,
 * so every requester is served within {@code n} grants. The grant is held while the granted
 * transfer is not finished ({@link #finish}), so a payload never changes under a waiting VALID.
 */
final class RoundRobin {
  /** One-hot grant (only to a requester, or the held one). */
  final List<Bool> grant = new ArrayList<>();
  /** The granted index. */
  final UInt index;
  private final Module m;
  private final String name;
  private final UInt last;
  private final Bool held;
  private final UInt heldIndex;

  RoundRobin(Module m, String name, List<Bool> requests) {
    this.m = m;
    this.name = name;
    int n = requests.size();
    int w = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    last = m.reg(name + "_last", HdlTypes.uint(w), n - 1);
    held = m.reg(name + "_held", HdlTypes.bool(), 0);
    heldIndex = m.reg(name + "_held_index", HdlTypes.uint(w), 0);

    // First requester above the last winner, else the first requester at all.
    Bool foundHigh = m.lit(0, HdlTypes.bool());
    Bool foundAny = m.lit(0, HdlTypes.bool());
    List<Bool> high = new ArrayList<>();
    List<Bool> low = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Bool above = requests.get(i).and(last.lt(i));
      high.add(above.and(foundHigh.not()));
      low.add(requests.get(i).and(foundAny.not()));
      foundHigh = foundHigh.or(above);
      foundAny = foundAny.or(requests.get(i));
    }
    UInt fresh = m.lit(0, HdlTypes.uint(w));
    for (int i = n - 1; i >= 0; i--) {
      Bool pickI = foundHigh.mux(high.get(i), low.get(i));
      fresh = pickI.mux(m.lit(i, HdlTypes.uint(w)), fresh);
    }
    index = held.mux(heldIndex, fresh).named(name + "_grant");
    for (int i = 0; i < n; i++) {
      grant.add(index.eq(i).and(held.or(requests.get(i))));
    }
  }

  /**
   * Finishes the arbiter: {@code valid} is the granted transfer's VALID, {@code fire} its
   * handshake and {@code done} whether that handshake ends the transfer (RLAST for read bursts,
   * always for the others). The grant stays until then; the winner then goes last.
   */
  void finish(Bool valid, Bool fire, Bool done) {
    Bool end = fire.and(done);
    held.assign(held.or(valid).and(end.not()));
    heldIndex.assign(index);
    m.when(end, () -> last.assign(index));
  }

  /** The value of the granted requester among {@code values} (one per requester). */
  <T extends Data<T>> T select(List<T> values) {
    T out = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      out = index.eq(i).mux(values.get(i), out);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RoundRobin " + name;
  }
}
