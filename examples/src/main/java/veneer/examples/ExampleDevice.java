package veneer.examples;

import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Veneer;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;

/**
 * Opens a device and loads a freshly signed Role image on it, the way the examples start: a
 * new key, a trust store holding only that key, an in-memory rollback policy. (A real host keeps
 * its trust store and rollback state in files: {@code ./veneer load}.)
 *
 * <pre>{@code
 * try (Device dev = ExampleDevice.openWithOverlay("sim:jvm")) { ... }
 * }</pre>
 */
public final class ExampleDevice {
  private ExampleDevice() {}

  /** {@code uri} with the overlay (variant 3) loaded. */
  public static Device openWithOverlay(String uri) throws LoadFailedException {
    return open(uri, ExampleImages.OVERLAY);
  }

  /** {@code uri} with the RTL vector-add Role (variant 1) loaded. */
  public static Device openWithRtlVectorAdd(String uri) throws LoadFailedException {
    return open(uri, ExampleImages.RTL_VECTOR_ADD);
  }

  private static Device open(String uri, int variant) throws LoadFailedException {
    SigningKey key = KeyPairs.generate();
    TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
    Device dev = Veneer.open(uri);
    try {
      byte[] image = variant == ExampleImages.OVERLAY
          ? ExampleImages.overlay(dev.management().shellInterfaceId(), key, 1)
          : ExampleImages.rtlVectorAdd(dev.management().shellInterfaceId(), key, 1);
      dev.management().load(image, trust, RollbackPolicy.inMemory());
      return dev;
    } catch (LoadFailedException | RuntimeException e) {
      dev.close();
      throw e;
    }
  }
}
