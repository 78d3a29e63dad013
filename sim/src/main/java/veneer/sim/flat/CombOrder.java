package veneer.sim.flat;

import java.util.ArrayList;
import java.util.List;

/**
 * The combinational nets of a flat netlist in evaluation order: every net after the nets it
 * reads. Only nets that compute something are listed (operations and asynchronous memory
 * reads, aliases already resolved to their sources); inputs, constants, registers and
 * synchronous read data are state that the order starts from.
 *
 * <pre>{@code
 * int[] order = CombOrder.of(flat);
 * }</pre>
 */
public final class CombOrder {
  private CombOrder() {}

  /** Whether {@code net} (a source net, not an alias) is computed from other nets in the same cycle. */
  public static boolean isComb(FlatNetlist flat, int net) {
    FlatDriver d = flat.net(net).driver();
    if (d instanceof FlatDriver.Operation) {
      return true;
    }
    if (d instanceof FlatDriver.MemRead mr) {
      return !flat.memories().get(mr.memory()).readPorts().get(mr.port()).sync();
    }
    return false;
  }

  /** The source nets {@code net} reads in the same cycle (empty for state). */
  public static int[] inputsOf(FlatNetlist flat, int net) {
    FlatDriver d = flat.net(net).driver();
    if (d instanceof FlatDriver.Operation op) {
      int[] out = new int[op.args().length];
      for (int i = 0; i < out.length; i++) {
        out[i] = flat.source(op.args()[i]);
      }
      return out;
    }
    if (d instanceof FlatDriver.MemRead mr) {
      FlatMemory.ReadPort rp = flat.memories().get(mr.memory()).readPorts().get(mr.port());
      return rp.sync() ? new int[0] : new int[] {flat.source(rp.addr())};
    }
    return new int[0];
  }

  /** Every combinational source net, each after its inputs; fails on a combinational loop. */
  public static int[] of(FlatNetlist flat) {
    int n = flat.nets().size();
    byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
    List<Integer> order = new ArrayList<>();
    int[] stack = new int[n];
    int[] nextArg = new int[n];
    for (int start = 0; start < n; start++) {
      if (flat.source(start) != start || !isComb(flat, start) || state[start] != 0) {
        continue;
      }
      int sp = 0;
      stack[sp++] = start;
      state[start] = 1;
      nextArg[start] = 0;
      while (sp > 0) {
        int top = stack[sp - 1];
        int[] ins = inputsOf(flat, top);
        if (nextArg[top] < ins.length) {
          int in = ins[nextArg[top]++];
          if (!isComb(flat, in) || state[in] == 2) {
            continue;
          }
          if (state[in] == 1) {
            throw new IllegalArgumentException("combinational loop through "
                + FlatNetlist.describe(flat.net(in)));
          }
          state[in] = 1;
          nextArg[in] = 0;
          stack[sp++] = in;
        } else {
          state[top] = 2;
          order.add(top);
          sp--;
        }
      }
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }
}
