package veneer.shell.platform.link;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.memory.CoalescerConfig;
import veneer.runtime.link.Link;
import veneer.runtime.link.LinkProvider;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * The {@code sim} scheme: {@code sim:jvm} and {@code sim:verilator} open a fresh
 * {@link SimulatedPlatform} (default parameters) on that simulator back end, enumerated with a
 * Max_Payload_Size of 256 bytes. The option {@code overlay=PxT} gives the overlay Role P PEs of
 * T threads instead of {@link OverlayRole#DEFAULT_ARRAY}.
 *
 * <pre>{@code
 * try (Device dev = Veneer.open("sim:verilator")) { ... }
 * try (Device small = Veneer.open("sim:jvm?overlay=2x4")) { ... }
 * }</pre>
 */
public final class SimLinkProvider implements LinkProvider {
  /** The most PEs an overlay option may ask for (the JVM back end has simulated 32). */
  static final int MAX_PES = 64;

  @Override
  public String scheme() {
    return "sim";
  }

  @Override
  public List<String> targets() {
    return List.of("jvm", "verilator");
  }

  @Override
  public Link open(String target, Map<String, String> options) {
    Backend backend;
    if (target.equals("jvm")) {
      backend = Backend.JVM;
    } else if (target.equals("verilator")) {
      backend = Backend.VERILATOR;
    } else {
      throw new IllegalArgumentException("sim target: expected jvm or verilator, found '" + target + "'");
    }
    SimulatedPlatform platform = new SimulatedPlatform(SimulatedPlatform.Params.defaults(overlay(options)));
    PlatformDriver driver = PlatformDriver.open(platform, backend);
    try {
      driver.enumerate();
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
    return new SimLink(driver);
  }

  /**
   * The URI of the simulated device on {@code backend} with the overlay {@code array}
   * ({@code uri(Backend.JVM, OverlayRole.TEST_ARRAY)} is {@code "sim:jvm?overlay=4x8"}).
   *
   * @throws IllegalArgumentException if the {@code overlay=PxT} option cannot give {@code array}
   *     (its memories or coalescer differ from what the option builds)
   */
  public static String uri(Backend backend, ArrayConfig array) {
    String shape = array.pes() + "x" + array.threadsPerPe();
    ArrayConfig built = overlay(Map.of("overlay", shape));
    if (!built.equals(array)) {
      throw new IllegalArgumentException("sim device URI: expected an array that overlay=PxT builds (" + built
          + "), found " + array);
    }
    return "sim:" + backend.name().toLowerCase(Locale.ROOT) + "?overlay=" + shape;
  }

  /** The overlay's shape from the {@code overlay=PxT} option ({@link OverlayRole#DEFAULT_ARRAY} without it). */
  static ArrayConfig overlay(Map<String, String> options) {
    ArrayConfig d = OverlayRole.DEFAULT_ARRAY;
    for (String key : options.keySet()) {
      if (!key.equals("overlay")) {
        throw new IllegalArgumentException("sim device option: expected overlay=PxT (PEs x threads), found option '"
            + key + "'");
      }
    }
    String shape = options.get("overlay");
    if (shape == null) {
      return d;
    }
    Matcher m = Pattern.compile("(\\d{1,3})x(\\d{1,2})").matcher(shape);
    if (!m.matches()) {
      throw new IllegalArgumentException("sim device option overlay: expected PxT such as " + d.pes() + "x"
          + d.threadsPerPe() + " (PEs x threads per PE), found '" + shape + "'");
    }
    int pes = Integer.parseInt(m.group(1));
    int threads = Integer.parseInt(m.group(2));
    if (pes < 1 || pes > MAX_PES || threads < 1 || threads > 16) {
      throw new IllegalArgumentException("sim device option overlay: expected 1 to " + MAX_PES + " PEs of 1 to 16"
          + " threads, found " + pes + " PEs of " + threads + " threads");
    }
    return new ArrayConfig(pes, threads, d.imemWords(), d.spmWords(), CoalescerConfig.forThreads(threads));
  }
}
