package veneer.hdl.verilog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import veneer.hdl.ir.ClockDomain;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.SourceLoc;

/**
 * The registers of a module as {@code always @(posedge clk)} blocks: one block per clock domain
 * for the registers with a synchronous reset ({@code if (reset) ... else ...}) and one for those
 * without. A register's next value that the front end built from {@code when} branches (a tree
 * of muxes where some arms are the register itself) is printed back as if/else statements, and
 * the arms that keep the value are left out.
 */
final class RegisterBlocks {
  private final ModuleIr m;
  private final NetPlan plan;
  private final ExprPrinter expr;

  RegisterBlocks(ModuleIr m, NetPlan plan, ExprPrinter expr) {
    this.m = m;
    this.plan = plan;
    this.expr = expr;
  }

  Code print() {
    Code code = new Code();
    for (int d = 0; d < m.domains().size(); d++) {
      List<Net> withReset = new ArrayList<>();
      List<Net> withoutReset = new ArrayList<>();
      for (Net n : m.nets()) {
        if (plan.live(n.id()) && n.driver() instanceof Driver.Register r && r.domain() == d) {
          (r.reset() != null ? withReset : withoutReset).add(n);
        }
      }
      ClockDomain domain = m.domains().get(d);
      if (!withReset.isEmpty()) {
        code.blank().line(1, "always @(posedge " + expr.port(domain.clockPort()) + ") begin");
        code.line(2, "if (" + expr.port(domain.resetPort()) + ") begin");
        for (Net n : withReset) {
          BigInteger reset = ((Driver.Register) n.driver()).reset();
          code.line(3, n.name() + " <= " + VerilogText.literal(n.width(), reset) + ";", n.loc());
        }
        code.line(2, "end else begin");
        for (Net n : withReset) {
          next(code, 3, n, ((Driver.Register) n.driver()).next(), true);
        }
        code.line(2, "end");
        code.line(1, "end");
      }
      if (!withoutReset.isEmpty()) {
        code.blank().line(1, "always @(posedge " + expr.port(domain.clockPort()) + ") begin");
        for (Net n : withoutReset) {
          next(code, 2, n, ((Driver.Register) n.driver()).next(), false);
        }
        code.line(1, "end");
      }
    }
    return code;
  }

  /** Statements that give {@code reg} its next value {@code value}. */
  private void next(Code code, int depth, Net reg, int value, boolean hasReset) {
    int v = plan.resolve(value);
    if (v == reg.id()) {
      if (!hasReset) {
        // Never assigned and never reset: keep it driven so that it stays the zero it starts at.
        code.line(depth, reg.name() + " <= " + reg.name() + ";", reg.loc());
      }
      return;
    }
    statement(code, depth, reg, v);
  }

  private void statement(Code code, int depth, Net reg, int v) {
    statement(code, depth, reg, v, "", null);
  }

  /** Prints the value tree {@code v}; {@code prefix} is "else " or "end else " in an else-if chain. */
  private void statement(Code code, int depth, Net reg, int v, String prefix, SourceLoc enclosing) {
    if (!plan.inRegisterTree(v)) {
      Net value = m.net(v);
      boolean located = !value.named() && !value.loc().equals(enclosing);
      code.line(depth, reg.name() + " <= " + expr.ref(v) + ";", located ? value.loc() : null);
      return;
    }
    Net mux = m.net(v);
    int[] args = ((Driver.Operation) mux.driver()).args();
    int whenTrue = plan.resolve(args[1]);
    int whenFalse = plan.resolve(args[2]);
    boolean holdTrue = whenTrue == reg.id();
    boolean holdFalse = whenFalse == reg.id();
    int taken = holdTrue ? whenFalse : whenTrue;
    boolean nested = plan.inRegisterTree(taken);
    String cond = expr.condition(args[0], holdTrue).text();
    code.line(depth, prefix + "if (" + cond + ")" + (nested ? " begin" : ""), mux.loc());
    statement(code, depth + 1, reg, taken, "", mux.loc());
    String close = nested ? "end " : "";
    if (holdTrue || holdFalse) {
      if (nested) {
        code.line(depth, "end");
      }
    } else if (plan.inRegisterTree(whenFalse)) {
      statement(code, depth, reg, whenFalse, close + "else ", mux.loc());
    } else {
      code.line(depth, close + "else");
      statement(code, depth + 1, reg, whenFalse, "", mux.loc());
    }
  }
}
