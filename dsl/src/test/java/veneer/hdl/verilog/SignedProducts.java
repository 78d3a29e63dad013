package veneer.hdl.verilog;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * Signed products ({@code SInt.mulWide}, a MUL of two sign extensions) in the places where the
 * emitter's {@code $signed(x) * $signed(y)} form could go wrong: operands of different widths, a
 * 1-bit operand, an operand that is itself an expression, a product used inside a wider expression
 * or only in part, and a sign extension that something else reads too.
 */
final class SignedProducts extends Module {
  SignedProducts() {
    SInt a = input("a", SInt(33));
    SInt b = input("b", SInt(33));
    SInt c = input("c", SInt(8));
    UInt u = input("u", UInt(7));
    Bool f = input("f", Bool());
    output("ab", SInt(66)).assign(a.mulWide(b));
    output("ac", SInt(41)).assign(a.mulWide(c));
    output("cf", SInt(9)).assign(c.mulWide(f.asSInt()));
    // A signed operand made of an expression: 0 & u is a non-negative 8-bit value.
    output("cu", SInt(16)).assign(c.mulWide(lit(0, UInt(1)).cat(u).asSInt()));
    // The product inside an enclosing sum (its signedness must not reach the addition).
    output("ac_plus", UInt(41)).assign(a.mulWide(c).asUInt().add(u.extend(41)));
    output("ac_low", UInt(8)).assign(a.mulWide(c).asUInt().bits(7, 0));
    // A sign extension that is read by the product and by an output of its own.
    SInt cx = c.extend(16);
    output("cx", SInt(16)).assign(cx);
    output("cc", SInt(16)).assign(cx.mul(cx));
  }
}
