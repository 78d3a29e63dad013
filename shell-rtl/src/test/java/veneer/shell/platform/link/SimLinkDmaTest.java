package veneer.shell.platform.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import veneer.runtime.Veneer;
import veneer.runtime.link.DeviceException;
import veneer.runtime.link.Link;
import veneer.runtime.link.LinkProvider;
import veneer.shell.dma.DmaError;
import veneer.shell.platform.RegisterRole;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * The Link's DMA and interrupt methods on {@code sim:jvm} and {@code sim:verilator}, through the
 * provider {@link Veneer#open} uses (found with the {@link ServiceLoader}, as Veneer finds it):
 * a mebibyte of random bytes to device DRAM and back through the Shell's DMA engine, a refused
 * transfer, and a Role interrupt as an MSI-X message.
 */
class SimLinkDmaTest {
  /**
   * Opens {@code sim:<target>?overlay=} with the tests' overlay ({@link OverlayRole#TEST_ARRAY}) the
   * way {@link Veneer#open(String)} does, keeping the {@link Link}.
   */
  static Link open(String target) {
    for (LinkProvider p : ServiceLoader.load(LinkProvider.class)) {
      if (p.scheme().equals("sim")) {
        return p.open(target, Map.of("overlay", SHAPE));
      }
    }
    throw new AssertionError("no LinkProvider for the sim scheme on the class path");
  }

  private static final String SHAPE = OverlayRole.TEST_ARRAY.pes() + "x" + OverlayRole.TEST_ARRAY.threadsPerPe();

  static String target(Backend b) {
    return b == Backend.JVM ? "jvm" : "verilator";
  }

  @BackendTest
  void aMebibyteOfRandomBytesGoesToDeviceDramAndBack(Backend backend) {
    long seed = new Random().nextLong();
    Random rnd = new Random(seed);
    int n = (1 << 20) + 4 + rnd.nextInt(60);          // a mebibyte and some, ending inside a 64-byte line
    long address = 0x40 * (1 + rnd.nextInt(64)) + 12;   // starting inside one
    byte[] data = new byte[n];
    rnd.nextBytes(data);
    try (Link link = open(target(backend))) {
      assertEquals(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY).shell().dram().totalBytes(), link.deviceMemoryBytes());
      assertTrue(link.deviceMemoryBytes() >= address + n, "the platform's DRAM holds the buffer");
      link.dmaToDevice(address, data, 0, n);
      byte[] back = new byte[n + 8];
      link.dmaFromDevice(address, back, 4, n);
      byte[] expected = new byte[n + 8];
      System.arraycopy(data, 0, expected, 4, n);
      assertArrayEquals(expected, back, "seed " + seed + ", " + n + " bytes at 0x" + Long.toHexString(address));
      // the bytes around the buffer's partial lines were kept (read-modify-write of the edge lines)
      byte[] edge = new byte[8];
      link.dmaFromDevice(address - 4, edge, 0, 8);
      assertArrayEquals(new byte[] {0, 0, 0, 0, data[0], data[1], data[2], data[3]}, edge, "seed " + seed);
    }
  }

  @Test
  void aTransferOutsideDramIsADeviceExceptionAndTheDeviceKeepsWorking() {
    try (Link link = open("jvm")) {
      long dram = link.deviceMemoryBytes();
      byte[] data = new byte[256];
      new Random(7).nextBytes(data);
      DeviceException e = assertThrows(DeviceException.class, () -> link.dmaToDevice(dram - 128, data, 0, 256));
      assertEquals(DmaError.OUTSIDE_DRAM.code, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("DMA host to card of 256 bytes at device address 0x" + Long.toHexString(dram
          - 128) + " refused by channel h2c0: OUTSIDE_DRAM"), e.getMessage());
      assertTrue(e.getMessage().contains("Device DRAM is 0x0-0x" + Long.toHexString(dram - 1)), e.getMessage());
      DeviceException r = assertThrows(DeviceException.class, () -> link.dmaFromDevice(1L << 40, new byte[64], 0, 64));
      assertTrue(r.getMessage().contains("card to host") && r.getMessage().contains("c2h0"), r.getMessage());

      link.dmaToDevice(dram - 256, data, 0, 256);
      byte[] back = new byte[256];
      link.dmaFromDevice(dram - 256, back, 0, 256);
      assertArrayEquals(data, back, "both channels work after their refusals");
    }
  }

  @Test
  void aRoleInterruptArrivesAsAnMsixMessage() {
    try (Link link = open("jvm")) {
      assertEquals(-1, link.awaitRoleInterrupt(0, 2_000), "nothing loaded, no interrupt: -1 after the wait");
      byte[] image = veneer.runtime.image.PartialBitstream.builder().variantId(SimulatedPlatform.REGISTERS)
          .shellInterfaceId(SignedImages.SHELL_ID).data(new byte[64]).build().toBytes();
      assertTrue(link.streamConfiguration(image).ok());
      link.mmioWrite(1, 0, RegisterRole.IRQ, 1);
      long waited = link.awaitRoleInterrupt(0, 10_000);
      assertTrue(waited >= 0 && waited < 1_000, "waited " + waited + " cycles");
      assertEquals(-1, link.awaitRoleInterrupt(0, 2_000), "a line held high interrupts once");
      link.mmioWrite(1, 0, RegisterRole.IRQ, 0);
      link.mmioWrite(1, 0, RegisterRole.IRQ, 1);
      assertTrue(link.awaitRoleInterrupt(0, 10_000) >= 0, "lowered and raised: another message");
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> link.awaitRoleInterrupt(5, 10));
      assertEquals("the Role has interrupt lines 0 to 0, found 5", bad.getMessage());
    }
  }
}
