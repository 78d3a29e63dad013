package veneer.cli;

import veneer.hdl.Module;
import veneer.hdl.Top;
import veneer.hdl.UInt;

/** A small two-level design for the area command's test: two accumulators and their XOR. */
@Top(description = "two 16-bit accumulators and the XOR of their sums (a test design)")
public final class AccumulatorPair extends Module {
  /** A 16-bit register that adds a ^ b every cycle. */
  static final class Accumulator extends Module {
    final UInt a = input("a", UInt(16));
    final UInt b = input("b", UInt(16));
    final UInt sum = output("sum", UInt(16));

    Accumulator() {
      UInt r = reg("r", UInt(16), 0);
      r.assign(r.add(a.xor(b)).resize(16));
      sum.assign(r);
    }
  }

  public AccumulatorPair() {
    UInt x = input("x", UInt(16));
    UInt y = input("y", UInt(16));
    Accumulator first = instance("first", new Accumulator());
    Accumulator second = instance("second", new Accumulator());
    first.a.assign(x);
    first.b.assign(y);
    second.a.assign(y.not());
    second.b.assign(x);
    output("sum", UInt(16)).assign(first.sum.xor(second.sum));
  }
}
