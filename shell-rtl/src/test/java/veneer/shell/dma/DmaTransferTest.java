package veneer.shell.dma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.platform.SimulatedPlatform;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;

/** H2C and C2H transfers end to end: host memory -> DRAM -> host memory, with every TLP checked. */
class DmaTransferTest {
  static final long SEED = 11;
  static final AddressMap MAP = DmaFixture.DEFAULTS.shell().dram();

  static byte[] random(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  static void openWindows(DmaDriver dma) {
    for (int c = 0; c < 4; c++) {
      dma.window(c, 0, MAP.totalBytes());
    }
  }

  @Test
  void theSmallestBuffersStillMoveEveryByte() {
    SimulatedPlatform.Params p = DmaFixture.DEFAULTS.withShell(DmaFixture.DEFAULTS.shell().withDma(DmaConfig.smallest()));
    try (HostDriver host = DmaFixture.open(p, 128)) {
      DmaDriver dma = new DmaDriver(host);
      openWindows(dma);
      dma.ring(0, 0x1000, 4);
      dma.ring(2, 0x2000, 4);
      byte[] a = random(new Random(SEED), 8192 + 320);
      host.writeHostMemory(0x10000, a);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(0, dma.submit(0, 0x10000, 0x3FC0, a.length, 0), 100_000));
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(2, dma.submit(2, 0x3FC0, 0x30000, a.length, 0), 100_000));
      assertArrayEquals(a, host.readHostMemory(0x30000, a.length), "2 tags, 128-byte reads, 2 C2H bursts; seed " + SEED);
    }
  }

  @BackendTest
  void hostToCardAndBackOnAllFourChannels(Backend backend) {
    try (HostDriver host = DmaFixture.open(DmaFixture.DEFAULTS, 256, backend)) {
      DmaDriver dma = new DmaDriver(host);
      openWindows(dma);
      dma.msix(true, false);
      for (int v = 0; v < 4; v++) {
        dma.vector(v, RootComplex.MSI_BASE + 4 * v, 0x100 + v, false);
      }
      for (int c = 0; c < 4; c++) {
        dma.ring(c, 0x1000 + 0x400L * c, 8);
      }
      Random rnd = new Random(SEED);
      // 4 KiB + 192 bytes starting 0x3C0 bytes before a 4 KiB boundary on both sides: splits everywhere
      int n = 4096 + 192;
      byte[] a = random(rnd, n);
      byte[] b = random(rnd, 128);
      host.writeHostMemory(0x10C40, a);
      host.writeHostMemory(0x20000, b);
      int i0 = dma.submit(0, 0x10C40, 0x2C40, n, DmaDescriptor.IRQ);
      int i1 = dma.submit(1, 0x20000, 0x40000, 128, DmaDescriptor.IRQ);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(0, i0, 20_000), "seed " + SEED);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(1, i1, 20_000));
      assertArrayEquals(a, DmaFixture.readDram(host.simulator(), MAP, 0x2C40, n), "DRAM after H2C, seed " + SEED);
      assertArrayEquals(b, DmaFixture.readDram(host.simulator(), MAP, 0x40000, 128));

      int j0 = dma.submit(2, 0x2C40, 0x30FC0, n, DmaDescriptor.IRQ);
      int j1 = dma.submit(3, 0x40000, 0x38000, 128, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(2, j0, 20_000));
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(3, j1, 20_000));
      assertArrayEquals(a, host.readHostMemory(0x30FC0, n), "host memory after C2H, seed " + SEED);
      assertArrayEquals(b, host.readHostMemory(0x38000, 128));
      host.simulator().step(200);
      List<HostDriver.Interrupt> irqs = host.interrupts();
      assertEquals(List.of(new HostDriver.Interrupt(RootComplex.MSI_BASE, 0x100),
          new HostDriver.Interrupt(RootComplex.MSI_BASE + 4, 0x101),
          new HostDriver.Interrupt(RootComplex.MSI_BASE + 8, 0x102)), irqs,
          "one message per descriptor asking for it; channel c2h1's descriptor did not");
      for (int c = 0; c < 4; c++) {
        assertEquals(1, dma.reg(c, "completed"), "channel " + c);
        assertEquals(1, dma.reg(c, "head"));
        assertEquals(0, dma.reg(c, "status") & 0xFFFF, "channel " + c + " idle without error");
      }
    }
  }
}
