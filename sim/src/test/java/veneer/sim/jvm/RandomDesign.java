package veneer.sim.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A random synchronous design built from a seed: inputs, a web of operators of mixed widths
 * (some wider than 64 bits), registers fed back from the web, and a memory with write and
 * read ports. Used to compare the engines, which must agree cycle by cycle.
 */
final class RandomDesign extends Module {
  private final Random rnd;
  private final List<UInt> pool = new ArrayList<>();
  private final List<Bool> bools = new ArrayList<>();
  /** The ports, for a parent that instantiates this design ({@link SharedCodeTest}). */
  final List<UInt> ins = new ArrayList<>();
  final Bool flag;
  final List<UInt> outs = new ArrayList<>();

  RandomDesign(long seed, int ops) {
    super("Random" + seed);
    rnd = new Random(seed);
    for (int i = 0; i < 4; i++) {
      ins.add(input("in" + i, UInt(width())));
      pool.add(ins.get(i));
    }
    flag = input("flag", Bool());
    bools.add(flag);
    List<UInt> regs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      UInt r = i % 2 == 0 ? reg("r" + i, UInt(width()), 0) : reg("r" + i, UInt(width()));
      regs.add(r);
      pool.add(r);
    }
    Mem<Bits> ram = mem("ram", Bits(72), 16);
    UInt rdata = ram.read(pick().resize(4)).asUInt();
    pool.add(rdata);
    pool.add(ram.readSync(pick().resize(4), bool()).asUInt());
    for (int i = 0; i < ops; i++) {
      UInt v = op();
      if (i % 3 == 0) {
        v = v.named("n" + i);
      }
      pool.add(v);
    }
    when(bool(), () -> ram.write(pick().resize(4), pick().resize(72).asBits(), pick().resize(3).asBits()));
    when(bool(), () -> ram.write(pick().resize(4), pick().resize(72).asBits()));
    for (UInt r : regs) {
      when(bool(), () -> r.assign(pick().resize(r.width())));
    }
    for (int i = 0; i < 4; i++) {
      UInt v = pick();
      UInt out = output("out" + i, UInt(v.width()));
      out.assign(v);
      outs.add(out);
    }
    assertThat(pool.get(0).ne(pool.get(0)).not(), "always true");
  }

  private int width() {
    int[] widths = {1, 3, 8, 16, 31, 32, 33, 63, 64, 65, 96, 130};
    return widths[rnd.nextInt(widths.length)];
  }

  private UInt pick() {
    // favour recent values so the web gets deep
    int n = pool.size();
    return pool.get(rnd.nextInt(3) == 0 ? rnd.nextInt(n) : n - 1 - rnd.nextInt(Math.min(n, 8)));
  }

  private Bool bool() {
    if (rnd.nextBoolean() || bools.size() < 3) {
      UInt a = pick();
      Bool b = switch (rnd.nextInt(4)) {
        case 0 -> a.orR();
        case 1 -> a.xorR();
        case 2 -> a.lt(pick());
        default -> a.asSInt().lt(pick().asSInt());
      };
      bools.add(b);
      return b;
    }
    return bools.get(rnd.nextInt(bools.size()));
  }

  private UInt op() {
    UInt a = pick();
    UInt b = pick();
    int w = a.width();
    switch (rnd.nextInt(16)) {
      case 0: return a.add(b);
      case 1: return a.sub(b);
      case 2: return a.mul(b);
      case 3: return a.and(b);
      case 4: return a.or(b);
      case 5: return a.xor(b).not();
      case 6: return a.shl(rnd.nextInt(w + 2));
      case 7: return rnd.nextBoolean() ? a.shr(rnd.nextInt(w + 2)) : a.asSInt().shr(rnd.nextInt(w + 2)).asUInt();
      case 8: return a.shl(b.resize(7));
      case 9: return rnd.nextBoolean() ? a.shr(b.resize(7)) : a.asSInt().shr(b.resize(7)).asUInt();
      case 10: return bool().mux(a, b);
      case 11: return a.width() + b.width() <= 200 ? a.cat(b) : a.not();
      case 12: {
        int lo = rnd.nextInt(w);
        return a.bits(lo + rnd.nextInt(w - lo), lo);
      }
      case 13: return rnd.nextBoolean() ? a.extend(w + 1 + rnd.nextInt(70)) : a.asSInt().extend(w + 1 + rnd.nextInt(70)).asUInt();
      case 14: return bool().asUInt().cat(a.andR(), a.ne(b), a.le(b), a.asSInt().le(b.asSInt()));
      default: return a.addWide(b);
    }
  }
}
