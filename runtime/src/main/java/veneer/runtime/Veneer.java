package veneer.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import veneer.runtime.link.Link;
import veneer.runtime.link.LinkProvider;

/**
 * Entry point of the runtime: opens a {@link Device} by URI. {@code sim:jvm} (the default) and
 * {@code sim:verilator} are the simulated platform on the two simulator back ends; their
 * provider lives in the shell-rtl module and must be on the class path.
 *
 * <pre>{@code
 * try (Device dev = Veneer.open("sim:jvm")) {
 *   dev.management().load(imageFile, trust, rollback);
 *   dev.user().write32(0x00, 1);
 * }
 * }</pre>
 */
public final class Veneer {
  /** The URI {@link #open()} uses. */
  public static final String DEFAULT_URI = "sim:jvm";

  private Veneer() {}

  /** Opens {@link #DEFAULT_URI}. */
  public static Device open() {
    return open(DEFAULT_URI);
  }

  /** Opens the device named by {@code uri} ({@code scheme:target}). */
  public static Device open(String uri) {
    Objects.requireNonNull(uri, "uri");
    int colon = uri.indexOf(':');
    List<LinkProvider> providers = new ArrayList<>();
    ServiceLoader.load(LinkProvider.class).forEach(providers::add);
    String scheme = colon < 0 ? uri : uri.substring(0, colon);
    for (LinkProvider p : providers) {
      if (p.scheme().equals(scheme) && colon >= 0 && p.targets().contains(uri.substring(colon + 1))) {
        Link link = p.open(uri.substring(colon + 1));
        return new Device(uri, link);
      }
    }
    throw new IllegalArgumentException("device URI: expected " + known(providers) + ", found '" + uri + "'");
  }

  private static String known(List<LinkProvider> providers) {
    List<String> uris = new ArrayList<>();
    for (LinkProvider p : providers) {
      for (String t : p.targets()) {
        uris.add(p.scheme() + ":" + t);
      }
    }
    if (uris.isEmpty()) {
      return "a URI served by a LinkProvider on the class path (none is; add veneer-shell-rtl for sim:jvm"
          + " and sim:verilator)";
    }
    return String.join(" or ", uris);
  }
}
