package veneer.sim;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Settings of a simulation run.
 *
 * @param seed the seed for anything random in the run (printed by failing random tests)
 * @param cacheDir where Verilator models are built and cached by content hash
 * @param waves whether the model must be able to dump waves (Verilator builds a tracing model)
 */
public record SimOptions(long seed, Path cacheDir, boolean waves) {

  /** Defaults: seed 1, cache in {@code $VENEER_CACHE}, {@code -Dveneer.cache} or {@code ~/.cache/veneer}. */
  public static SimOptions defaults() {
    return new SimOptions(1, defaultCacheDir(), false);
  }

  public SimOptions withSeed(long s) {
    return new SimOptions(s, cacheDir, waves);
  }

  public SimOptions withWaves(boolean w) {
    return new SimOptions(seed, cacheDir, w);
  }

  public SimOptions withCacheDir(Path dir) {
    return new SimOptions(seed, dir, waves);
  }

  static Path defaultCacheDir() {
    String p = System.getProperty("veneer.cache");
    if (p == null || p.isBlank()) {
      p = System.getenv("VENEER_CACHE");
    }
    if (p == null || p.isBlank()) {
      return Paths.get(System.getProperty("user.home"), ".cache", "veneer");
    }
    return Paths.get(p);
  }
}
