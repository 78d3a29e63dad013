package veneer.shell.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteMaster;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/** The example kernel on its own, with a Java-side DRAM and the protocol checkers. */
class VectorAddKernelTest {
  static final String CTRL = "role_ctrl";
  static final String DRAM = "role_dram0";

  @Test
  void addsArraysAcross4KiBBoundariesAndRaisesItsInterrupt() {
    long seed = 77;
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new VectorAddKernel(RoleParams.defaults()),
        Backend.JVM))) {
      sim.attach(new Axi4ProtocolChecker(sim, DRAM));
      sim.attach(new AxiLiteProtocolChecker(sim, CTRL));
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, DRAM,
          Axi4SlaveMemory.Config.defaults().withLatency(7).withSeed(seed)));
      AxiLiteMaster bar = new AxiLiteMaster(sim, CTRL);
      sim.reset(2);

      // 40 words of 16 lanes: the arrays start 3 words before a 4 KiB boundary.
      int n = 40 * 16;
      long a = 0x1_0000_0F40L;
      long b = 0x2_0000_0000L + 4096 * 3 - 64 * 5;
      long c = 0x0_8000_0000L + 64;
      int[] av = new int[n];
      int[] bv = new int[n];
      SplittableRandom rng = new SplittableRandom(seed);
      for (int i = 0; i < n; i++) {
        av[i] = rng.nextInt();
        bv[i] = rng.nextInt();
        dram.memory().writeLong(a + 4L * i, 4, av[i] & 0xFFFF_FFFFL);
        dram.memory().writeLong(b + 4L * i, 4, bv[i] & 0xFFFF_FFFFL);
      }
      KernelDriver k = new KernelDriver(bar);
      assertEquals(VectorAddKernel.KERNEL_ID, bar.read(KernelControl.KERNEL_ID));
      bar.write(KernelControl.IRQ_ENABLE, 1);
      k.vectorAdd(a, b, c, n);
      assertEquals(0, sim.peek("role_irq"));
      bar.write(KernelControl.CONTROL, 1);
      sim.runUntil(() -> sim.peek("role_irq") == 1, 20_000);
      long status = bar.read(KernelControl.STATUS);
      assertEquals(0b010, status, "STATUS: done, not busy, no error");
      for (int i = 0; i < n; i++) {
        assertEquals((av[i] + bv[i]) & 0xFFFF_FFFFL, dram.memory().readLong(c + 4L * i, 4), "c[" + i + "], seed " + seed);
      }
      assertEquals(0, dram.memory().readLong(c - 4, 4), "nothing written before c");
      assertEquals(0, dram.memory().readLong(c + 4L * n, 4), "nothing written after c");
      assertTrue(bar.read(KernelControl.CYCLES) > 40, "the cycle counter ran");
      bar.write(KernelControl.IRQ_CLEAR, 1);
      assertEquals(0, sim.peek("role_irq"));
      assertEquals(0, bar.read(KernelControl.IRQ_STATUS));
    }
  }

  @Test
  void misalignedArgumentsEndTheRunWithAnError() {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new VectorAddKernel(RoleParams.defaults()),
        Backend.JVM))) {
      sim.attach(new Axi4ProtocolChecker(sim, DRAM));
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, DRAM, Axi4SlaveMemory.Config.defaults()));
      AxiLiteMaster bar = new AxiLiteMaster(sim, CTRL);
      sim.reset(2);
      new KernelDriver(bar).vectorAdd(0x1004, 0x2000, 0x3000, 16);
      bar.write(KernelControl.CONTROL, 1);
      sim.runUntil(() -> (bar.read(KernelControl.STATUS) & 2) != 0, 200);
      assertEquals(0b110, bar.read(KernelControl.STATUS), "STATUS: done and error");
      assertTrue(dram.idle());
      assertEquals(0, dram.memory().readLong(0x3000, 4));
    }
  }
}
