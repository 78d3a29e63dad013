package veneer.hdl.check;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.HdlException;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;

/**
 * No signal may depend on itself within one cycle. A loop is reported node by node, each with
 * the Java line that made it, so the user sees their own code.
 */
public final class CombinationalLoopCheck implements Check {
  @Override
  public String name() {
    return "combinational-loops";
  }

  @Override
  public void check(ModuleIr m) {
    CombinationalDeps deps = new CombinationalDeps();
    int n = m.nets().size();
    byte[] state = new byte[n]; // 0 unvisited, 1 on the stack, 2 done
    int[] stackNet = new int[n];
    int[][] stackDeps = new int[n][];
    int[] stackPos = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      int depth = 0;
      stackNet[0] = root;
      stackDeps[0] = toArray(deps.of(m, m.net(root)));
      stackPos[0] = 0;
      state[root] = 1;
      while (depth >= 0) {
        int top = stackNet[depth];
        if (stackPos[depth] == stackDeps[depth].length) {
          state[top] = 2;
          depth--;
          continue;
        }
        int next = stackDeps[depth][stackPos[depth]++];
        if (state[next] == 1) {
          throw new HdlException(m.net(next).loc(), describeLoop(m, stackNet, depth, next));
        }
        if (state[next] == 0) {
          state[next] = 1;
          depth++;
          stackNet[depth] = next;
          stackDeps[depth] = toArray(deps.of(m, m.net(next)));
          stackPos[depth] = 0;
        }
      }
    }
  }

  private static int[] toArray(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  private static String describeLoop(ModuleIr m, int[] stack, int depth, int start) {
    List<Integer> loop = new ArrayList<>();
    int i = depth;
    while (stack[i] != start) {
      i--;
    }
    for (int k = i; k <= depth; k++) {
      loop.add(stack[k]);
    }
    StringBuilder sb = new StringBuilder("combinational loop in module " + m.name() + ":");
    for (int id : loop) {
      sb.append("\n    ").append(describe(m.net(id))).append(" reads");
    }
    sb.append("\n    ").append(describe(m.net(start)));
    return sb.toString();
  }

  private static String describe(Net n) {
    String what;
    Driver d = n.driver();
    if (d instanceof Driver.Operation op) {
      what = op.op().mnemonic();
    } else if (d instanceof Driver.InstanceOutput io) {
      what = "output " + io.port() + " of an instance";
    } else if (d instanceof Driver.MemRead) {
      what = "memory read";
    } else {
      what = "signal";
    }
    return (n.named() ? "'" + n.name() + "' (" + what + ")" : what) + " at " + n.loc();
  }
}
