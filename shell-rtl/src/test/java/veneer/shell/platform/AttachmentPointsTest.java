package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.shell.dram.bench.AxiTransaction;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.pcie.TlpType;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.bus.Axi4Burst;
import veneer.sim.bus.CycleHook;

/**
 * The Shell's open slots for the DMA engine and MSI-X do what docs/shell.md promises: the DRAM
 * manager slot reaches DRAM, the requester port reaches the host (its interrupt window too), and
 * PF1's user interrupt register pulses the {@code user_irq} lines.
 */
class AttachmentPointsTest {
  static final long SEED = 31;

  @Test
  void theDmaSlotWritesAndReadsDram() {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(), Backend.JVM)) {
      Axi4MasterDriver dma = dev.simulator().attach(new Axi4MasterDriver(dev.simulator(), "dma_dram",
          Axi4MasterDriver.Config.random(SEED)));
      Random r = new Random(SEED);
      BigInteger[] data = new BigInteger[4];
      BigInteger[] strobes = new BigInteger[4];
      byte[] expected = new byte[4 * 64];
      r.nextBytes(expected);
      for (int beat = 0; beat < 4; beat++) {
        byte[] be = new byte[65];
        for (int i = 0; i < 64; i++) {
          be[64 - i] = expected[64 * beat + i];
        }
        data[beat] = new BigInteger(be);
        strobes[beat] = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      }
      long address = 0x1F00;                       // the last 256 bytes of channel 0's first granule
      AxiTransaction w = dma.submit(AxiTransaction.write(new Axi4Burst(1, address, 3, 6, Axi4Burst.INCR), data,
          strobes));
      dev.simulator().runUntil(w::done, 5_000);
      assertEquals(0, w.worstResp());
      assertArrayEquals(expected, dev.readDram(address, expected.length), "DMA-slot write in DRAM (seed " + SEED + ")");

      byte[] other = new byte[128];
      r.nextBytes(other);
      dev.writeDram(0x5040, other);               // channel 1 of the interleaved map
      AxiTransaction rd = dma.submit(AxiTransaction.read(2, 0x5040, 1, 6));
      dev.simulator().runUntil(rd::done, 5_000);
      for (int beat = 0; beat < 2; beat++) {
        for (int i = 0; i < 64; i++) {
          assertEquals(other[64 * beat + i], rd.rdata[beat].shiftRight(8 * i).byteValue(), "beat " + beat + " byte " + i);
        }
      }
    }
  }

  @Test
  void theRequesterPortReachesHostMemoryAndTheInterruptWindow() {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(), Backend.JVM)) {
      dev.enumerate();
      Simulator sim = dev.simulator();
      long[] words = {0x11111111L, 0x22222222L, 0x33333333L};
      sendWrite(sim, 0x800, words);
      sendWrite(sim, RootComplex.MSI_BASE + 0x40, new long[] {0x7});
      sim.step(400);
      byte[] mem = dev.host().readHostMemory(0x800, 12);
      assertEquals(0x11, mem[0]);
      assertEquals(0x33, mem[11]);
      List<HostDriver.Interrupt> irqs = dev.hostInterrupts();
      assertEquals(List.of(new HostDriver.Interrupt(RootComplex.MSI_BASE + 0x40, 0x7)), irqs);
    }
  }

  /** One memory write TLP (at most one beat of payload) on the Shell's device-request slot. */
  private static void sendWrite(Simulator sim, long address, long[] data) {
    BigInteger beat = BigInteger.ZERO;
    for (int l = 0; l < data.length; l++) {
      beat = beat.or(BigInteger.valueOf(data[l]).shiftLeft(32 * l));
    }
    sim.poke("dev_rq_fmt_type", TlpType.MWR64);
    sim.poke("dev_rq_length_dw", data.length);
    sim.poke("dev_rq_requester_id", sim.peek("requester_id"));
    sim.poke("dev_rq_tag", 0);
    sim.poke("dev_rq_address", address);
    sim.poke("dev_rq_first_be", 0xF);
    sim.poke("dev_rq_last_be", data.length > 1 ? 0xF : 0);
    sim.poke("dev_rq_data", beat);
    sim.poke("dev_rq_last", 1);
    sim.poke("dev_rq_valid", 1);
    sim.runUntil(() -> sim.peek("dev_rq_ready") != 0, 1_000);
    sim.step();
    sim.poke("dev_rq_valid", 0);
  }

  /** Records every non-zero value on {@code user_irq}. */
  static final class PulseLog implements CycleHook {
    final List<Long> pulses = new ArrayList<>();

    @Override
    public void beforeEdge(Simulator sim) {
      long v = sim.peek("user_irq");
      if (v != 0) {
        pulses.add(v);
      }
    }
  }

  @Test
  void pf1UserInterruptsPulseTheUserIrqLines() {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(), Backend.JVM)) {
      dev.enumerate();
      PulseLog log = dev.simulator().attach(new PulseLog());
      dev.userWrite("user_irq", 0b101);
      dev.userWrite("user_irq", 0x8000_0000L);
      assertEquals(2, dev.userRead("user_irq_count"));
      assertEquals(List.of(0b101L, 0x8000_0000L), log.pulses, "one cycle each, in order");
    }
  }
}
