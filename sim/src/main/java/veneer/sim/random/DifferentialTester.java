package veneer.sim.random;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Port;
import veneer.sim.Backend;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Runs random designs on two back ends with the same seeded random inputs (and reset pulses)
 * and compares every output in every cycle. Designs go in batches under one top
 * ({@link RandomBatch}), so a Verilator build serves many designs.
 *
 * <pre>{@code
 * new DifferentialTester(new RandomDesignGenerator(seed, RandomDesignOptions.defaults()), Path.of("target/diff"))
 *     .run(200, 25, 2000);      // 200 designs, 8 builds, 2000 cycles each
 * }</pre>
 */
public final class DifferentialTester {
  /** Opens a simulation; replaceable so the comparison itself can be tested. */
  public interface Opener {
    Simulator open(Design design, Backend backend, SimOptions options);
  }

  private final RandomDesignGenerator gen;
  private final Path dumpDir;
  private Opener opener = Simulators::open;
  private Backend first = Backend.JVM;
  private Backend second = Backend.VERILATOR;
  private Function<Design, Map<String, String>> verilog;

  public DifferentialTester(RandomDesignGenerator gen, Path dumpDir) {
    this.gen = gen;
    this.dumpDir = dumpDir;
  }

  public DifferentialTester opener(Opener o) {
    this.opener = o;
    return this;
  }

  public DifferentialTester backends(Backend a, Backend b) {
    this.first = a;
    this.second = b;
    return this;
  }

  /** How to get a design's Verilog files (name -> text) for the dump on a mismatch. */
  public DifferentialTester verilog(Function<Design, Map<String, String>> emitter) {
    this.verilog = emitter;
    return this;
  }

  /** Designs 0 to {@code designs - 1}, {@code perBuild} per batch, {@code cycles} cycles each. */
  public void run(int designs, int perBuild, int cycles) {
    for (int start = 0; start < designs; start += perBuild) {
      runBatch(start, Math.min(perBuild, designs - start), cycles);
    }
  }

  /** One batch of designs under one top. */
  public void runBatch(int firstDesign, int count, int cycles) {
    RandomBatch top = gen.batch(firstDesign, count);
    Design design = Elaborator.elaborate(top);
    SimOptions options = SimOptions.defaults().withSeed(gen.seed());
    List<Port> inputs = new ArrayList<>();
    List<Port> outputs = new ArrayList<>();
    for (Port p : design.top().ports()) {
      if (p.kind() == Port.Kind.DATA) {
        (p.isInput() ? inputs : outputs).add(p);
      }
    }
    boolean hasReset = design.top().port("reset").isPresent();
    SplittableRandom rng = new SplittableRandom(gen.seed() * 31 + firstDesign);
    try (Simulator a = opener.open(design, first, options); Simulator b = opener.open(design, second, options)) {
      int resetLeft = 2;
      for (long cycle = 0; cycle <= cycles; cycle++) {
        if (hasReset) {
          if (resetLeft == 0 && rng.nextInt(300) == 0) {
            resetLeft = 1 + rng.nextInt(3);
          }
          int r = resetLeft > 0 ? 1 : 0;
          a.poke("reset", r);
          b.poke("reset", r);
          resetLeft = Math.max(0, resetLeft - 1);
        }
        for (Port p : inputs) {
          BigInteger v = stimulus(rng, p.width());
          a.poke(p.name(), v);
          b.poke(p.name(), v);
        }
        for (Port p : outputs) {
          BigInteger va = a.peekWide(p.name());
          BigInteger vb = b.peekWide(p.name());
          if (!va.equals(vb)) {
            int idx = RandomBatch.designIndexOf(p.name());
            throw new DifferentialMismatch(gen.seed(), idx, cycle, p.name(), first.name(), va, second.name(), vb,
                dump(idx));
          }
        }
        if (cycle < cycles) {
          a.step();
          b.step();
        }
      }
    }
  }

  /** Random values with a bias towards the corner cases: 0, all ones, one bit, the sign bit. */
  private static BigInteger stimulus(SplittableRandom rng, int width) {
    BigInteger ones = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    switch (rng.nextInt(8)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return ones;
      case 2:
        return BigInteger.ONE.shiftLeft(rng.nextInt(width));
      case 3:
        return BigInteger.ONE.shiftLeft(width - 1);
      default: {
        BigInteger v = BigInteger.ZERO;
        for (int have = 0; have < width; have += 63) {
          v = v.shiftLeft(63).or(BigInteger.valueOf(rng.nextLong() & Long.MAX_VALUE));
        }
        return v.and(ones);
      }
    }
  }

  /** Writes design {@code index} alone (IR text, and Verilog if an emitter is set) for reproduction. */
  Path dump(int index) {
    Path dir = dumpDir.resolve("seed-" + gen.seed() + "-design-" + index);
    try {
      Files.createDirectories(dir);
      Module m = gen.design(index);
      Design d = Elaborator.elaborate(m);
      Files.writeString(dir.resolve("design.ir.txt"), DesignText.of(d));
      if (verilog != null) {
        for (Map.Entry<String, String> f : verilog.apply(d).entrySet()) {
          Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
      }
      Files.writeString(dir.resolve("README.txt"), "new RandomDesignGenerator(" + gen.seed() + "L, " + gen.options()
          + ").design(" + index + ")\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot dump the failing design to " + dir, e);
    }
    return dir;
  }
}
