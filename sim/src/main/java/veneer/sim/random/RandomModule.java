package veneer.sim.random;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.HdlType;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.Num;
import veneer.hdl.SInt;
import veneer.hdl.UInt;

/**
 * One randomly built module: inputs, constants, registers (with and without reset), memories
 * (asynchronous and registered reads, masked writes), operators of every kind, wires assigned
 * through when/elsewhen/otherwise chains, child instances, and outputs.
 *
 * <p>Combinational loops cannot arise: every combinational value is built only from values that
 * existed before it (a growing pool), a child's inputs are driven from values that existed
 * before the child, and only registers and memory writes may read values made later.
 */
final class RandomModule extends Module {
  private final SplittableRandom rng;
  private final RandomDesignOptions opts;
  private final int level;
  private final List<Data<?>> pool = new ArrayList<>();
  private final List<Runnable> sequentialAtEnd = new ArrayList<>();
  private final List<Data<?>> inputs = new ArrayList<>();
  private final List<Data<?>> outputs = new ArrayList<>();
  private int names;

  /**
   * @param name the module's base name (children of one level share it, so that different
   *     netlists of one "class" get distinct suffixes and equal ones are shared)
   * @param seed everything random in this module comes from it
   * @param level 0 for a generated design, one more per level of children
   */
  RandomModule(String name, long seed, int level, RandomDesignOptions opts) {
    super(name);
    this.rng = new SplittableRandom(seed);
    this.opts = opts;
    this.level = level;
    build();
  }

  /** The data inputs, in declaration order. */
  List<Data<?>> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  /** The data outputs, in declaration order. */
  List<Data<?>> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  private String fresh(String prefix) {
    return prefix + names++;
  }

  // --- the module ---------------------------------------------------------------------------------

  private void build() {
    int nIn = 1 + rng.nextInt(opts.maxInputs());
    for (int i = 0; i < nIn; i++) {
      Data<?> in = input(fresh("i"), randomType());
      inputs.add(in);
      pool.add(in);
    }
    pool.add(constant());
    int nRegs = rng.nextInt(opts.maxRegisters() + 1);
    List<Data<?>> regs = new ArrayList<>();
    for (int i = 0; i < nRegs; i++) {
      Data<?> r = register();
      regs.add(r);
      pool.add(r);
    }
    int nMems = rng.nextInt(opts.maxMemories() + 1);
    for (int i = 0; i < nMems; i++) {
      memory(randomType());
    }
    int nChildren = level < opts.maxDepth() ? rng.nextInt(opts.maxChildren() + 1) : 0;
    int nWires = rng.nextInt(opts.maxWires() + 1);
    // Interleave operators, wires and children so that each can use the others' results.
    List<Integer> steps = new ArrayList<>();
    for (int i = 0; i < opts.opsPerModule(); i++) {
      steps.add(0);
    }
    for (int i = 0; i < nWires; i++) {
      steps.add(1);
    }
    for (int i = 0; i < nChildren; i++) {
      steps.add(2);
    }
    shuffle(steps);
    List<Long> childSeeds = new ArrayList<>();
    for (int step : steps) {
      if (step == 0) {
        pool.add(clamp(operation()));
      } else if (step == 1) {
        pool.add(conditionalWire());
      } else {
        child(childSeeds);
      }
    }
    for (Data<?> r : regs) {
      driveRegister(r);
    }
    for (Runnable r : sequentialAtEnd) {
      r.run();
    }
    int nOut = 1 + rng.nextInt(opts.maxOutputs());
    for (int i = 0; i < nOut; i++) {
      Data<?> o = output(fresh("o"), randomType());
      outputs.add(o);
      if (rng.nextInt(4) == 0) {
        coverWithWhens(o);
      } else {
        assignFrom(o, pickRecent());
      }
    }
  }

