package veneer.cli;

import veneer.examples.ExampleImages;
import veneer.examples.ExampleOutcome;
import veneer.examples.Examples;
import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Management;
import veneer.runtime.Veneer;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;

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
    SigningKey key = KeyPairs.generate();
    TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
    long t0 = System.nanoTime();
    try (Device dev = Veneer.open("sim:" + backend + "?overlay=" + shape)) {
      long openNanos = System.nanoTime() - t0;
      Management pf0 = dev.management();
      byte[] image = ExampleImages.overlay(pf0.shellInterfaceId(), key, 1);
      long c0 = pf0.register("cycles");
      long t1 = System.nanoTime();
      pf0.load(image, trust, RollbackPolicy.inMemory());
      long loadNanos = System.nanoTime() - t1;
      long loadCycles = cyclesSince(pf0, c0);
      long[] cycles = new long[2];
      long[] nanos = new long[2];
      for (int i = 0; i < 2; i++) {
        long c = pf0.register("cycles");
        long t = System.nanoTime();
        ExampleOutcome o = Examples.vectorAdd(vectorLength, EndToEndRun.SEED + i).run(dev.user());
        nanos[i] = System.nanoTime() - t;
        cycles[i] = cyclesSince(pf0, c);
        if (!o.matches()) {
          throw new IllegalStateException("the vector add on " + shape + " differs from the JVM: " + o.detail());
        }
      }
      return new PlatformSimRun(shape, openNanos, loadCycles, loadNanos, cycles, nanos);
    }
  }

  private static long cyclesSince(Management pf0, long before) {
    return (pf0.register("cycles") - before) & 0xFFFF_FFFFL;
  }
}
