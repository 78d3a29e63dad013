package veneer.shell.platform.link;

import java.math.BigInteger;
import veneer.runtime.link.ConfigurationStatus;
import veneer.runtime.link.DeviceException;
import veneer.runtime.link.Link;
import veneer.shell.dma.DmaTransferException;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.pr.PrStatus;

/**
 * A {@link Link} over a {@link PlatformDriver}: every call is real TLP traffic through the
 * simulated Shell's endpoint. DMA copies go through the Shell's DMA engine (channels h2c0 and
 * c2h0, rings and staging buffer in host memory, completion by descriptor status write-back);
 * a descriptor the device refuses is a {@link DeviceException} with the {@link
 * veneer.shell.dma.DmaError} code, and the channel is cleared so the next copy works. Role
 * interrupts are waited for as MSI-X messages in the host's interrupt log.
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
  public void resetRole() {
    driver.resetRole();
  }

  @Override
  public long deviceMemoryBytes() {
    return driver.dramBytes();
  }

  @Override
  public void dmaToDevice(long deviceAddress, byte[] data, int offset, int length) {
    try {
      driver.copyToCard(deviceAddress, data, offset, length);
    } catch (DmaTransferException e) {
      throw new DeviceException(e.getMessage(), e.error().code);
    }
  }

  @Override
  public void dmaFromDevice(long deviceAddress, byte[] into, int offset, int length) {
    try {
      driver.copyFromCard(deviceAddress, into, offset, length);
    } catch (DmaTransferException e) {
      throw new DeviceException(e.getMessage(), e.error().code);
    }
  }

  @Override
  public long awaitRoleInterrupt(int line, long maxCycles) {
    return driver.pollRoleInterrupt(line, maxCycles);
  }

  @Override
  public void close() {
    driver.close();
  }
}
