package veneer.sim.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.hdl.Elaborator;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.junit.BackendInvocations;

/**
 * Every operator on random operands of many widths (narrow, exactly 64, wide) against a
 * reference computed here in plain Java, on each configured back end and on the interpreter.
 */
class OpsTest {
  private static final int[] WIDTHS = {1, 2, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200};

  @ParameterizedTest(name = "width {0}")
  @ValueSource(ints = {1, 2, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200})
  void everyOperatorMatchesTheJavaReference(int w) {
    long seed = 1000L + w;
    for (Backend backend : BackendInvocations.configured()) {
      try (Simulator sim = Simulators.open(Elaborator.elaborate(new AllOps(w)), backend)) {
        check(sim, w, seed, backend.toString());
      }
    }
    try (Simulator sim = Engines.open(new AllOps(w), JvmEngine.INTERPRETER)) {
      check(sim, w, seed, "interpreter");
    }
  }

  private static void check(Simulator sim, int w, long seed, String engine) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 150; i++) {
      BigInteger a = EdgeOperands.of(rnd, w);
      BigInteger b = rnd.nextInt(8) == 0 ? a : EdgeOperands.of(rnd, w);
      int sel = rnd.nextInt(2);
      int amt = rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(w + 2);
      sim.poke("a", a);
      sim.poke("b", b);
      sim.poke("sel", sel);
      sim.poke("amt", amt);
      for (Map.Entry<String, BigInteger> e : expected(w, a, b, sel, amt).entrySet()) {
        assertEquals(e.getValue(), sim.peekWide("o_" + e.getKey()), () -> engine + ": " + e.getKey() + " of a="
            + a.toString(16) + " b=" + b.toString(16) + " sel=" + sel + " amt=" + amt + " at width " + w
            + " (seed " + seed + ")");
      }
    }
  }


  private static Map<String, BigInteger> expected(int w, BigInteger a, BigInteger b, int sel, int amt) {
    BigInteger mod = BigInteger.ONE.shiftLeft(w);
    BigInteger sa = a.testBit(w - 1) ? a.subtract(mod) : a;
    BigInteger sb = b.testBit(w - 1) ? b.subtract(mod) : b;
    BigInteger ones = mod.subtract(BigInteger.ONE);
    Map<String, BigInteger> r = new LinkedHashMap<>();
    r.put("add", a.add(b).mod(mod));
    r.put("sub", a.subtract(b).mod(mod));
    r.put("mul", a.multiply(b).mod(mod));
    r.put("and", a.and(b));
    r.put("or", a.or(b));
    r.put("xor", a.xor(b));
    r.put("not", ones.subtract(a));
    r.put("shl3", a.shiftLeft(3).mod(mod));
    r.put("shlFar", BigInteger.ZERO);
    r.put("shru3", a.shiftRight(3));
    r.put("shrs3", sa.shiftRight(3).mod(mod));
    r.put("shrsFar", sa.signum() < 0 ? ones : BigInteger.ZERO);
    r.put("dshl", a.shiftLeft(amt).mod(mod));
    r.put("dshru", a.shiftRight(amt));
    r.put("dshrs", sa.shiftRight(amt).mod(mod));
    r.put("eq", bit(a.equals(b)));
    r.put("ne", bit(!a.equals(b)));
    r.put("ltu", bit(a.compareTo(b) < 0));
    r.put("leu", bit(a.compareTo(b) <= 0));
    r.put("gtu", bit(a.compareTo(b) > 0));
    r.put("lts", bit(sa.compareTo(sb) < 0));
    r.put("les", bit(sa.compareTo(sb) <= 0));
    r.put("ges", bit(sa.compareTo(sb) >= 0));
    r.put("mux", sel == 1 ? a : b);
    r.put("cat", a.shiftLeft(w + 1).or(b.shiftLeft(1)).or(BigInteger.valueOf(sel)));
    r.put("slice", a.shiftRight(w / 2));
    r.put("zext", a);
    r.put("sext", sa.mod(BigInteger.ONE.shiftLeft(w + 7)));
    r.put("andr", bit(a.equals(ones)));
    r.put("orr", bit(a.signum() != 0));
    r.put("xorr", bit(a.bitCount() % 2 == 1));
    r.put("addWide", a.add(b));
    r.put("mulWide", a.multiply(b));
    r.put("neg", sa.negate().mod(mod));
    return r;
  }

  private static BigInteger bit(boolean v) {
    return v ? BigInteger.ONE : BigInteger.ZERO;
  }
}
