package veneer.cli;

import veneer.examples.ExampleImages;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Management;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;

/**
 * What one call on a device cost, for the benches: device cycles from PF0's free-running
 * 32-bit {@code cycles} register read just before and just after (so one MMIO read round trip
 * is included; counted modulo 2^32), and wall-clock nanoseconds.
 *
 * <pre>{@code
 * TimedCall load = TimedCall.signedOverlayLoad(dev.management());
 * TimedCall run = TimedCall.of(dev.management(), () -> kernel.launch(WorkRange.of(n), a));
 * }</pre>
 *
 * @param cycles device cycles
 * @param nanos wall-clock nanoseconds
 * @param imageBytes the signed image's size, for {@link #signedOverlayLoad} (0 otherwise)
 */
record TimedCall(long cycles, long nanos, int imageBytes) {
  /** Work on the device; {@code E} is what it may throw (an image load's {@link LoadFailedException}). */
  interface Work<E extends Exception> {
    void run() throws E;
  }

  /** Times {@code work}. */
  static <E extends Exception> TimedCall of(Management pf0, Work<E> work) throws E {
    long c0 = pf0.register("cycles");
    long t0 = System.nanoTime();
    work.run();
    long nanos = System.nanoTime() - t0;
    return new TimedCall((pf0.register("cycles") - c0) & 0xFFFF_FFFFL, nanos, 0);
  }

  /** Signs the overlay image with a fresh key and times its load through PF0 (verification included). */
  static TimedCall signedOverlayLoad(Management pf0) throws LoadFailedException {
    SigningKey key = KeyPairs.generate();
    TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
    byte[] image = ExampleImages.overlay(pf0.shellInterfaceId(), key, 1);
    TimedCall t = of(pf0, () -> pf0.load(image, trust, RollbackPolicy.inMemory()));
    return new TimedCall(t.cycles(), t.nanos(), image.length);
  }
}
