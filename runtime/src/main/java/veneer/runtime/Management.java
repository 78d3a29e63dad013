package veneer.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Objects;
import veneer.runtime.image.ImageRejectedException;
import veneer.runtime.image.ImageVerifier;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.TrustStore;
import veneer.runtime.image.VerifiedImage;
import veneer.runtime.link.ConfigurationStatus;
import veneer.runtime.link.Link;

/**
 * The management function (PF0): identity, shell interface id, signed-image loading, status and
 * monitoring counters, and Role reset. It is
 * also the only way for the user side to get an image loaded: {@link User#requestImage} hands
 * the bytes to this side, which decides with its own trust store and {@link ImagePolicy}
 * ({@link #serveUserRequests}); without a policy every request is refused.
 *
 * <pre>{@code
 * VerifiedImage loaded = dev.management().load(Files.readAllBytes(file), trust, rollback);
 * }</pre>
 */
public final class Management {
  private final Link link;
  private int loads;
  private TrustStore requestTrust;
  private RollbackPolicy requestRollback;
  private ImagePolicy requestPolicy;

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

  /** The partition's state and the monitoring counters. */
  public ManagementStatus status() {
    long cfg = link.managementRegister("cfgport_status");
    return new ManagementStatus(link.managementRegister("active_variant"), (cfg & ManagementStatus.STATUS_BUSY) != 0,
        (cfg & ManagementStatus.STATUS_DECOUPLED) != 0, link.managementRegister("loads_ok"),
        link.managementRegister("loads_failed"), link.managementRegister("words_dropped"),
        link.managementRegister("role_dram_reads"), link.managementRegister("role_dram_writes"),
        link.managementRegister("requests_refused"), link.managementRegister("errlog_count"),
        link.managementRegister("cycles"));
  }

  /**
   * Resets the active Role (its registers, state machines and overlay threads) and returns when
   * it is coupled again; the image stays loaded and device memory keeps its contents.
   *
   * @throws IllegalStateException if no Role is loaded
   */
  public void resetRole() {
    long active = link.managementRegister("active_variant");
    if (active == 0) {
      throw new IllegalStateException("no Role is loaded, so there is none to reset; load an image first");
    }
    link.resetRole();
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
    loads++;
    try {
      rollback.recordLoaded(image);
    } catch (IOException e) {
      throw new UncheckedIOException("image loaded but the rollback minimum could not be saved", e);
    }
    return image;
  }

  /**
   * Lets the user function request image loads, decided by {@code policy} after verification
   * against {@code trust} and {@code rollback} (this side's own, never the requester's).
   */
  public synchronized void serveUserRequests(TrustStore trust, RollbackPolicy rollback, ImagePolicy policy) {
    this.requestTrust = Objects.requireNonNull(trust, "trust");
    this.requestRollback = Objects.requireNonNull(rollback, "rollback");
    this.requestPolicy = Objects.requireNonNull(policy, "policy");
  }

  /** Refuses user requests again (the default). */
  public synchronized void stopServingUserRequests() {
    requestTrust = null;
    requestRollback = null;
    requestPolicy = null;
  }

  /** The broker: a request from the user side, verified, decided by the policy and loaded here. */
  synchronized ImageDecision handleUserRequest(byte[] imageFile) {
    if (requestPolicy == null) {
      return ImageDecision.refuse("the management function serves no image requests from the user function"
          + " (no policy is set)");
    }
    VerifiedImage image;
    try {
      image = ImageVerifier.verify(imageFile, shellInterfaceId(), requestTrust, requestRollback);
    } catch (ImageRejectedException e) {
      return ImageDecision.refuse("verification refused the image: " + e.getMessage());
    }
    ImageDecision d = requestPolicy.decide(image);
    if (d == null || !d.accepted()) {
      return d != null ? d : ImageDecision.refuse("the management policy gave no decision");
    }
    try {
      return d.loaded(load(imageFile, requestTrust, requestRollback));
    } catch (LoadFailedException e) {
      return ImageDecision.refuse(e.getMessage());
    }
  }

  /** Images loaded so far (a new one replaces the Role, and with it the overlay's IMEM). */
  synchronized int loads() {
    return loads;
  }
}
