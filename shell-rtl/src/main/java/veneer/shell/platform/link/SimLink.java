package veneer.shell.platform.link;

import java.math.BigInteger;
import veneer.runtime.link.ConfigurationStatus;
import veneer.runtime.link.Link;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.pr.PrStatus;

/**
 * A {@link Link} over a {@link PlatformDriver}: every call is real TLP traffic through the
 * simulated Shell's endpoint.
 *
 * <pre>{@code
 * Link link = new SimLinkProvider().open("jvm");
 * }</pre>
 */
final class SimLink implements Link {
  private final PlatformDriver driver;

  SimLink(PlatformDriver driver) {
    this.driver = driver;
  }

  @Override
  public long mmioRead(int function, int bar, long offset) {
    return driver.host().mmioRead(checkFunction(function), bar, offset);
  }

  @Override
  public void mmioWrite(int function, int bar, long offset, long value) {
    driver.host().mmioWrite(checkFunction(function), bar, offset, value);
  }

  private static int checkFunction(int function) {
    if (function != PlatformDriver.PF0 && function != PlatformDriver.PF1) {
      throw new IllegalArgumentException("physical function: expected 0 or 1, found " + function);
    }
    return function;
  }

  @Override
  public long identity() {
    return driver.ident();
  }

  @Override
  public BigInteger interfaceId() {
    return driver.interfaceId();
  }

  @Override
  public ConfigurationStatus streamConfiguration(byte[] partialBitstream) {
    PrStatus s = driver.loadImage(partialBitstream);
    return new ConfigurationStatus(s == PrStatus.OK, s.code, s.description);
  }

  @Override
  public long managementRegister(String name) {
    return driver.pf0Read(name);
  }

  @Override
  public void close() {
    driver.close();
  }
}
