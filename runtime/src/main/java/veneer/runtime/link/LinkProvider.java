package veneer.runtime.link;

import java.util.List;
import java.util.Map;

/**
 * Opens {@link Link}s for one URI scheme. Registered in
 * {@code META-INF/services/veneer.runtime.link.LinkProvider} and found with
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class SimLinkProvider implements LinkProvider {
 *   public String scheme() { return "sim"; }
 *   public Link open(String target, Map<String, String> options) { ... }   // "jvm" or "verilator"
 * }
 * }</pre>
 */
public interface LinkProvider {
  /** The URI scheme this provider serves, such as {@code "sim"}. */
  String scheme();

  /** The targets it accepts after the scheme, for error messages, such as {@code ["jvm", "verilator"]}. */
  List<String> targets();

  /**
   * Opens the device named by {@code target} (the part of the URI after {@code scheme:} and before
   * any {@code ?}), with the URI's {@code key=value} options in their order; an option the
   * provider does not know is an {@link IllegalArgumentException} naming the ones it knows.
   */
  Link open(String target, Map<String, String> options);
}