  private void child(List<Long> childSeeds) {
    // Sometimes reuse an earlier child's seed: the same netlist, which the design shares.
    long seed = !childSeeds.isEmpty() && rng.nextInt(3) == 0
        ? childSeeds.get(rng.nextInt(childSeeds.size())) : rng.nextLong();
    childSeeds.add(seed);
    RandomModule c = instance(fresh("c"), new RandomModule("RandLevel" + (level + 1), seed, level + 1, opts));
    // Inputs only from values made before the child: its outputs may depend on them combinationally.
    List<Data<?>> before = new ArrayList<>(pool);
    for (Data<?> in : c.inputs()) {
      assignFrom(in, before.get(rng.nextInt(before.size())));
    }
    pool.addAll(c.outputs());
  }

  // --- state --------------------------------------------------------------------------------------

  private Data<?> register() {
    HdlType<?> t = randomType();
    String name = fresh("r");
    if (rng.nextBoolean()) {
      return reg(name, t);
    }
    return reg(name, t, fittingLong(t.kind(), t.width()));
  }

  private void driveRegister(Data<?> r) {
    int shape = rng.nextInt(4);
    if (shape == 0) {
      assignFrom(r, pick());
    } else if (shape == 1) {
      // Keeps its value unless a condition holds.
      when(condition(), () -> assignFrom(r, pick()))
          .elsewhen(condition(), () -> assignFrom(r, pick()));
    } else if (shape == 2) {
      coverWithWhens(r);
    } else {
      // Partly assigned in nested whens; unassigned paths hold the value.
      when(condition(), () -> when(condition(), () -> assignFrom(r, pick())))
          .otherwise(() -> assignFrom(r, pick()));
    }
  }

  private <T extends Data<T>> void memory(HdlType<T> type) {
    int depth = 1 + rng.nextInt(opts.maxMemDepth());
    Mem<T> ram = mem(fresh("m"), type, depth);
    if (rng.nextInt(3) == 0) {
      BigInteger[] init = new BigInteger[1 + rng.nextInt(depth)];
      for (int i = 0; i < init.length; i++) {
        init[i] = randomBits(type.width());
      }
      ram.init(init);
    }
    int reads = 1 + rng.nextInt(3);
    for (int i = 0; i < reads; i++) {
      UInt addr = address(ram);
      int kind = rng.nextInt(4);
      T data;
      if (kind == 0) {
        data = ram.read(addr);
      } else if (kind == 1) {
        data = ram.readSync(addr);
      } else if (kind == 2) {
        data = ram.readSync(addr, condition());
      } else {
        List<T> out = new ArrayList<>();
        when(condition(), () -> out.add(ram.readSync(addr)));
        data = out.get(0);
      }
      pool.add(data);
    }
    int writes = rng.nextInt(3);
    for (int i = 0; i < writes; i++) {
      sequentialAtEnd.add(() -> {
        UInt addr = address(ram);
        T data = convert(pick(), type);
        List<Integer> granules = divisors(type.width());
        Bits mask = rng.nextBoolean() ? null
            : convert(pick(), Bits(type.width() / granules.get(rng.nextInt(granules.size()))));
        Runnable write = () -> {
          if (mask == null) {
            ram.write(addr, data);
          } else {
            ram.write(addr, data, mask);
          }
        };
        if (rng.nextInt(4) == 0) {
          write.run();
        } else {
          when(condition(), write);
        }
      });
    }
  }

  private UInt address(Mem<?> ram) {
    // Mostly in range, sometimes beyond the depth (reads zero, writes dropped).
    Data<?> v = pick();
    return v.asUInt().resize(ram.addrWidth());
  }

  private static List<Integer> divisors(int w) {
    List<Integer> d = new ArrayList<>();
    for (int g = 1; g <= w; g++) {
      if (w % g == 0) {
        d.add(g);
      }
    }
    return d;
  }

  // --- wires and when chains ---------------------------------------------------------------------

