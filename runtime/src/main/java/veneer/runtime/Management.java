package veneer.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import veneer.runtime.image.ImageRejectedException;
import veneer.runtime.image.ImageVerifier;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.TrustStore;
import veneer.runtime.image.VerifiedImage;
import veneer.runtime.link.ConfigurationStatus;
import veneer.runtime.link.Link;

/**
 * The management function (PF0): identity, shell interface id and signed-image loading.
 *
 * <pre>{@code
 * VerifiedImage loaded = dev.management().load(Files.readAllBytes(file), trust, rollback);
 * }</pre>
 */
public final class Management {
  private final Link link;

  Management(Link link) {
    this.link = link;
  }

  /** The Shell's identity word. */
  public long identity() {
    return link.identity();
  }

  /** The shell interface id every image must be built for. */
  public ShellInterfaceId shellInterfaceId() {
    BigInteger id = link.interfaceId();
    return new ShellInterfaceId(id.shiftRight(64).longValue(), id.longValue());
  }

  /** A management register by name (counters, status), for diagnostics. */
  public long register(String name) {
    return link.managementRegister(name);
  }

  /**
   * Verifies {@code imageFile} against this device's interface id, {@code trust} and
   * {@code rollback}; only a verified payload is streamed to the configuration port. The rollback
   * minimum is raised only after the device reports a successful load.
   *
   * @throws LoadFailedException if verification or the device refused the image
   */
  public VerifiedImage load(byte[] imageFile, TrustStore trust, RollbackPolicy rollback) throws LoadFailedException {
    VerifiedImage image;
    try {
      image = ImageVerifier.verify(imageFile, shellInterfaceId(), trust, rollback);
    } catch (ImageRejectedException e) {
      throw new LoadFailedException("image refused before loading: " + e.getMessage(), e.reason(), -1, e);
    }
    ConfigurationStatus status = link.streamConfiguration(image.payload());
    if (!status.ok()) {
      throw new LoadFailedException("the device refused the image (configuration port status " + status.code()
          + ": " + status.description() + ")", null, status.code(), null);
    }
    try {
      rollback.recordLoaded(image);
    } catch (IOException e) {
      throw new UncheckedIOException("image loaded but the rollback minimum could not be saved", e);
    }
    return image;
  }
}
