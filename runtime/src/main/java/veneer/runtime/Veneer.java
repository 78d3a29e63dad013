package veneer.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import veneer.runtime.link.Link;
import veneer.runtime.link.LinkProvider;

/**
 * Entry point of the runtime: opens a {@link Device} by URI, {@code scheme:target} with optional
 * {@code ?key=value&key=value} options. {@code sim:jvm} (the default) and {@code sim:verilator}
 * are the simulated platform on the two simulator back ends ({@code sim:jvm?overlay=16x8}: an
 * overlay of 16 PEs of 8 threads); their provider lives in the shell-rtl module and must be on
 * the class path.
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
    String rest = colon < 0 ? "" : uri.substring(colon + 1);
    int question = rest.indexOf('?');
    String target = question < 0 ? rest : rest.substring(0, question);
    for (LinkProvider p : providers) {
      if (p.scheme().equals(scheme) && colon >= 0 && p.targets().contains(target)) {
        Link link = p.open(target, options(uri, question < 0 ? "" : rest.substring(question + 1)));
        return new Device(uri, link);
      }
    }
    throw new IllegalArgumentException("device URI: expected " + known(providers) + ", found '" + uri + "'");
  }

  /** The {@code key=value&...} options of {@code uri}, in their order; each key at most once. */
  private static Map<String, String> options(String uri, String query) {
    Map<String, String> options = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return options;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException("device URI '" + uri + "': expected options as key=value separated by &,"
            + " found '" + pair + "'");
      }
      if (options.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("device URI '" + uri + "': option " + pair.substring(0, eq)
            + " is given twice");
      }
    }
    return options;
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
