package veneer.runtime;

import veneer.runtime.link.Link;

/**
 * One opened device: its management function (PF0) and its user function (PF1).
 *
 * <pre>{@code
 * try (Device dev = Veneer.open("sim:jvm")) {
 *   System.out.println(dev.management().shellInterfaceId());
 * }
 * }</pre>
 */
public final class Device implements AutoCloseable {
  private final String uri;
  private final Link link;
  private final Management management;
  private final User user;

  Device(String uri, Link link) {
    this.uri = uri;
    this.link = link;
    this.management = new Management(link);
    this.user = new User(link, management);
  }

  /** The URI this device was opened with. */
  public String uri() {
    return uri;
  }

  /** PF0: identity, interface id, image loading. */
  public Management management() {
    return management;
  }

  /** PF1: buffers, kernels, the Role's control registers, image requests. */
  public User user() {
    return user;
  }

  @Override
  public void close() {
    link.close();
  }
}
