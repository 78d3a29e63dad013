package veneer.hdl;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.ir.SourceLoc;

/**
 * The continuation of a {@code when}: further branches, tried in order, the first true one wins.
 *
 * <pre>{@code
 * when(a, () -> x.assign(1))
 *     .elsewhen(b, () -> x.assign(2))
 *     .otherwise(() -> x.assign(3));
 * }</pre>
 */
public final class WhenChain {
  private final Module module;
  private final ModuleBuilder.When when;
  private final List<ModuleBuilder.Stmt> enclosing;

  WhenChain(Module module, ModuleBuilder.When when, List<ModuleBuilder.Stmt> enclosing) {
    this.module = module;
    this.when = when;
    this.enclosing = enclosing;
  }

  /** Another branch, taken when every earlier condition is false and {@code cond} is true. */
  public WhenChain elsewhen(Bool cond, Runnable body) {
    SourceLoc at = SourceLocator.here();
    checkContinuable(at, "elsewhen");
    addBranch(cond, body, at);
    return this;
  }

  /** The branch taken when every condition is false. */
  public void otherwise(Runnable body) {
    SourceLoc at = SourceLocator.here();
    checkContinuable(at, "otherwise");
    List<ModuleBuilder.Stmt> stmts = new ArrayList<>();
    when.otherwise = stmts;
    run(when.conds.size(), stmts, body);
  }

  void addBranch(Bool cond, Runnable body, SourceLoc at) {
    Module ctx = Module.contextOf(at, cond);
    if (ctx != module) {
      throw new HdlException(at, "the condition belongs to module " + ctx.baseName()
          + ", not to " + module.baseName());
    }
    when.conds.add(cond.netIn(module, at));
    when.condLocs.add(at);
    List<ModuleBuilder.Stmt> stmts = new ArrayList<>();
    when.bodies.add(stmts);
    run(when.conds.size() - 1, stmts, body);
  }

  private void run(int branch, List<ModuleBuilder.Stmt> stmts, Runnable body) {
    ModuleBuilder b = module.builder();
    b.frames.push(new ModuleBuilder.Frame(when, branch, stmts));
    try {
      body.run();
    } finally {
      b.frames.pop();
    }
  }

  private void checkContinuable(SourceLoc at, String what) {
    module.checkOpen(at);
    if (when.otherwise != null) {
      throw new HdlException(at, what + " after otherwise: the when at " + when.loc + " is already complete");
    }
    if (enclosing.isEmpty() || enclosing.get(enclosing.size() - 1) != when
        || module.builder().currentBody() != enclosing) {
      throw new HdlException(at, what + " must directly follow its when (at " + when.loc
          + "), in the same block");
    }
  }
}