  private Data<?> conditionalWire() {
    Data<?> w = wire(fresh("w"), randomType());
    if (rng.nextBoolean()) {
      assignFrom(w, pick());
      when(condition(), () -> assignFrom(w, pick()))
          .elsewhen(condition(), () -> {
            assignFrom(w, pick());
            when(condition(), () -> assignFrom(w, pick()));
          });
    } else {
      coverWithWhens(w);
    }
    return w;
  }

  /** Assigns {@code target} on every path: when / elsewhen (with a nested full when) / otherwise. */
  private void coverWithWhens(Data<?> target) {
    when(condition(), () -> assignFrom(target, pick()))
        .elsewhen(condition(), () -> when(condition(), () -> assignFrom(target, pick()))
            .otherwise(() -> assignFrom(target, pick())))
        .otherwise(() -> assignFrom(target, pick()));
  }

  private Bool condition() {
    return toBool(pick());
  }

  // --- operators ----------------------------------------------------------------------------------

  private Data<?> operation() {
    switch (rng.nextInt(14)) {
      case 0:
        return rng.nextBoolean() ? arith(pick().asUInt(), pick().asUInt()) : arith(pick().asSInt(), pick().asSInt());
      case 1: {
        Data<?> a = pick();
        Data<?> b = pick();
        int k = rng.nextInt(4);
        if (k == 0) {
          return bitwise(a.asUInt(), b.asUInt());
        } else if (k == 1) {
          return bitwise(a.asSInt(), b.asSInt());
        } else if (k == 2) {
          return bitwise(a.asBits(), b.asBits().resize(a.width()));
        }
        return bitwise(toBool(a), toBool(b));
      }
      case 2:
        return pick().not();
      case 3:
        return constantShift(pick());
      case 4: {
        Data<?> a = pick();
        UInt amount = pick().asUInt();
        if (rng.nextInt(4) != 0) {
          amount = amount.resize(1 + rng.nextInt(Math.min(8, opts.maxWidth())));
        }
        int k = rng.nextInt(3);
        if (k == 0) {
          return rng.nextBoolean() ? a.asUInt().shl(amount) : a.asSInt().shl(amount);
        }
        return k == 1 ? a.asUInt().shr(amount) : a.asSInt().shr(amount);
      }
      case 5:
        return comparison();
      case 6:
        return mux();
      case 7: {
        Data<?> a = pick();
        Data<?>[] rest = new Data<?>[1 + rng.nextInt(2)];
        for (int i = 0; i < rest.length; i++) {
          rest[i] = pick();
        }
        return a.cat(rest);
      }
      case 8: {
        Data<?> a = pick();
        int lo = rng.nextInt(a.width());
        int hi = lo + rng.nextInt(a.width() - lo);
        return rng.nextInt(3) == 0 ? a.bit(hi) : a.bits(hi, lo);
      }
      case 9:
        return resize(pick());
      case 10: {
        Data<?> a = pick();
        int k = rng.nextInt(3);
        return k == 0 ? a.andR() : k == 1 ? a.orR() : a.xorR();
      }
      case 11:
        return pick().asSInt().neg();
      case 12:
        return constant();
      default: {
        Data<?> a = pick();
        return rng.nextInt(4) == 0 ? a.named(fresh("n")) : a.asUInt().add(fittingLong(HdlType.Kind.UINT, a.width()));
      }
    }
  }

  private <T extends Num<T>> T arith(T a, T b) {
    switch (rng.nextInt(7)) {
      case 0:
        return a.add(b);
      case 1:
        return a.sub(b);
      case 2:
        return a.mul(b);
      case 3:
        return a.addWide(b);
      case 4:
        return a.subWide(b);
      case 5:
        return a.mulWide(b);
      default:
        return a.sub(fittingLong(a.type().kind(), a.width()));
    }
  }

  private <T extends Data<T>> T bitwise(T a, T b) {
    int k = rng.nextInt(3);
    return k == 0 ? a.and(b) : k == 1 ? a.or(b) : a.xor(b);
  }

