package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled kernel: the kernel function and every function it calls (directly or not), kernel
 * first. After inlining only recursive callees remain.
 */
public final class KernelIr {
  private final Function kernel;
  private final List<Function> functions = new ArrayList<>();

  public KernelIr(Function kernel, List<Function> functions) {
    this.kernel = kernel;
    this.functions.addAll(functions);
    if (!this.functions.contains(kernel)) {
      this.functions.add(0, kernel);
    }
  }

  public Function kernel() {
    return kernel;
  }

  /** Kernel first, then callees in discovery order. */
  public List<Function> functions() {
    return functions;
  }

  /** Drops functions no longer called from the kernel. */
  public void removeUncalledFunctions() {
    Set<Function> live = new LinkedHashSet<>();
    List<Function> work = new ArrayList<>(List.of(kernel));
    while (!work.isEmpty()) {
      Function f = work.remove(work.size() - 1);
      if (live.add(f)) {
        for (Instr i : f.instructions()) {
          if (i.op() == Op.CALL) {
            work.add(i.callee());
          }
        }
      }
    }
    functions.retainAll(live);
  }
}
