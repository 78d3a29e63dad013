package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Evaluates a branch condition ({@link MicroOp.BranchOp}) on two register values.
 *
 * <pre>{@code
 * BranchUnit br = instance("br", new BranchUnit());
 * br.op.assign(sub); br.a.assign(rs1v); br.b.assign(rs2v);   // br.taken
 * }</pre>
 */
public final class BranchUnit extends Module {
  public final UInt op = input("op", UInt(MicroOp.SUB_WIDTH));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  public final Bool taken = output("taken", Bool());

  public BranchUnit() {
    Bool eq = a.eq(b);
    Bool ltu = a.lt(b);
    // One comparator: operands of different signs compare the other way round when signed.
    Bool lt = ltu.xor(a.bit(31)).xor(b.bit(31));
    Bool t = lit(0, Bool());
    t = is(MicroOp.BranchOp.EQ).mux(eq, t);
    t = is(MicroOp.BranchOp.NE).mux(eq.not(), t);
    t = is(MicroOp.BranchOp.LT).mux(lt, t);
    t = is(MicroOp.BranchOp.GE).mux(lt.not(), t);
    t = is(MicroOp.BranchOp.LTU).mux(ltu, t);
    t = is(MicroOp.BranchOp.GEU).mux(ltu.not(), t);
    taken.assign(t);
  }

  private Bool is(MicroOp.BranchOp which) {
    return op.eq(which.ordinal());
  }
}
