package veneer.sim.bench;

import java.util.Locale;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;
import veneer.sim.Backend;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Measures simulated cycles per second of {@link LfsrAluLanes} on a back end: builds the model,
 * warms it up (so HotSpot has compiled the generated code), then times a fixed number of cycles.
 *
 * <pre>{@code
 * SimBenchmark.Result r = SimBenchmark.run(Backend.JVM, 16, 500_000, 2_000_000);
 * }</pre>
 *
 * {@code ./veneer bench sim} prints it; the checksum must be the same on every back end.
 */
public final class SimBenchmark {
  private SimBenchmark() {}

  /** The result of one measurement. */
  public record Result(Backend backend, int lanes, long cycles, double seconds, long checksum) {
    public double cyclesPerSecond() {
      return cycles / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: %d lanes, %d cycles in %.3f s = %.0f cycles/s (checksum %08x)",
          backend.name().toLowerCase(Locale.ROOT), lanes, cycles, seconds, cyclesPerSecond(), checksum);
    }
  }

  /** Runs {@code warmup} untimed cycles, then {@code cycles} timed ones. */
  public static Result run(Backend backend, int lanes, long warmup, long cycles) {
    return run(backend, lanes, warmup, cycles, SimOptions.defaults());
  }

  /** Like {@link #run(Backend, int, long, long)} with explicit options (cache directory). */
  public static Result run(Backend backend, int lanes, long warmup, long cycles, SimOptions options) {
    Design design = design(lanes);
    try (Simulator sim = Simulators.open(design, backend, options)) {
      sim.reset(2);
      sim.step(warmup);
      long t0 = System.nanoTime();
      sim.step(cycles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result(backend, lanes, cycles, seconds, sim.peek("checksum"));
    }
  }

  /** The reference design of the benchmark: {@code lanes} 32-bit LFSR/ALU lanes with a memory. */
  public static Design design(int lanes) {
    return Elaborator.elaborate(new LfsrAluLanes(lanes, 32));
  }

}
