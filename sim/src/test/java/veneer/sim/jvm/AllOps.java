package veneer.sim.jvm;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/** Every operator of the netlist on inputs {@code a}, {@code b}, {@code sel}, {@code amt}; one output each. */
final class AllOps extends Module {
  AllOps(int w) {
    super("AllOps" + w);
    UInt a = input("a", UInt(w));
    UInt b = input("b", UInt(w));
    Bool sel = input("sel", Bool());
    UInt amt = input("amt", UInt(8));
    SInt sa = a.asSInt();
    SInt sb = b.asSInt();
    out("add", a.add(b));
    out("sub", a.sub(b));
    out("mul", a.mul(b));
    out("and", a.and(b));
    out("or", a.or(b));
    out("xor", a.xor(b));
    out("not", a.not());
    out("shl3", a.shl(3));
    out("shlFar", a.shl(w + 2));
    out("shru3", a.shr(3));
    out("shrs3", sa.shr(3).asUInt());
    out("shrsFar", sa.shr(w + 4).asUInt());
    out("dshl", a.shl(amt));
    out("dshru", a.shr(amt));
    out("dshrs", sa.shr(amt).asUInt());
    bit("eq", a.eq(b));
    bit("ne", a.ne(b));
    bit("ltu", a.lt(b));
    bit("leu", a.le(b));
    bit("gtu", a.gt(b));
    bit("lts", sa.lt(sb));
    bit("les", sa.le(sb));
    bit("ges", sa.ge(sb));
    out("mux", sel.mux(a, b));
    out("cat", a.cat(b, sel));
    out("slice", a.bits(w - 1, w / 2));
    out("zext", a.extend(w + 7));
    out("sext", sa.extend(w + 7).asUInt());
    bit("andr", a.andR());
    bit("orr", a.orR());
    bit("xorr", a.xorR());
    out("addWide", a.addWide(b));
    out("mulWide", a.mulWide(b));
    out("neg", sa.neg().asUInt());
  }

  private void out(String name, UInt value) {
    output("o_" + name, UInt(value.width())).assign(value);
  }

  private void bit(String name, Bool value) {
    output("o_" + name, Bool()).assign(value);
  }
}
