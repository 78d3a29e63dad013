package veneer.cli;

import veneer.examples.ExampleOutcome;
import veneer.examples.Examples;
import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Management;
import veneer.runtime.Veneer;

/**
 * Simulator speed on the whole simulated platform ({@code bench sim --design platform}): opens
 * {@code sim:<backend>?overlay=<shape>} (elaboration, model build, reset, enumeration), loads a
 * signed overlay image through PF0, then runs the vector-add example through the runtime twice
 * (the first run also pays for HotSpot compiling the model's code; the second shows the warmed-up
 * speed). Device cycles come from PF0's free-running {@code cycles} register.
 *
 * <pre>{@code
 * PlatformSimRun r = PlatformSimRun.measure("jvm", "16x8", 2048);
 * System.out.println(r.cyclesPerSecond(1) + " simulated cycles per second, warmed up");
 * }</pre>
 *
 * @param shape the overlay, PEs x threads
 * @param openNanos wall time of {@link Veneer#open}: elaboration, flattening, compilation, reset, enumeration
 * @param loadCycles device cycles of the image load
 * @param loadNanos wall time of the image load
 * @param runCycles device cycles of each vector-add run
 * @param runNanos wall time of each vector-add run (kernel compile included, a few milliseconds)
 */
record PlatformSimRun(String shape, long openNanos, long loadCycles, long loadNanos, long[] runCycles, long[] runNanos) {

  /** Simulated cycles per wall-clock second of vector-add run {@code i} (0 or 1). */
  double cyclesPerSecond(int i) {
    return runCycles[i] / (runNanos[i] / 1e9);
  }

  /** Simulated cycles per wall-clock second of the image load. */
  double loadCyclesPerSecond() {
    return loadCycles / (loadNanos / 1e9);
  }

  static PlatformSimRun measure(String backend, String shape, int vectorLength) throws LoadFailedException {
    long t0 = System.nanoTime();
    try (Device dev = Veneer.open("sim:" + backend + "?overlay=" + shape)) {
      long openNanos = System.nanoTime() - t0;
      Management pf0 = dev.management();
      TimedCall load = TimedCall.signedOverlayLoad(pf0);
      long[] cycles = new long[2];
      long[] nanos = new long[2];
      for (int i = 0; i < 2; i++) {
        Examples.Case c = Examples.vectorAdd(vectorLength, EndToEndRun.SEED + i);
        ExampleOutcome[] o = new ExampleOutcome[1];
        TimedCall run = TimedCall.of(pf0, () -> o[0] = c.run(dev.user()));
        cycles[i] = run.cycles();
        nanos[i] = run.nanos();
        if (!o[0].matches()) {
          throw new IllegalStateException("the vector add on " + shape + " differs from the JVM: " + o[0].detail());
        }
      }
      return new PlatformSimRun(shape, openNanos, load.cycles(), load.nanos(), cycles, nanos);
    }
  }
}
