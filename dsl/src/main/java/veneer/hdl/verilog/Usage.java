package veneer.hdl.verilog;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which bits of which declared signals the emitted text reads. It is recorded while the text is
 * printed, so it is exactly what a linter sees: a signal with an unread bit gets a targeted
 * UNUSEDSIGNAL waiver, and no other signal does.
 */
final class Usage {
  private final Map<Integer, BitSet> netBits = new HashMap<>();
  private final Set<Integer> memoriesRead = new HashSet<>();
  private boolean recording = true;

  /** Stops recording; used while the planner prints trial text that is never emitted. */
  static Usage discarding() {
    Usage u = new Usage();
    u.recording = false;
    return u;
  }

  void readAll(int net, int width) {
    readBits(net, width - 1, 0);
  }

  void readBits(int net, int hi, int lo) {
    if (recording) {
      netBits.computeIfAbsent(net, k -> new BitSet()).set(lo, hi + 1);
    }
  }

  void readMemory(int memory) {
    if (recording) {
      memoriesRead.add(memory);
    }
  }

  /** True when every one of the net's {@code width} bits is read somewhere. */
  boolean fullyRead(int net, int width) {
    BitSet b = netBits.get(net);
    return b != null && b.nextClearBit(0) >= width;
  }

  boolean memoryRead(int memory) {
    return memoriesRead.contains(memory);
  }
}