  private Data<?> constantShift(Data<?> a) {
    int n = rng.nextInt(a.width() + 2);
    switch (rng.nextInt(4)) {
      case 0:
        return a.shl(n);
      case 1:
        return a.asUInt().shr(n);
      case 2:
        return a.asSInt().shr(n);
      default:
        return a instanceof Bool ? a.asUInt().shlWide(Math.min(n, 8)) : a.shlWide(Math.min(n, 8));
    }
  }

  private Bool comparison() {
    Data<?> a = pick();
    Data<?> b = pick();
    int k = rng.nextInt(6);
    boolean signed = rng.nextBoolean();
    if (rng.nextInt(4) == 0) {
      long c = fittingLong(signed ? HdlType.Kind.SINT : HdlType.Kind.UINT, a.width());
      return signed ? compare(a.asSInt(), c, k) : compare(a.asUInt(), c, k);
    }
    if (k >= 4 && rng.nextBoolean()) {
      Bits x = a.asBits();
      Bits y = b.asBits().resize(x.width());
      return k == 4 ? x.eq(y) : x.ne(y);
    }
    return signed ? compare(a.asSInt(), b.asSInt(), k) : compare(a.asUInt(), b.asUInt(), k);
  }

  private static <T extends Num<T>> Bool compare(T a, T b, int k) {
    switch (k) {
      case 0:
        return a.lt(b);
      case 1:
        return a.le(b);
      case 2:
        return a.gt(b);
      case 3:
        return a.ge(b);
      case 4:
        return a.eq(b);
      default:
        return a.ne(b);
    }
  }

  private static <T extends Num<T>> Bool compare(T a, long b, int k) {
    switch (k) {
      case 0:
        return a.lt(b);
      case 1:
        return a.le(b);
      case 2:
        return a.gt(b);
      case 3:
        return a.ge(b);
      case 4:
        return a.eq(b);
      default:
        return a.ne(b);
    }
  }

  private Data<?> mux() {
    Bool sel = condition();
    Data<?> a = pick();
    Data<?> b = pick();
    switch (rng.nextInt(5)) {
      case 0:
        return sel.mux(a.asUInt(), b.asUInt());
      case 1:
        return sel.mux(a.asSInt(), b.asSInt());
      case 2:
        return sel.mux(a.asBits(), b.asBits().resize(a.width()));
      case 3:
        return sel.mux(toBool(a), toBool(b));
      default:
        return sel.mux(a.asUInt(), fittingLong(HdlType.Kind.UINT, a.width()));
    }
  }

  private Data<?> resize(Data<?> a) {
    int w = randomWidth();
    int k = rng.nextInt(3);
    Data<?> v = k == 0 ? a.asUInt() : k == 1 ? a.asSInt() : a.asBits();
    if (w >= v.width()) {
      return v.extend(w);
    }
    return rng.nextBoolean() ? v.truncate(w) : v.resize(w);
  }

  private Data<?> constant() {
    HdlType<?> t = randomType();
    if (t.width() > 62 && t.kind() != HdlType.Kind.SINT && rng.nextBoolean()) {
      return lit(randomBits(t.width()), t);
    }
    return lit(fittingLong(t.kind(), t.width()), t);
  }

  /** Keeps widths within the limit: a too-wide result is cut to a random allowed width. */
  private Data<?> clamp(Data<?> v) {
    if (v.width() <= opts.maxWidth()) {
      return v;
    }
    return v.truncate(1 + rng.nextInt(opts.maxWidth()));
  }

  // --- conversions ----------------------------------------------------------------------------

  private Bool toBool(Data<?> v) {
    if (v instanceof Bool b) {
      return b;
    }
    return rng.nextBoolean() ? v.orR() : v.bit(rng.nextInt(v.width()));
  }

