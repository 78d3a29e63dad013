package veneer.hdl.designs;

import java.math.BigInteger;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * A combinational design that uses every operator of the IR, at ordinary widths (16 bits), at
 * 1 bit, and at wide ones (65, 100 and 512 bits; the widest multiplier is 65 bits and only one 512-bit
 * shift takes a 100-bit amount, to keep Yosys synthesis of it within seconds), with signed comparisons and shifts and dynamic
 * shifts by amounts wider than 32 bits. Each result is its own output so that a simulation can
 * check every operator separately.
 */
public final class Alu extends Module {
  /** An all-ones-and-zeros pattern that makes a 512-bit constant worth reading. */
  public static final BigInteger PATTERN_512 =
      new BigInteger("f0e1d2c3b4a5968778695a4b3c2d1e0f", 16).multiply(BigInteger.ONE.shiftLeft(384))
          .add(BigInteger.valueOf(0x123456789abcdefL));

  public Alu() {
    UInt a = input("a", UInt(16));
    UInt b = input("b", UInt(16));
    SInt sa = input("sa", SInt(16));
    SInt sb = input("sb", SInt(16));
    SInt sc = input("sc", SInt(8));
    UInt amt = input("amt", UInt(5));
    UInt wideAmt = input("wide_amt", UInt(40));
    Bool sel = input("sel", Bool());
    Bool f = input("f", Bool());
    UInt x = input("x", UInt(100));
    UInt y = input("y", UInt(100));
    UInt p = input("p", UInt(512));
    UInt q = input("q", UInt(512));
    SInt sp = input("sp", SInt(512));
    SInt sq = input("sq", SInt(512));
    UInt pAmt = input("p_amt", UInt(100));

    // Arithmetic: wrapping, widening, signed.
    output("sum", UInt(16)).assign(a.add(b));
    output("diff", UInt(16)).assign(a.sub(b));
    output("prod", UInt(16)).assign(a.mul(b));
    output("sum_wide", UInt(17)).assign(a.addWide(b));
    output("diff_wide", UInt(17)).assign(a.subWide(b));
    output("prod_wide", UInt(32)).assign(a.mulWide(b));
    output("sum_const", UInt(16)).assign(a.add(lit(3, UInt(4))));
    output("ssum", SInt(16)).assign(sa.add(sb));
    output("sprod_wide", SInt(32)).assign(sa.mulWide(sb));
    output("sum_mixed", SInt(16)).assign(sa.add(sc));
    output("sum_negconst", SInt(16)).assign(sa.add(lit(-3, SInt(4))));
    output("neg", SInt(16)).assign(sa.neg());
    output("nested", UInt(16)).assign(a.add(b).xor(a.sub(b)).and(b.or(lit(0xff, UInt(16)))));

    // Bitwise and reductions.
    output("and_", UInt(16)).assign(a.and(b));
    output("or_", UInt(16)).assign(a.or(b));
    output("xor_", UInt(16)).assign(a.xor(b));
    output("not_", UInt(16)).assign(a.not());
    output("andr", Bool()).assign(a.andR());
    output("orr", Bool()).assign(a.orR());
    output("xorr", Bool()).assign(a.xorR());
    output("bool_logic", Bool()).assign(sel.and(f).or(sel.xor(f).not()));

    // Shifts by constants, including one past the width.
    output("shl3", UInt(16)).assign(a.shl(3));
    output("shr3", UInt(16)).assign(a.shr(3));
    output("sra3", SInt(16)).assign(sa.shr(3));
    output("shl_wide", UInt(20)).assign(a.shlWide(4));
    output("shl_all", UInt(16)).assign(a.shl(20));
    output("sra_all", SInt(16)).assign(sa.shr(20));

    // Dynamic shifts, by narrow and by wide amounts.
    output("dshl", UInt(16)).assign(a.shl(amt));
    output("dshr", UInt(16)).assign(a.shr(amt));
    output("dsra", SInt(16)).assign(sa.shr(amt));
    output("dshl_wide", UInt(16)).assign(a.shl(wideAmt));
    output("dshr_wide", UInt(16)).assign(a.shr(wideAmt));
    output("dsra_wide", SInt(16)).assign(sa.shr(wideAmt));
    output("dsra_sum", SInt(16)).assign(sa.add(sb).shr(amt).add(sb));

    // Comparisons, unsigned and signed.
    output("eq", Bool()).assign(a.eq(b));
    output("ne", Bool()).assign(a.ne(b));
    output("ltu", Bool()).assign(a.lt(b));
    output("leu", Bool()).assign(a.le(b));
    output("gtu", Bool()).assign(a.gt(b));
    output("geu", Bool()).assign(a.ge(b));
    output("lts", Bool()).assign(sa.lt(sb));
    output("les", Bool()).assign(sa.le(sb));
    output("gts", Bool()).assign(sa.gt(sb));
    output("ges", Bool()).assign(sa.ge(sb));
    output("lts_zero", Bool()).assign(sa.add(sb).lt(0));

    // Selection, concatenation, slicing, extension.
    output("mux", UInt(16)).assign(sel.mux(a, b));
    output("mux_chain", UInt(16)).assign(sel.mux(a, f.mux(b, a.add(b))));
    output("cat", UInt(33)).assign(a.cat(b, sel));
    output("slice", UInt(8)).assign(a.bits(11, 4));
    output("bit15", Bool()).assign(a.bit(15));
    output("slice_sum", UInt(4)).assign(a.add(b).bits(7, 4));
    output("zext", UInt(24)).assign(a.extend(24));
    output("sext", SInt(24)).assign(sa.extend(24));
    output("sext_bit", SInt(8)).assign(f.asSInt().extend(8));

    // 100-bit arithmetic.
    output("x_sum", UInt(100)).assign(x.add(y));
    output("x_diff", UInt(100)).assign(x.sub(y));
    output("x_prod", UInt(65)).assign(x.bits(64, 0).mul(y.bits(64, 0)));
    output("x_carry", UInt(101)).assign(x.addWide(y));
    output("x_lt", Bool()).assign(x.lt(y));

    // 512-bit arithmetic and shifts by a 100-bit amount.
    output("p_sum", UInt(512)).assign(p.add(q));
    output("p_diff", UInt(512)).assign(p.sub(q));
    output("p_xor", UInt(512)).assign(p.xor(q));
    output("p_lt", Bool()).assign(p.lt(q));
    output("sp_lt", Bool()).assign(sp.lt(sq));
    output("p_shl", UInt(512)).assign(p.shl(pAmt.bits(9, 0)));
    output("sp_sra", SInt(512)).assign(sp.shr(pAmt));
    output("sp_sra_const", SInt(512)).assign(sp.shr(200));

    // Constants of unusual widths.
    output("k1", Bool()).assign(f.xor(lit(1, Bool())));
    output("k64", UInt(64)).assign(x.bits(63, 0).xor(lit(new BigInteger("ffffffffffffffff", 16), UInt(64))));
    output("k65", UInt(65)).assign(x.bits(64, 0).add(lit(BigInteger.ONE.shiftLeft(64), UInt(65))));
    output("k512", UInt(512)).assign(p.and(lit(PATTERN_512, UInt(512))));
  }
}
