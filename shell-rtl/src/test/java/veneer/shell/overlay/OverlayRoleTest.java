package veneer.shell.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.overlay.array.ArrayConfig;
import veneer.shell.pcie.ShellError;
import veneer.shell.platform.PartitionState;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.KernelControl;
import veneer.shell.role.OverlayRole;
import veneer.shell.role.VectorAddKernel;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * The overlay as Role variant 3 of the simulated platform: loaded through PF0, programmed,
 * launched and read out through PF1, its interrupt on Role line 0, its data in the Shell's DRAM
 * (set up and checked through the back door until the DMA engine is in the Shell).
 */
class OverlayRoleTest {
  /** The array of these tests. */
  private static final ArrayConfig ARRAY = OverlayRole.TEST_ARRAY;
  /** Threads of the array: every one runs the prologue and the exit once. */
  private static final int THREADS = ARRAY.pes() * ARRAY.threadsPerPe();
  private static final long MAX_CYCLES = 200_000;

  /** Inputs a and b at DRAM addresses chosen to straddle the 4 KiB channel interleave, c after them. */
  record VectorAdd(long a, long b, long c, int n, int[] expected) {
    static VectorAdd seeded(PlatformDriver dev, long seed, long a, long b, long c, int n) {
      Random r = new Random(seed);
      int[] av = new int[n];
      int[] bv = new int[n];
      int[] cv = new int[n + 1];
      int[] expected = new int[n];
      for (int i = 0; i < n; i++) {
        av[i] = r.nextInt();
        bv[i] = r.nextInt();
        expected[i] = av[i] + bv[i];
        cv[i] = 0xDEAD_0000 | i;
      }
      cv[n] = 0x5EE0_5EE0;
      dev.writeDramInts(a, av);
      dev.writeDramInts(b, bv);
      dev.writeDramInts(c, cv);
      return new VectorAdd(a, b, c, n, expected);
    }

    long[] arguments() {
      return new long[] {OverlayHost.peAddress(a), OverlayHost.peAddress(b), OverlayHost.peAddress(c)};
    }

    int[] result(PlatformDriver dev) {
      return dev.readDramInts(c, n);
    }

    /** The word after c[n - 1], which no work-item may touch. */
    int guard(PlatformDriver dev) {
      return dev.readDramInts(c + 4L * n, 1)[0];
    }
  }

  private static void assertActive(PlatformDriver dev, long variant) {
    PartitionState s = dev.partition();
    assertEquals(PrStatus.OK, s.status());
    assertEquals(variant, s.activeVariant());
    assertFalse(s.decoupled(), "coupled after a good load");
  }