  /** {@code v} as a value of {@code type}: same bits reinterpreted, then extended or cut. */
  @SuppressWarnings("unchecked")
  private <T extends Data<T>> T convert(Data<?> v, HdlType<T> type) {
    int w = type.width();
    Data<?> r;
    switch (type.kind()) {
      case UINT:
        r = v.asUInt().resize(w);
        break;
      case SINT:
        r = v.asSInt().resize(w);
        break;
      case BITS:
        r = v.asBits().resize(w);
        break;
      default:
        r = toBool(v);
        break;
    }
    return (T) r;
  }

  /** Assigns {@code src} to {@code target}; sometimes narrower, to exercise assign's extension. */
  private <T extends Data<T>> void assignFrom(Data<T> target, Data<?> src) {
    HdlType<T> t = target.type();
    if (t.kind() != HdlType.Kind.BOOL && t.width() > 1 && rng.nextInt(5) == 0) {
      int narrower = 1 + rng.nextInt(t.width() - 1);
      target.assign(convert(src, narrowType(t, narrower)));
      return;
    }
    if (rng.nextInt(10) == 0) {
      target.assign(fittingLong(t.kind(), t.width()));
      return;
    }
    target.assign(convert(src, t));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Data<T>> HdlType<T> narrowType(HdlType<T> t, int w) {
    switch (t.kind()) {
      case UINT:
        return (HdlType<T>) HdlType.uint(w);
      case SINT:
        return (HdlType<T>) HdlType.sint(w);
      default:
        return (HdlType<T>) HdlType.bits(w);
    }
  }

  // --- random choices -------------------------------------------------------------------------

  private Data<?> pick() {
    return pool.get(rng.nextInt(pool.size()));
  }

  /** Mostly one of the latest values, so that outputs see deep logic. */
  private Data<?> pickRecent() {
    int window = Math.min(pool.size(), 8);
    return rng.nextInt(4) == 0 ? pick() : pool.get(pool.size() - 1 - rng.nextInt(window));
  }

  private HdlType<?> randomType() {
    int w = randomWidth();
    switch (rng.nextInt(w == 1 ? 5 : 4)) {
      case 0:
        return UInt(w);
      case 1:
        return SInt(w);
      case 2:
        return Bits(w);
      case 3:
        return rng.nextBoolean() ? UInt(w) : SInt(w);
      default:
        return Bool();
    }
  }

  /** Widths that find bugs: 1, small, around 32, 64 and 128, and anything up to the limit. */
  private int randomWidth() {
    int[] favourites = {1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 127, 128, 129, 130};
    int w;
    if (rng.nextBoolean()) {
      w = favourites[rng.nextInt(favourites.length)];
    } else if (rng.nextBoolean()) {
      w = 1 + rng.nextInt(Math.min(16, opts.maxWidth()));
    } else {
      w = 1 + rng.nextInt(opts.maxWidth());
    }
    return Math.min(w, opts.maxWidth());
  }

  /** A long that fits a {@code w}-bit value of {@code kind}. */
  private long fittingLong(HdlType.Kind kind, int w) {
    if (kind == HdlType.Kind.BOOL) {
      return rng.nextInt(2);
    }
    if (kind == HdlType.Kind.SINT) {
      if (w >= 64) {
        return rng.nextLong();
      }
      long half = 1L << (w - 1);
      return rng.nextLong(-half, half);
    }
    if (w >= 63) {
      return rng.nextLong() & Long.MAX_VALUE;
    }
    return rng.nextLong(1L << w);
  }

  private BigInteger randomBits(int w) {
    BigInteger v = BigInteger.ZERO;
    for (int have = 0; have < w; have += 64) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(rng.nextLong())));
    }
    return v.and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
  }

  private void shuffle(List<Integer> l) {
    for (int i = l.size() - 1; i > 0; i--) {
      Collections.swap(l, i, rng.nextInt(i + 1));
    }
  }
}
