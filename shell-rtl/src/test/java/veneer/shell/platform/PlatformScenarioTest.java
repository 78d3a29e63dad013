package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import veneer.shell.pcie.ShellError;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.KernelControl;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * The whole path a runtime takes, on the assembled platform: enumerate, load the vector-add
 * kernel through PF0's configuration port, run it through PF1, switch to the register Role and
 * take its interrupt as an MSI-X message, fail two bad images, reload the kernel and run it
 * again with its data moved by the DMA engine and its completion taken as an MSI-X message.
 */
class PlatformScenarioTest {
  private static void assertActive(PlatformDriver dev, long variant) {
    PartitionState s = dev.partition();
    assertEquals(PrStatus.OK, s.status());
    assertTrue(s.active());
    assertEquals(variant, s.activeVariant());
    assertFalse(s.busy());
    assertFalse(s.decoupled(), "coupled after a good load");
    assertEquals(PrStatus.NONE, s.lastError(), "no error after a good load");
  }

  private static void assertRefusedImage(PlatformDriver dev, byte[] image, PrStatus expected) {
    long failedBefore = dev.pf0Read("loads_failed");
    assertEquals(expected, dev.loadImage(image));
    PartitionState s = dev.partition();
    assertEquals(expected, s.status());
    assertEquals(expected, s.lastError());
    assertFalse(s.active(), "no active variant after " + expected);
    assertEquals(0, s.activeVariant());
    assertTrue(s.decoupled(), "the partition stays decoupled after " + expected);
    assertEquals(failedBefore + 1, dev.pf0Read("loads_failed"));
    // PF1 is answered at once by the decoupler: reads 0, writes dropped, each logged in PF0.
    long errorsBefore = dev.pf0Read("error_count");
    assertEquals(0, dev.roleRead(KernelControl.KERNEL_ID));
    dev.roleWrite(RegisterRole.SCRATCH, 0x1234);
    assertEquals(0, dev.roleRead(RegisterRole.SCRATCH));
    assertEquals(errorsBefore + 3, dev.pf0Read("error_count"), "three refused PF1 accesses logged");
    long head = 0;
    while (dev.pf0Read("errlog_count") > 0) {
      head = dev.pf0Read("errlog_head");
      dev.pf0Write("errlog_pop", 1);
    }
    assertEquals(ShellError.BUS_ERROR, ShellError.of((int) (head >>> 24)));
    assertEquals(0, dev.roleInterruptLines());
  }

  @BackendTest
  void loadRunSwitchRefuseReloadAndRunAgain(Backend backend) {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), backend)) {
      dev.enumerate();

      // Variant A: the vector-add kernel, run by polling STATUS.
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.VECTOR_ADD)));
      assertActive(dev, SimulatedPlatform.VECTOR_ADD);
      assertEquals(VectorAddRun.KERNEL_ID, dev.roleRead(KernelControl.KERNEL_ID));
      VectorAddRun first = new VectorAddRun(dev, 11, 0x0FC0, 0x3F00, 0x8040, 20 * 16);
      first.start(dev);
      assertEquals(0b010, first.pollDone(dev, 200), "done, no error");
      first.checkResult(dev);
      long reads = dev.pf0Read("role_dram_reads");
      long writes = dev.pf0Read("role_dram_writes");
      assertTrue(writes >= 2, "320 elements are 20 bus words: at least two 16-word chunks, counted " + writes);
      assertEquals(2 * writes, reads, "two read bursts (a, b) per write burst (c)");

      // Variant B: the register Role.
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.REGISTERS)));
      assertActive(dev, SimulatedPlatform.REGISTERS);
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID));
      dev.roleWrite(RegisterRole.SCRATCH + 12, 0xCAFE_F00DL);
      assertEquals(0xCAFE_F00DL, dev.roleRead(RegisterRole.SCRATCH + 12));
      dev.roleWrite(RegisterRole.IRQ, 1);
      assertEquals(1, dev.pf0Read("role_irq"), "the Role's interrupt line, seen through PF0");
      assertEquals(1, dev.roleInterruptLines());
      assertTrue(dev.awaitRoleInterrupt(0, 2_000) >= 0, "and its MSI-X message in host memory");
      dev.roleWrite(RegisterRole.IRQ, 0);

      // Bad images: refused with their code, the partition left decoupled and PF1 answered safely.
      assertRefusedImage(dev, Images.wrongShell(SimulatedPlatform.VECTOR_ADD), PrStatus.WRONG_INTERFACE_ID);
      assertRefusedImage(dev, Images.badCrc(SimulatedPlatform.VECTOR_ADD), PrStatus.BAD_CRC);

      // Variant A again: reset, and it runs; this time the data moves by DMA and the host waits for its MSI-X message.
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.VECTOR_ADD)));
      assertActive(dev, SimulatedPlatform.VECTOR_ADD);
      assertEquals(0, dev.roleRead(KernelControl.STATUS), "the reloaded kernel starts idle");
      VectorAddRun second = new VectorAddRun(dev, 12, 0x1F80, 0x10000, 0x17FC0, 24 * 16, true);
      dev.roleWrite(KernelControl.IRQ_ENABLE, 1);
      second.start(dev);
      dev.awaitRoleInterrupt(0, 40_000);
      assertEquals(1, dev.pf0Read("role_irq"));
      assertEquals(1, dev.roleRead(KernelControl.IRQ_STATUS));
      second.checkResult(dev);
      dev.roleWrite(KernelControl.IRQ_CLEAR, 1);
      assertEquals(0, dev.roleRead(KernelControl.IRQ_STATUS));
      assertEquals(0, dev.roleInterruptLines());
      assertEquals(List.of(), dev.hostInterrupts(), "one message per rising edge, each taken by its wait");
      assertEquals(3, dev.pf0Read("loads_ok"));
      assertEquals(2, dev.pf0Read("loads_failed"));
    }
  }
}
