package veneer.shell.dma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * Bad descriptors stop their channel with an error the host can read and clear, never a hang;
 * a descriptor reaching outside its channel's DRAM window (set by PF0) is refused and DRAM is
 * left untouched.
 */
class DmaErrorTest {
  static final long SEED = 31;
  static final AddressMap MAP = DmaFixture.DEFAULTS.shell().dram();
  static final long ERR = DmaDescriptor.STATUS_DONE | DmaDescriptor.STATUS_ERROR;

  @BackendTest
  void aDescriptorOutsideItsWindowIsRefusedAndDramIsUntouched(Backend backend) {
    try (HostDriver host = DmaFixture.open(DmaFixture.DEFAULTS, 256, backend)) {
      DmaDriver dma = new DmaDriver(host);
      // tenant A (channels h2c0, c2h0) owns [0, 1 MiB); tenant B (h2c1, c2h1) owns [1 MiB, 2 MiB)
      dma.window(0, 0, 1 << 20);
      dma.window(2, 0, 1 << 20);
      dma.window(1, 1 << 20, 2 << 20);
      dma.window(3, 1 << 20, 2 << 20);
      dma.msix(true, false);
      dma.vector(0, RootComplex.MSI_BASE, 0xA0, false);
      dma.vector(2, RootComplex.MSI_BASE, 0xA2, false);
      dma.ring(0, 0x1000, 8);
      dma.ring(2, 0x2000, 8);
      byte[] secret = DmaTransferTest.random(new Random(SEED), 512);
      DmaFixture.writeDram(host.simulator(), MAP, (1 << 20) + 0x1000, secret);
      byte[] junk = DmaTransferTest.random(new Random(SEED + 1), 512);
      host.writeHostMemory(0x8000, junk);

      // A writes into B's DRAM: refused
      int i = dma.submit(0, 0x8000, (1 << 20) + 0x1000, 512, 0);
      assertEquals(ERR | DmaError.OUTSIDE_WINDOW.code << 8, dma.waitDone(0, i, 20_000));
      // A's write that starts inside but ends past its window: refused
      dma.clearError(0, true);
      int i2 = dma.submit(0, 0x8000, (1 << 20) - 256, 512, 0);
      assertEquals(ERR | DmaError.OUTSIDE_WINDOW.code << 8, dma.waitDone(0, i2, 20_000));
      // A reads B's DRAM into host memory: refused
      int j = dma.submit(2, (1 << 20) + 0x1000, 0x9000, 512, 0);
      assertEquals(ERR | DmaError.OUTSIDE_WINDOW.code << 8, dma.waitDone(2, j, 20_000));
      assertArrayEquals(secret, DmaFixture.readDram(host.simulator(), MAP, (1 << 20) + 0x1000, 512),
          "B's DRAM is untouched");
      assertArrayEquals(new byte[512], host.readHostMemory(0x9000, 512), "nothing of B's DRAM reached the host");
      host.simulator().step(200);
      assertEquals(List.of(new HostDriver.Interrupt(RootComplex.MSI_BASE, 0xA0),
          new HostDriver.Interrupt(RootComplex.MSI_BASE, 0xA0), new HostDriver.Interrupt(RootComplex.MSI_BASE, 0xA2)),
          host.interrupts(), "an error raises the channel's interrupt");
      long status = dma.reg(2, "status");
      assertEquals(2, status & 3);
      assertEquals(DmaError.OUTSIDE_WINDOW.code, (status >>> 8) & 0xFF);
      assertEquals(j, status >>> 16, "head stays on the failed descriptor");

      // inside its own window, A works after skipping the refused descriptors
      dma.clearError(0, true);
      dma.clearError(2, true);
      int k = dma.submit(0, 0x8000, 0x4000, 512, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(0, k, 20_000));
      assertArrayEquals(junk, DmaFixture.readDram(host.simulator(), MAP, 0x4000, 512));
    }
  }

  @Test
  void badDescriptorsStopTheChannelUntilCleared() {
    try (HostDriver host = DmaFixture.open(DmaFixture.DEFAULTS, 256)) {
      DmaDriver dma = new DmaDriver(host);
      DmaTransferTest.openWindows(dma);
      dma.ring(1, 0x1000, 16);
      record Case(byte[] descriptor, DmaError error) {}
      byte[] noMagic = DmaDescriptor.encode(0x8000, 0x0, 256, 0);
      noMagic[22] = 0;
      List<Case> cases = List.of(
          new Case(noMagic, DmaError.BAD_MAGIC),
          new Case(DmaDescriptor.encode(0x8000, 0x0, 0, 0), DmaError.BAD_LENGTH),
          new Case(DmaDescriptor.encode(0x8000, 0x0, 100, 0), DmaError.BAD_LENGTH),
          new Case(DmaDescriptor.encode(0x8000, 0x0, 1L << 30, 0), DmaError.BAD_LENGTH),
          new Case(DmaDescriptor.encode(0x8004, 0x0, 256, 0), DmaError.BAD_ALIGNMENT),
          new Case(DmaDescriptor.encode(0x8000, 0x20, 256, 0), DmaError.BAD_ALIGNMENT),
          new Case(DmaDescriptor.encode(0x8000, MAP.totalBytes() - 128, 256, 0), DmaError.OUTSIDE_DRAM),
          new Case(DmaDescriptor.encode(0x8000, 0xFFFF_FFFF_FFFF_FFC0L, 256, 0), DmaError.OUTSIDE_DRAM));
      for (Case c : cases) {
        int i = dma.submit(1, c.descriptor());
        assertEquals(ERR | (long) c.error().code << 8, dma.waitDone(1, i, 20_000), c.error().name());
        long status = dma.reg(1, "status");
        assertEquals(2, status & 3, c.error() + ": stopped, not busy");
        assertEquals(c.error().code, (status >>> 8) & 0xFF);
        // a descriptor behind the bad one waits
        int next = dma.submit(1, 0x8000, 0x100, 64, 0);
        host.simulator().step(2000);
        assertEquals(0, dma.descriptorStatus(1, next), c.error() + ": the channel must hold while stopped");
        dma.clearError(1, true);
        assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(1, next, 20_000), c.error() + ": after skip");
      }
      assertEquals(cases.size(), dma.reg(1, "completed"));
    }
  }
}
