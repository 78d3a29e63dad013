package veneer.shell.msix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ShellInterfaceId;
import veneer.shell.ShellConfig;
import veneer.shell.ShellLayout;
import veneer.shell.dma.DmaDriver;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.pcie.ConfigSpace;
import veneer.shell.pcie.MsixCapability;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.RegisterRole;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/** MSI-X of PF1 in the assembled Shell: delivery, per-vector and function masking, pending bits, delivery on unmask, Role lines. */
class MsixTest {
  static HostDriver open() {
    return open(Backend.JVM);
  }

  static HostDriver open(Backend backend) {
    return openPlatform(backend).host();
  }

  /** The default simulated platform (every protocol checker attached), enumerated. */
  static PlatformDriver openPlatform(Backend backend) {
    PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), backend);
    dev.enumerate();
    return dev;
  }

  static void userIrq(HostDriver host, long bits) {
    host.mmioWrite(1, 2, UserRegisters.MAP.offsetOf("user_irq"), bits);
    host.simulator().step(400);
  }

  static HostDriver.Interrupt msg(long offset, long data) {
    return new HostDriver.Interrupt(RootComplex.MSI_BASE + offset, data);
  }

  @Test
  void pf1HasTheMsixCapabilityPointingAtTheTableAndPf0HasNone() {
    try (HostDriver host = open()) {
      assertEquals(MsixCapability.OFFSET, (host.configRead(1, ConfigSpace.PCIE_CAP) >>> 8) & 0xFF, "next capability");
      assertEquals(0, (host.configRead(0, ConfigSpace.PCIE_CAP) >>> 8) & 0xFF, "PF0 has no MSI-X");
      long dw0 = host.configRead(1, MsixCapability.OFFSET);
      assertEquals(MsixCapability.ID, dw0 & 0xFF);
      assertEquals(0, (dw0 >>> 8) & 0xFF, "last capability");
      assertEquals(MsixRegisters.VECTORS - 1, (dw0 >>> 16) & 0x7FF, "table size");
      assertEquals(0, dw0 >>> 30, "disabled and unmasked after reset");
      assertEquals(MsixRegisters.TABLE_OFFSET | ShellLayout.DMA_BAR, host.configRead(1, MsixCapability.OFFSET + 4));
      assertEquals(MsixRegisters.PBA_OFFSET | ShellLayout.DMA_BAR, host.configRead(1, MsixCapability.OFFSET + 8));
      new DmaDriver(host).msix(true, true);
      assertEquals(3, host.configRead(1, MsixCapability.OFFSET) >>> 30, "enable and function mask are writable");
      assertEquals(MsixRegisters.VECTORS - 1, (host.configRead(1, MsixCapability.OFFSET) >>> 16) & 0x7FF,
          "table size is read-only");
    }
  }

  @Test
  void tableLayoutAndResetState() {
    try (HostDriver host = open()) {
      long base = MsixRegisters.TABLE_OFFSET;
      int bar = ShellLayout.DMA_BAR;
      for (int v = 0; v < MsixRegisters.VECTORS; v++) {
        assertEquals(1, host.mmioRead(1, bar, base + 16L * v + 12), "vector " + v + " is masked after reset");
      }
      host.mmioWrite(1, bar, base + 16 * 5, 0xFEE0_1234L);
      host.mmioWrite(1, bar, base + 16 * 5 + 4, 0);
      host.mmioWrite(1, bar, base + 16 * 5 + 8, 0xCAFE);
      assertEquals(0xFEE0_1234L, host.mmioRead(1, bar, base + 16 * 5));
      assertEquals(0xCAFE, host.mmioRead(1, bar, base + 16 * 5 + 8));
      assertEquals(0, host.mmioRead(1, bar, MsixRegisters.PBA_OFFSET));
    }
  }

  @BackendTest
  void userInterruptsAreDeliveredMaskedVectorsStayPendingUntilUnmasked(Backend backend) {
    try (HostDriver host = open(backend)) {
      DmaDriver d = new DmaDriver(host);
      int u0 = MsixRegisters.USER_VECTOR_BASE;
      d.vector(u0, RootComplex.MSI_BASE + 0x40, 0x11, false);
      d.vector(u0 + 1, RootComplex.MSI_BASE + 0x44, 0x22, true);
      d.vector(u0 + 2, RootComplex.MSI_BASE + 0x48, 0x33, false);
      d.msix(true, false);

      userIrq(host, 0b001);
      assertEquals(List.of(msg(0x40, 0x11)), host.interrupts(), "an unmasked vector is delivered");
      assertEquals(0, d.pba());

      userIrq(host, 0b010);
      assertEquals(List.of(), host.interrupts(), "a masked vector is not delivered");
      assertEquals(1L << (u0 + 1), d.pba(), "but stays pending");
      userIrq(host, 0b010);
      assertEquals(1L << (u0 + 1), d.pba(), "a second request while pending is the same pending bit");
      d.mask(u0 + 1, false);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x44, 0x22)), host.interrupts(), "delivered once on unmask");
      assertEquals(0, d.pba());

      // the function mask holds every vector, whatever its own mask
      d.msix(true, true);
      userIrq(host, 0b101);
      assertEquals(List.of(), host.interrupts());
      assertEquals(1L << u0 | 1L << (u0 + 2), d.pba());
      d.msix(true, false);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x40, 0x11), msg(0x48, 0x33)), host.interrupts(), "lowest vector first");

      // disabled: requests are kept pending, delivered when enabled
      d.msix(false, false);
      userIrq(host, 0b100);
      assertEquals(List.of(), host.interrupts());
      assertEquals(1L << (u0 + 2), d.pba());
      d.msix(true, false);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x48, 0x33)), host.interrupts());
    }
  }

  @Test
  void aRoleLineIsALevelThatSendsOneMessageOnEachRisingEdge() {
    try (PlatformDriver dev = openPlatform(Backend.JVM)) {
      HostDriver host = dev.host();
      DmaDriver d = dev.dma();
      int v = MsixRegisters.ROLE_VECTOR_BASE;
      d.vector(v, RootComplex.MSI_BASE + 0x80, 0x77, false);
      d.msix(true, false);
      byte[] image = PartialBitstream.builder().variantId(SimulatedPlatform.REGISTERS)
          .shellInterfaceId(ShellInterfaceId.parse(ShellConfig.DEFAULT_INTERFACE_ID.toString(16)))
          .data(new byte[64]).build().toBytes();
      assertEquals(PrStatus.OK, dev.loadImage(image));
      host.simulator().step(400);
      assertEquals(List.of(), host.interrupts(), "a Role with its lines low sends nothing");

      dev.roleWrite(RegisterRole.IRQ, 1);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x80, 0x77)), host.interrupts(), "the rising edge of line 0 is one message");
      dev.roleWrite(RegisterRole.IRQ, 1);
      host.simulator().step(400);
      assertEquals(List.of(), host.interrupts(), "a line held high sends no more");
      assertEquals(0, d.pba(), "and is not pending either");

      dev.roleWrite(RegisterRole.IRQ, 0);
      d.mask(v, true);
      dev.roleWrite(RegisterRole.IRQ, 1);
      host.simulator().step(400);
      assertEquals(List.of(), host.interrupts(), "masked");
      assertEquals(1L << v, d.pba(), "the edge is pending while masked");
      d.mask(v, false);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x80, 0x77)), host.interrupts(), "and delivered on unmask");

      // the user interrupts have vectors of their own: user_irq bit 0 is not the Role's line
      d.vector(MsixRegisters.USER_VECTOR_BASE, RootComplex.MSI_BASE + 0x90, 0x99, false);
      userIrq(host, 0b1);
      assertEquals(List.of(msg(0x90, 0x99)), host.interrupts());
    }
  }
}
