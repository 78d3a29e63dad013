package veneer.shell.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import veneer.hdl.bus.Axi4;
import veneer.shell.role.KernelControl;
import veneer.shell.role.VectorAddKernel;

/** Loading images through the configuration port into a partition with real RTL variants. */
class PrRegionTest {
  private static void assertActive(PrBench b, long variantId, long kernelId) {
    assertEquals(PrStatus.OK, b.status());
    assertEquals(1, b.sim.peek("st_active"));
    assertEquals(variantId, b.sim.peek("st_active_id"));
    b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
    assertEquals(kernelId, b.bar.read(KernelControl.KERNEL_ID), "the active Role answers on the control port");
  }

  private static void assertDecoupledAfter(PrBench b, PrStatus expected) {
    assertEquals(expected, b.status());
    assertEquals(0, b.sim.peek("st_active"), "no active variant after " + expected);
    assertEquals(0, b.sim.peek("st_active_id"));
    assertEquals(1, b.sim.peek("st_decoupled"), "the partition stays decoupled after " + expected);
    assertEquals(Axi4.RESP_SLVERR, b.bar.tryRead(KernelControl.KERNEL_ID).resp(), "the decoupler answers for the Role");
    assertEquals(0, b.sim.peek("role_irq"));
  }

  @Test
  void loadsVariantAThenBThenAAgain() {
    try (PrBench b = new PrBench(5)) {
      assertEquals(PrStatus.NONE, b.status());
      assertEquals(1, b.sim.peek("st_decoupled"), "decoupled out of reset");
      assertEquals(0, b.sim.peek("role_irq"), "the unselected noise Role's interrupt does not cross");

      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.VADD)));
      assertActive(b, PrBench.VADD, VectorAddKernel.KERNEL_ID);
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.COUNTER)));
      assertActive(b, PrBench.COUNTER, CounterRole.ID);
      long age = b.bar.read(KernelControl.CYCLES);
      assertTrue(age < 60, "the counter Role was reset when it was loaded (age " + age + ")");
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.VADD)));
      assertActive(b, PrBench.VADD, VectorAddKernel.KERNEL_ID);
      assertEquals(0, b.bar.read(KernelControl.STATUS), "the reloaded kernel starts idle");
    }
  }

  @Test
  void theLoadedKernelComputesInDramAndRaisesItsInterrupt() {
    try (PrBench b = new PrBench(9)) {
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.VADD)));
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
      int n = 20 * 16;
      long a = 0x10_0000L;
      long bb = 0x20_0F00L;
      long c = 0x30_0040L;
      for (int i = 0; i < n; i++) {
        b.dram.memory().writeLong(a + 4L * i, 4, 1000L * i + 7);
        b.dram.memory().writeLong(bb + 4L * i, 4, 0xFFFF_FFF0L + i);
      }
      writeArgs(b, a, bb, c, n);
      b.bar.write(KernelControl.IRQ_ENABLE, 1);
      b.bar.write(KernelControl.CONTROL, 1);
      b.sim.runUntil(() -> b.sim.peek("role_irq") == 1, 20_000);
      for (int i = 0; i < n; i++) {
        assertEquals((1000L * i + 7 + 0xFFFF_FFF0L + i) & 0xFFFF_FFFFL, b.dram.memory().readLong(c + 4L * i, 4), "c[" + i + "]");
      }
      assertEquals(0b010, b.bar.read(KernelControl.STATUS));
    }
  }

  private static void writeArgs(PrBench b, long a, long bb, long c, int n) {
    long[] args = {a, a >>> 32, bb, bb >>> 32, c, c >>> 32, n};
    for (int i = 0; i < args.length; i++) {
      b.bar.write(KernelControl.ARGS + 4L * i, args[i] & 0xFFFF_FFFFL);
    }
  }

  @Test
  void everyBadImageLeavesThePartitionDecoupledWithItsCodeAndAGoodImageLoadsAfter() {
    byte[] good = PrBench.image(PrBench.VADD);
    byte[] badCrc = good.clone();
    badCrc[40] ^= 0x10;                                   // a data byte
    byte[] badSync = good.clone();
    badSync[0] = 0x57;
    byte[] badVersion = PrBench.image(PrBench.VADD);
    badVersion[4] = 2;                                     // CRC left stale: the version is reported first
    byte[] truncated = Arrays.copyOf(good, good.length - 8);
    byte[] badPadding = PrBench.image(PrBench.VADD, PrBench.SHELL_ID, PrBench.data(101, 1));
    badPadding[32 + 101] = 1;                              // first padding byte, CRC stale
    Object[][] cases = {
        {PrBench.image(PrBench.VADD, "0123456789abcdef0011223344556678", PrBench.data(64, 3)), PrStatus.WRONG_INTERFACE_ID},
        {badCrc, PrStatus.BAD_CRC},
        {truncated, PrStatus.TRUNCATED},
        {PrBench.image(0x99), PrStatus.UNKNOWN_VARIANT},
        {badSync, PrStatus.BAD_SYNC},
        {badVersion, PrStatus.BAD_VERSION},
        {badPadding, PrStatus.BAD_PADDING},
    };
    try (PrBench b = new PrBench(13)) {
      for (Object[] c : cases) {
        PrStatus expected = (PrStatus) c[1];
        assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.COUNTER)), "before " + expected);
        assertActive(b, PrBench.COUNTER, CounterRole.ID);
        assertEquals(expected, b.load((byte[]) c[0]));
        assertDecoupledAfter(b, expected);
        assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.VADD)), "a good image after " + expected);
        assertActive(b, PrBench.VADD, VectorAddKernel.KERNEL_ID);
      }
    }
  }

  @Test
  void aStreamThatStopsIsTruncatedAfterTheWordTimeout() {
    try (PrBench b = new PrBench(17)) {
      b.sim.poke("ctl_timeout", 50);
      byte[] good = PrBench.image(PrBench.COUNTER);
      long[] words = PrBench.words(good);
      b.send(Arrays.copyOf(words, words.length - 1));
      assertEquals(PrStatus.BUSY, b.status());
      long waited = b.sim.runUntil(() -> b.sim.peek("st_busy") == 0, 200);
      assertTrue(waited >= 49 && waited <= 52, "truncated about 50 cycles after the last word, took " + waited);
      assertDecoupledAfter(b, PrStatus.TRUNCATED);
      assertEquals(PrStatus.OK, b.load(good));
      assertActive(b, PrBench.COUNTER, CounterRole.ID);
    }
  }

  @Test
  void loadingWhileTheKernelRunsCutsItOffWithoutBreakingABurst() {
    try (PrBench b = new PrBench(21)) {
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.VADD)));
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
      writeArgs(b, 0x1000, 0x8000, 0x10000, 64 * 16);
      b.bar.write(KernelControl.CONTROL, 1);
      b.sim.runUntil(() -> b.sim.peek("role_dram0_w_valid") == 1, 500);
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.COUNTER)));
      assertActive(b, PrBench.COUNTER, CounterRole.ID);
      b.sim.step(50);
      assertTrue(b.dram.idle(), "every transaction of the cut-off kernel finished on the Shell side");
    }
  }

  @Test
  void roleResetAndManualDecoupleFromPf0() {
    try (PrBench b = new PrBench(25)) {
      assertEquals(PrStatus.OK, b.load(PrBench.image(PrBench.COUNTER)));
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
      b.sim.step(200);
      assertTrue(b.bar.read(KernelControl.CYCLES) > 200);
      b.sim.poke("ctl_role_reset", 1);
      b.sim.step();
      b.sim.poke("ctl_role_reset", 0);
      assertEquals(1, b.sim.peek("st_busy"), "the reset pulse runs");
      b.sim.runUntil(() -> b.sim.peek("st_busy") == 0, 50);
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
      assertTrue(b.bar.read(KernelControl.CYCLES) < 40, "the Role was reset");
      b.sim.poke("ctl_decouple", 1);
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 1, 50);
      assertEquals(Axi4.RESP_SLVERR, b.bar.tryRead(KernelControl.KERNEL_ID).resp());
      assertEquals(PrStatus.OK, b.status(), "a manual decouple does not change the load status");
      b.sim.poke("ctl_decouple", 0);
      b.sim.step();
      assertEquals(1, b.sim.peek("st_busy"), "the reset pulse runs");
      b.sim.runUntil(() -> b.sim.peek("st_busy") == 0, 50);
      b.sim.runUntil(() -> b.sim.peek("st_decoupled") == 0, 50);
      assertTrue(b.bar.read(KernelControl.CYCLES) < 40, "coupling again after a manual decouple resets the Role");
    }
  }
}
