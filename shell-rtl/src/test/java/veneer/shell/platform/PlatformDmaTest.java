package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.dma.DmaDescriptor;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.DmaError;
import veneer.shell.dma.DmaTransferException;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.junit.BackendTest;

/**
 * {@link PlatformDriver}'s DMA on the assembled platform: copies both ways through the DMA
 * engine, and bad descriptors that stop a channel in an error state the host reads and clears,
 * never a hang.
 */
class PlatformDmaTest {
  private static PlatformDriver open(Backend backend) {
    PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), backend);
    dev.enumerate();
    return dev;
  }

  @BackendTest
  void bytesGoToTheCardAndBackThroughTheDmaEngine(Backend backend) {
    long seed = new Random().nextLong();
    Random rnd = new Random(seed);
    byte[] data = new byte[(64 << 10) + 1 + rnd.nextInt(63)];
    rnd.nextBytes(data);
    long address = 0x1FC0 + rnd.nextInt(64);      // a partial line, then across a 4 KiB boundary
    try (PlatformDriver dev = open(backend)) {
      long before = dev.dma().reg(0, "completed");
      dev.copyToCard(address, data);
      assertArrayEquals(data, dev.readDram(address, data.length), "in DRAM (back door), seed " + seed);
      assertArrayEquals(data, dev.copyFromCard(address, data.length), "back by DMA, seed " + seed);
      assertTrue(dev.dma().reg(0, "completed") > before, "the H2C channel did the work");
      assertTrue(dev.dma().reg(2, "completed") > 0, "the C2H channel did the work");
    }
  }

  @Test
  void badDescriptorsStopTheChannelReadablyAndClearably() {
    try (PlatformDriver dev = open(Backend.JVM)) {
      long dram = dev.dramBytes();
      DmaDriver dma = dev.dma();
      dma.window(1, 0, dram);
      dma.ring(1, 0x8000, 8);
      dev.host().writeHostMemory(0x9000, new byte[256]);
      int bad = dma.submit(1, 0x9000, dram - 64, 128, 0);          // runs past the end of DRAM
      int next = dma.submit(1, 0x9000, 0x100, 128, 0);
      assertEquals(DmaDescriptor.STATUS_DONE | DmaDescriptor.STATUS_ERROR | DmaError.OUTSIDE_DRAM.code << 8,
          dma.waitDone(1, bad, 20_000));
      dev.idle(2_000);
      long status = dev.dmaStatus(1);
      assertEquals(2, status & 3, "stopped by an error, not busy");
      assertEquals(DmaError.OUTSIDE_DRAM.code, (status >>> 8) & 0xFF);
      assertEquals(bad, status >>> 16, "head stays on the failed descriptor");
      assertEquals(0, dma.descriptorStatus(1, next), "the next descriptor waits");
      dev.clearDmaError(1, true);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(1, next, 20_000), "skipped, and the channel goes on");
      assertEquals(0, dev.dmaStatus(1) & 2, "no longer stopped (bits 15:8 keep the last error code)");

      int len = dma.submit(1, 0x9000, 0x100, 100, 0);               // not a multiple of 64
      assertEquals(DmaError.BAD_LENGTH.code, (dma.waitDone(1, len, 20_000) >>> 8) & 0xFF);
      dev.clearDmaError(1, true);

      // the copies clear the channel themselves and say what the device reported
      DmaTransferException e = assertThrows(DmaTransferException.class, () -> dev.copyToCard(dram, new byte[64]));
      assertEquals(DmaError.OUTSIDE_DRAM, e.error());
      assertEquals(0, e.channel());
      assertEquals(0, dev.dmaStatus(0) & 2, "cleared");
      byte[] small = {1, 2, 3, 4, 5};
      dev.copyToCard(dram - 5, small);
      assertArrayEquals(small, dev.copyFromCard(dram - 5, 5));
    }
  }

  @Test
  void waitingForARoleInterruptThatNeverComesEndsWithAClearError() {
    try (PlatformDriver dev = open(Backend.JVM)) {
      SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
          () -> dev.awaitRoleInterrupt(0, 1_000));
      assertTrue(e.getMessage().contains("no MSI-X message of Role interrupt line 0 (vector 4) within 1000 cycles"),
          e.getMessage());
    }
  }
}