  private static PlatformDriver overlayLoaded(Backend backend) {
    PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(ARRAY)), backend);
    dev.enumerate();
    assertEquals(PrStatus.OK, dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)));
    assertActive(dev, SimulatedPlatform.OVERLAY);
    return dev;
  }

  @BackendTest
  void vectorAddRunsOnTheOverlayThroughPf1(Backend backend) {
    try (PlatformDriver dev = overlayLoaded(backend)) {
      OverlayHost host = new OverlayHost(dev);
      assertEquals(OverlayRole.KERNEL_ID, dev.roleRead(0), "the array's identity at offset 0 of PF1 BAR0");
      assertEquals(4 | 8 << 8 | (4096 / 16) << 16, host.read("shape"), "4 PEs x 8 threads, 4096-word IMEM");
      assertEquals(0, host.read("status"), "idle, never run");
      assertEquals(0, dev.roleInterruptLines());

      OverlayKernel k = OverlayKernel.vectorAdd();
      host.loadProgram(k);
      int n = 600;
      VectorAdd v = VectorAdd.seeded(dev, 21, 0x0FC0, 0x3F00, 0x8040, n);
      host.arguments(v.arguments());
      long waited = host.launch(k.symbol("_start"), n, 1, MAX_CYCLES);

      assertEquals(0b010, host.read("status"), "done, no error");
      assertEquals(1, dev.pf0Read("role_irq"), "line 0 seen through PF0 too");
      assertArrayEquals(v.expected(), v.result(dev));
      assertEquals(0x5EE0_5EE0, v.guard(dev), "nothing written past c[n-1]");
      assertEquals(n, host.read("dispatched"));
      assertEquals(0, host.read("error_count"));

      // Counters through PF1, and the same line traffic seen by the Shell on the Role's DRAM port.
      long cycles = host.counter("cycles");
      long retired = host.counter("sum_retired");
      long lineReads = host.counter("mem_line_reads");
      long lineWrites = host.counter("mem_line_writes");
      assertEquals(2L * n, host.counter("mem_pe_reads"), "a[i] and b[i]");
      assertEquals(n, host.counter("mem_pe_writes"), "c[i]");
      // Per thread: 5 prologue instructions (li is lui+addi, three argument loads) and 4 at the exit
      // (the claim that reads -1, bltz, li, ecall); 11 per work-item.
      assertEquals(9L * THREADS + 11L * n, retired, "retired instructions");
      assertEquals(lineReads, dev.pf0Read("role_dram_reads"), "every line read crossed the bridge as one burst");
      assertEquals(lineWrites, dev.pf0Read("role_dram_writes"), "every line write crossed the bridge as one burst");
      assertTrue(lineReads < 2L * n && lineWrites < n, "the coalescer merged requests: " + lineReads + " line reads, "
          + lineWrites + " line writes for " + n + " items");
      assertTrue(cycles > 0 && cycles <= waited, "busy " + cycles + " of the " + waited + " cycles waited");
      System.out.printf("overlay vector add [%s]: n=%d, %d busy cycles (%d from start to irq line), %d retired,"
          + " IPC %.2f per PE, %d line reads, %d line writes%n", backend, n, cycles, waited, retired,
          retired / (double) cycles / ARRAY.pes(), lineReads, lineWrites);
    }
  }

  @Test
  void aMisalignedLoadIsReportedInTheErrorSummaryThroughPf1() {
    try (PlatformDriver dev = overlayLoaded(Backend.JVM)) {
      OverlayHost host = new OverlayHost(dev);
      OverlayKernel k = OverlayKernel.misalignedLoad();
      host.loadProgram(k);
      int n = 96;
      int bad = 37;
      VectorAdd v = VectorAdd.seeded(dev, 5, 0x2000, 0x6000, 0xA000, n);
      long[] args = v.arguments();
      host.arguments(args[0], args[1], args[2], bad);
      host.launch(k.symbol("_start"), n, 1, MAX_CYCLES);

      assertEquals(0b110, host.read("status"), "done, with an error");
      assertEquals(1, host.read("error_count"));
      long where = host.read("error_where");
      assertEquals(1L << 31, where & 1L << 31, "the summary is valid");
      assertEquals(4 << 8 | 4, host.read("error_cause"), "FAULT, load address misaligned");
      assertEquals(k.symbol("boom"), host.read("error_pc"));
      assertEquals(OverlayHost.peAddress(v.a() + 4L * bad + 1), host.read("error_value"), "mtval: the address");
      host.write("thread_select", where & 0xFFFF);
      assertEquals(4, host.read("thread_state"), "the named thread is FAULT");
      assertEquals(4, host.read("thread_cause"));

      int[] c = v.result(dev);
      for (int i = 0; i < n; i++) {
        assertEquals(i == bad ? 0xDEAD_0000 | i : v.expected()[i], c[i], "c[" + i + "]");
      }
      assertEquals(n - 1L, host.counter("mem_pe_writes"), "the faulting item stored nothing");
    }
  }

  @Test
  void whileDecoupledTheOverlayAnswersZeroRaisesNothingAndMakesNoDramTraffic() {
    try (PlatformDriver dev = overlayLoaded(Backend.JVM)) {
      OverlayHost host = new OverlayHost(dev);
      OverlayKernel k = OverlayKernel.vectorAdd();
      host.loadProgram(k);
      VectorAdd small = VectorAdd.seeded(dev, 8, 0x1000, 0x2000, 0x3000, 64);
      host.arguments(small.arguments());
      host.launch(k.symbol("_start"), 64, 1, MAX_CYCLES);
      assertEquals(1, dev.roleInterruptLines(), "done");

      // A long launch, cut off while it streams.
      int n = 2000;
      VectorAdd big = VectorAdd.seeded(dev, 9, 0x10000, 0x20000, 0x30000, n);
      host.arguments(big.arguments());
      host.write("global_size", n);
      host.write("control", 1);
      dev.idle(1500);
      assertEquals(0b001, host.read("status"), "running when it is cut off");
      long errorsBefore = dev.pf0Read("error_count");
      dev.decouple(true);
      dev.simulator().runUntil(() -> dev.partition().decoupled(), 20_000);

      QuietWatch watch = dev.simulator().attach(new QuietWatch(dev.simulator()));
      assertEquals(0, dev.roleRead(0), "PF1 reads of the decoupled overlay answer 0");
      assertEquals(0, host.read("status"));
      host.write("control", 1);
      assertEquals(0, dev.roleInterruptLines(), "no interrupt crosses while decoupled");
      dev.idle(2000);
      assertEquals(0, dev.roleInterruptLines());
      assertEquals(0, dev.pf0Read("role_irq"));
      assertEquals(0, watch.requests, "DRAM requests from the decoupled overlay");
      assertEquals(errorsBefore + 3, dev.pf0Read("error_count"), "each refused PF1 access logged");
      long head = 0;
      while (dev.pf0Read("errlog_count") > 0) {
        head = dev.pf0Read("errlog_head");
        dev.pf0Write("errlog_pop", 1);
      }
      assertEquals(ShellError.BUS_ERROR, ShellError.of((int) (head >>> 24)));

      // Coupled again: the controller resets the array, which answers and runs again.
      dev.decouple(false);
      dev.awaitCoupled();
      assertEquals(OverlayRole.KERNEL_ID, dev.roleRead(0));
      assertEquals(0, host.read("status"), "reset: idle, never run");
      host.loadProgram(k);
      VectorAdd again = VectorAdd.seeded(dev, 10, 0x40000, 0x50000, 0x60000, 128);
      host.arguments(again.arguments());
      host.launch(k.symbol("_start"), 128, 1, MAX_CYCLES);
      assertArrayEquals(again.expected(), again.result(dev));
    }
  }

  @Test
  void switchingToTheRtlKernelAndBackToTheOverlayWorks() {
    try (PlatformDriver dev = overlayLoaded(Backend.JVM)) {
      OverlayHost host = new OverlayHost(dev);
      OverlayKernel k = OverlayKernel.vectorAdd();
      host.loadProgram(k);
      VectorAdd first = VectorAdd.seeded(dev, 1, 0x1000, 0x2000, 0x3000, 100);
      host.arguments(first.arguments());
      host.launch(k.symbol("_start"), 100, 1, MAX_CYCLES);
      assertArrayEquals(first.expected(), first.result(dev));

      // RTL user logic in the same partition: the vector-add kernel of KernelControl.
      assertEquals(PrStatus.OK, dev.loadImage(OverlayHost.image(SimulatedPlatform.VECTOR_ADD)));
      assertActive(dev, SimulatedPlatform.VECTOR_ADD);
      assertEquals(VectorAddKernel.KERNEL_ID, dev.roleRead(KernelControl.KERNEL_ID));
      VectorAdd rtl = VectorAdd.seeded(dev, 2, 0x4000, 0x5000, 0x6000, 64);
      dev.roleWrite(KernelControl.ARGS, rtl.a());
      dev.roleWrite(KernelControl.ARGS + 4, 0);
      dev.roleWrite(KernelControl.ARGS + 8, rtl.b());
      dev.roleWrite(KernelControl.ARGS + 12, 0);
      dev.roleWrite(KernelControl.ARGS + 16, rtl.c());
      dev.roleWrite(KernelControl.ARGS + 20, 0);
      dev.roleWrite(KernelControl.ARGS + 24, rtl.n());
      dev.roleWrite(KernelControl.IRQ_ENABLE, 1);
      dev.roleWrite(KernelControl.CONTROL, 1);
      dev.awaitRoleInterrupt(0, MAX_CYCLES);
      assertEquals(0b010, dev.roleRead(KernelControl.STATUS));
      assertArrayEquals(rtl.expected(), rtl.result(dev));

      // The overlay again: reset, idle, program loaded again (a new configuration brings no IMEM contents).
      assertEquals(PrStatus.OK, dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)));
      assertActive(dev, SimulatedPlatform.OVERLAY);
      assertEquals(OverlayRole.KERNEL_ID, dev.roleRead(0));
      assertEquals(0, host.read("status"));
      assertEquals(0, dev.roleInterruptLines());
      host.loadProgram(k);
      VectorAdd second = VectorAdd.seeded(dev, 3, 0x7000, 0x8000, 0x9000, 100);
      host.arguments(second.arguments());
      host.launch(k.symbol("_start"), 100, 1, MAX_CYCLES);
      assertArrayEquals(second.expected(), second.result(dev));
      assertEquals(3, dev.pf0Read("loads_ok"));
    }
  }
}
