package veneer.shell.msix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.ShellCore;
import veneer.shell.dma.ShellCoreFunctions;
import veneer.shell.dma.ShellCoreTestBench;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.host.TlpProtocolChecker;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.pcie.ConfigSpace;
import veneer.shell.pcie.MsixCapability;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/** MSI-X of PF1: delivery, per-vector and function masking, pending bits, delivery on unmask. */
class MsixTest {
  static HostDriver open() {
    return open(Backend.JVM);
  }

  static HostDriver open(Backend backend) {
    HostDriver host = HostDriver.open(new ShellCoreTestBench(ShellCoreTestBench.Params.defaults()),
        ShellCore.DATA_WIDTH, backend);
    host.simulator().attach(new TlpProtocolChecker(host.simulator(), ShellCore.DATA_WIDTH,
        ShellCoreTestBench.RCB_BYTES));
    host.enumerate();
    return host;
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
      assertEquals(MsixRegisters.TABLE_OFFSET | ShellCoreFunctions.DMA_BAR, host.configRead(1, MsixCapability.OFFSET + 4));
      assertEquals(MsixRegisters.PBA_OFFSET | ShellCoreFunctions.DMA_BAR, host.configRead(1, MsixCapability.OFFSET + 8));
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
      int bar = ShellCoreFunctions.DMA_BAR;
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
  void theRolesInterruptLinesUseTheUserVectors() {
    try (HostDriver host = open()) {
      DmaDriver d = new DmaDriver(host);
      int v = MsixRegisters.USER_VECTOR_BASE + 11;
      d.vector(v, RootComplex.MSI_BASE + 0x80, 0x77, false);
      d.msix(true, false);
      host.simulator().poke("role_irq", 1 << 11);
      host.simulator().step();
      host.simulator().poke("role_irq", 0);
      host.simulator().step(400);
      assertEquals(List.of(msg(0x80, 0x77)), host.interrupts());
    }
  }
}
