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
 * java -cp ... veneer.sim.bench.SimBenchmark jvm 16 2000000
 * }</pre>
 *
 * Prints one line: back end, lanes, cycles, seconds, cycles per second, and the checksum (which
 * must be the same on every back end).
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
    Design design = Elaborator.elaborate(new LfsrAluLanes(lanes, 32));
    try (Simulator sim = Simulators.open(design, backend, SimOptions.defaults())) {
      sim.reset(2);
      sim.step(warmup);
      long t0 = System.nanoTime();
      sim.step(cycles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result(backend, lanes, cycles, seconds, sim.peek("checksum"));
    }
  }

  /** Arguments: back end (jvm or verilator, default jvm), lanes (16), cycles (2000000). */
  public static void main(String[] args) {
    Backend backend = args.length > 0 ? Backend.parse(args[0]) : Backend.JVM;
    int lanes = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    long cycles = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
    System.out.println(run(backend, lanes, Math.max(cycles / 4, 100_000), cycles));
  }
}
