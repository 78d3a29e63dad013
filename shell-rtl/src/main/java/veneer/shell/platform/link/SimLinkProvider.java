package veneer.shell.platform.link;

import java.util.List;
import veneer.runtime.link.Link;
import veneer.runtime.link.LinkProvider;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.sim.Backend;

/**
 * The {@code sim} scheme: {@code sim:jvm} and {@code sim:verilator} open a fresh
 * {@link SimulatedPlatform} (default parameters) on that simulator back end, enumerated with a
 * Max_Payload_Size of 256 bytes.
 *
 * <pre>{@code
 * try (Device dev = Veneer.open("sim:verilator")) { ... }
 * }</pre>
 */
public final class SimLinkProvider implements LinkProvider {
  @Override
  public String scheme() {
    return "sim";
  }

  @Override
  public List<String> targets() {
    return List.of("jvm", "verilator");
  }

  @Override
  public Link open(String target) {
    Backend backend;
    if (target.equals("jvm")) {
      backend = Backend.JVM;
    } else if (target.equals("verilator")) {
      backend = Backend.VERILATOR;
    } else {
      throw new IllegalArgumentException("sim target: expected jvm or verilator, found '" + target + "'");
    }
    PlatformDriver driver = PlatformDriver.open(new SimulatedPlatform(), backend);
    try {
      driver.enumerate();
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
    return new SimLink(driver);
  }
}
