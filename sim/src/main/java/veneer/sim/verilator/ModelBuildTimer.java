package veneer.sim.verilator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How long getting Verilator models took in this JVM: full builds (verilator + C++ compiler)
 * and cache hits, for benchmarks and for tests that must prove that nothing was rebuilt.
 *
 * <pre>{@code
 * Simulators.open(design, Backend.VERILATOR, options).close();
 * ModelBuildTimer.Record r = ModelBuildTimer.last().orElseThrow();
 * System.out.println((r.built() ? "built in " : "cached, loaded in ") + r.elapsed().toMillis() + " ms");
 * }</pre>
 */
public final class ModelBuildTimer {
  private static long builds;
  private static long hits;
  private static long buildNanos;
  private static Record last;

  private ModelBuildTimer() {}

  /**
   * One model acquisition.
   *
   * @param key the content hash that names the model in the cache
   * @param built true if verilator and the C++ compiler ran, false on a cache hit
   * @param elapsed from the start of the lookup (Verilog generation included) to the library on disk
   * @param library the shared library that was loaded
   */
  public record Record(String key, boolean built, Duration elapsed, Path library) {}

  /** Totals since the JVM started. */
  public record Stats(long builds, long cacheHits, Duration totalBuildTime) {}

  static synchronized void record(Record r) {
    last = r;
    if (r.built()) {
      builds++;
      buildNanos += r.elapsed().toNanos();
    } else {
      hits++;
    }
  }

  public static synchronized Stats stats() {
    return new Stats(builds, hits, Duration.ofNanos(buildNanos));
  }

  /** The latest model acquisition of this JVM, if any. */
  public static synchronized Optional<Record> last() {
    return Optional.ofNullable(last);
  }
}
