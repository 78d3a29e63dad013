package veneer.shell.dma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.host.HostMemoryServer;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.pcie.ShellError;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * The requester path seen through the DMA: reads split by the read limit and 4 KiB, writes by
 * Max_Payload_Size and 4 KiB, completions that come split and out of order, and a completion
 * timeout that ends in an error rather than a hang. The TLP checker and a size checker watch
 * every packet.
 */
class DmaRequesterTest {
  static final long SEED = 23;
  static final AddressMap MAP = DmaFixture.DEFAULTS.shell().dram();

  @Test
  void outOfOrderSplitCompletionsAreReassembledInOrder() {
    SimulatedPlatform.Params p = DmaFixture.DEFAULTS.withCompletions(64, true);
    try (HostDriver host = DmaFixture.open(p, 128)) {
      DmaFixture.RequestSizeChecker sizes = host.simulator().attach(new DmaFixture.RequestSizeChecker(128, 512));
      OrderWatch order = host.simulator().attach(new OrderWatch());
      DmaDriver dma = new DmaDriver(host);
      DmaTransferTest.openWindows(dma);
      dma.ring(0, 0x1000, 4);
      dma.ring(2, 0x2000, 4);
      Random rnd = new Random(SEED);
      int n = 3 * 4096 + 1024;
      byte[] a = DmaTransferTest.random(rnd, n);
      host.writeHostMemory(0x10E00, a);
      int i = dma.submit(0, 0x10E00, 0x7000, n, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(0, i, 40_000), "seed " + SEED);
      assertArrayEquals(a, DmaFixture.readDram(host.simulator(), MAP, 0x7000, n), "DRAM, seed " + SEED);
      int j = dma.submit(2, 0x7000, 0x40E40, n, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(2, j, 40_000));
      assertArrayEquals(a, host.readHostMemory(0x40E40, n), "host memory, seed " + SEED);
      assertEquals(512, sizes.largest.get("read"), "reads use the whole read limit");
      assertEquals(128, sizes.largest.get("write"), "writes use the whole Max_Payload_Size");
      assertEquals(0, host.simulator().peek("bad_dma"));
      assertTrue(order.overtaking > 10, "completions overtook older requests only " + order.overtaking + " times");
      assertTrue(order.maxOutstanding >= 8, "at most " + order.maxOutstanding + " reads were outstanding");
    }
  }

  /** Counts completions that answer a read other than the oldest outstanding one. */
  static final class OrderWatch implements CycleHook {
    final Deque<Long> outstanding = new ArrayDeque<>();
    final Map<Long, Long> owed = new HashMap<>();
    int overtaking;
    int maxOutstanding;
    boolean rxInPacket;
    boolean txInPacket;

    @Override
    public void beforeEdge(Simulator sim) {
      if (sim.peek("mon_tx_valid") != 0) {
        long fmt = sim.peek("mon_tx_fmt_type");
        if (!txInPacket && (fmt == 0x00 || fmt == 0x20)) {
          long tag = sim.peek("mon_tx_tag");
          outstanding.addLast(tag);
          owed.put(tag, 4 * sim.peek("mon_tx_length_dw"));
          maxOutstanding = Math.max(maxOutstanding, outstanding.size());
        }
        txInPacket = sim.peek("mon_tx_last") == 0;
      }
      if (sim.peek("mon_rx_valid") != 0) {
        long fmt = sim.peek("mon_rx_fmt_type");
        if (!rxInPacket && fmt == 0x4A) {
          long tag = sim.peek("mon_rx_tag");
          if (!outstanding.isEmpty() && outstanding.peekFirst() != tag) {
            overtaking++;
          }
          long left = owed.merge(tag, -4 * sim.peek("mon_rx_length_dw"), Long::sum);
          if (left <= 0) {
            outstanding.remove(tag);
          }
        }
        rxInPacket = sim.peek("mon_rx_last") == 0;
      }
    }
  }

  @Test
  void aReadThatIsNeverAnsweredTimesOutAndStopsOnlyItsChannel() {
    SimulatedPlatform.Params p = DmaFixture.DEFAULTS
        .withShell(DmaFixture.DEFAULTS.shell().withDma(DmaConfig.defaults().withTimeout(3000)));
    try (HostDriver host = DmaFixture.open(p, 256)) {
      DmaDriver dma = new DmaDriver(host);
      DmaTransferTest.openWindows(dma);
      dma.ring(0, 0x1000, 4);
      dma.ring(1, 0x2000, 4);
      int i = dma.submit(0, HostMemoryServer.BLACK_HOLE_BASE, 0x0, 1024, DmaDescriptor.IRQ);
      long s = dma.waitDone(0, i, 20_000);
      assertEquals(DmaDescriptor.STATUS_DONE | DmaDescriptor.STATUS_ERROR | DmaError.HOST_READ.code << 8, s);
      long status = dma.reg(0, "status");
      assertEquals(2, status & 3, "stopped by an error, not busy");
      assertEquals(DmaError.HOST_READ.code, (status >>> 8) & 0xFF);
      long record = host.mmioRead(0, 0, ManagementRegisters.MAP.offsetOf("errlog_head"));
      assertEquals(ShellError.COMPLETION_TIMEOUT.code, record >>> 24, "error log 0x" + Long.toHexString(record));
      assertTrue(host.mmioRead(0, 0, ManagementRegisters.MAP.offsetOf("errlog_count")) >= 1);

      // the other channel still works, and so does this one once the descriptor is skipped
      byte[] data = DmaTransferTest.random(new Random(SEED), 256);
      host.writeHostMemory(0x8000, data);
      int k = dma.submit(1, 0x8000, 0x1000, 256, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(1, k, 20_000));
      dma.clearError(0, true);
      int m = dma.submit(0, 0x8000, 0x3000, 256, 0);
      assertEquals(DmaDescriptor.STATUS_DONE, dma.waitDone(0, m, 20_000));
      assertArrayEquals(data, DmaFixture.readDram(host.simulator(), MAP, 0x3000, 256));
      assertEquals(0, dma.reg(0, "status") & 3);
    }
  }
}
