package veneer.runtime.link;

/**
 * What the configuration port said about a load: {@code ok} when the variant is active, else the
 * device's error code and its description.
 *
 * <pre>{@code
 * ConfigurationStatus s = link.streamConfiguration(bits);
 * if (!s.ok()) System.err.println(s.description());
 * }</pre>
 */
public record ConfigurationStatus(boolean ok, int code, String description) {}
