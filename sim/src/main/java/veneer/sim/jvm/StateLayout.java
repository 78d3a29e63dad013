package veneer.sim.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import veneer.sim.flat.CombOrder;
import veneer.sim.flat.FlatDriver;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;

/**
 * Where each net lives in the compiled engine's {@code long[]} state. A net of {@code w} bits
 * takes {@code ceil(w / 64)} longs. The clocked state (registers and synchronous read data) comes
 * first, followed by a shadow copy of the same size that receives next values during an edge,
 * so that committing the edge is one {@code System.arraycopy}. Then inputs, constants, wide
 * register reset values, and the combinational nets. Once the compiler knows which combinational
 * nets live only in its chunks' locals, {@link #dropUnstored} takes them out, so the values that
 * are stored sit close together.
 */
final class StateLayout {
  final FlatNetlist flat;
  /** Offset of each source net, -1 for aliases. */
  final int[] offset;
  /** The clocked nets, in the order of the state region. */
  final List<Integer> clocked = new ArrayList<>();
  /** Start and length (in longs) of the clocked region; the shadow follows at {@code stateLength}. */
  final int stateLength;
  /** Offset of the reset constant of each wide register (by net), -1 otherwise. */
  final int[] wideReset;
  final int[] combOrder;
  int size;

  StateLayout(FlatNetlist flat) {
    this.flat = flat;
    int n = flat.nets().size();
    offset = new int[n];
    wideReset = new int[n];
    Arrays.fill(offset, -1);
    Arrays.fill(wideReset, -1);
    int at = 0;
    for (FlatNet net : flat.nets()) {
      if (flat.source(net.id()) == net.id() && isClocked(net)) {
        clocked.add(net.id());
        offset[net.id()] = at;
        at += words(net.width());
      }
    }
    stateLength = at;
    placeUnclocked(null);
    combOrder = CombOrder.of(flat);
  }

  /** Offsets after the shadow region: every unclocked source net, except those {@code dropped}. */
  private void placeUnclocked(boolean[] dropped) {
    int at = 2 * stateLength;
    for (FlatNet net : flat.nets()) {
      int id = net.id();
      if (flat.source(id) == id && !isClocked(net)) {
        if (dropped != null && dropped[id]) {
          offset[id] = -1;
        } else {
          offset[id] = at;
          at += words(net.width());
        }
      }
      if (net.driver() instanceof FlatDriver.Register r && r.reset() != null && net.width() > 64) {
        wideReset[id] = at;
        at += words(net.width());
      }
    }
    size = at;
  }

  /**
   * Takes the nets that no code reads from the state array out of it (their offset becomes -1)
   * and packs the others; called by the compiler before it emits the code that uses the offsets.
   */
  void dropUnstored(boolean[] dropped) {
    placeUnclocked(dropped);
  }

  private boolean isClocked(FlatNet net) {
    if (net.driver() instanceof FlatDriver.Register) {
      return true;
    }
    if (net.driver() instanceof FlatDriver.MemRead mr) {
      FlatMemory m = flat.memories().get(mr.memory());
      return m.readPorts().get(mr.port()).sync();
    }
    return false;
  }

  static int words(int width) {
    return (width + 63) >>> 6;
  }

  int width(int net) {
    return flat.net(net).width();
  }

  /** The offset of the value of any net (aliases followed). */
  int at(int net) {
    return offset[flat.source(net)];
  }
}
