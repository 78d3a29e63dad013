package veneer.hdl.designs;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * Corners of the emitter: an unused input, a register that is never assigned, a one-word and a
 * one-bit memory, a memory that is only written, a constant output, a signed shift feeding a
 * register, and a purely combinational child used twice.
 */
public final class EdgeCases extends Module {
  /** A child without clock: the larger of two values. */
  public static final class Max extends Module {
    public final UInt a = input("a", UInt(4));
    public final UInt b = input("b", UInt(4));
    public final UInt max = output("max", UInt(4));

    public Max() {
      max.assign(a.gt(b).mux(a, b));
    }
  }

  public EdgeCases() {
    UInt a = input("a", UInt(4));
    UInt b = input("b", UInt(4));
    input("ignored", Bits(3));
    Bool bit = input("flag", Bool());
    SInt s = input("s", SInt(8));

    UInt never = reg("never", UInt(4));
    UInt shifted = reg("shifted", UInt(8), 0);
    shifted.assign(s.shr(a).asUInt());

    Mem<UInt> single = mem("single", UInt(4), 1).init(5);
    when(bit, () -> single.write(b.bits(0, 0), a));
    Mem<Bool> flags = mem("flags", Bool(), 4);
    flags.write(a.bits(1, 0), bit);
    Mem<UInt> sink = mem("sink", UInt(4), 8);
    sink.write(b.bits(2, 0), a);

    Max first = instance("first", new Max());
    Max second = instance("second", new Max());
    first.a.assign(a);
    first.b.assign(b);
    second.a.assign(first.max);
    second.b.assign(never);

    output("max", UInt(4)).assign(second.max);
    output("one", UInt(4)).assign(lit(1, UInt(4)));
    output("single_q", UInt(4)).assign(single.read(a.bits(3, 3)));
    output("single_fixed_q", UInt(4)).assign(single.read(lit(0, UInt(1))));
    output("flag_q", Bool()).assign(flags.readSync(b.bits(1, 0)));
    output("shifted_q", UInt(8)).assign(shifted);
  }
}
