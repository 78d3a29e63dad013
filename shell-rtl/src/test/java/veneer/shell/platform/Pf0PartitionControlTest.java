package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.shell.PartitionRegisters;
import veneer.shell.host.HostDriver;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** PF0's partition controls on the assembled Shell: start/finish/abort, word timeout, Role reset, decouple. */
class Pf0PartitionControlTest {
  private static PlatformDriver open() {
    PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), Backend.JVM);
    dev.enumerate();
    return dev;
  }

  private static void writeWords(PlatformDriver dev, long[] words) {
    dev.host().mmioWriteRaw(HostDriver.PF0_QUEUE, dev.host().barBase(0, 0) + ManagementRegisters.CONFIG_DATA_OFFSET,
        words);
  }

  private static PartitionState awaitIdle(PlatformDriver dev) {
    for (int i = 0; i < 100; i++) {
      PartitionState s = dev.partition();
      if (!s.busy()) {
        return s;
      }
    }
    throw new AssertionError("the PR controller stayed busy");
  }

  @Test
  void wordsWrittenBeforeStartAreDroppedAndTheRunningRoleIsUntouched() {
    try (PlatformDriver dev = open()) {
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.REGISTERS)));
      ManagementWatch watch = dev.simulator().attach(new ManagementWatch());
      long[] image = Pf1CannotReachManagementTest.words(Images.image(SimulatedPlatform.VECTOR_ADD));
      writeWords(dev, image);
      assertEquals(image.length, dev.pf0Read("words_dropped"));
      assertEquals(List.of(), watch.events, "no word reached the controller");
      assertEquals(SimulatedPlatform.REGISTERS, dev.partition().activeVariant());
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID));
      // The watch does see a real load, so its silence above means something.
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.VECTOR_ADD)));
      assertFalse(watch.events.isEmpty(), "a PF0 load is seen by the watch");
    }
  }

  @Test
  void abortEndsALoadAsTruncatedAndTheWordTimeoutDoesWithoutFinish() {
    try (PlatformDriver dev = open()) {
      long[] image = Pf1CannotReachManagementTest.words(Images.image(SimulatedPlatform.VECTOR_ADD));
      dev.pf0Write("cfgport_control", PartitionRegisters.CONTROL_START);
      writeWords(dev, Arrays.copyOf(image, 12));
      assertTrue(dev.partition().started());
      assertTrue(dev.partition().busy());
      dev.pf0Write("cfgport_control", PartitionRegisters.CONTROL_ABORT);
      PartitionState s = awaitIdle(dev);
      assertEquals(PrStatus.TRUNCATED, s.status());
      assertEquals(PrStatus.TRUNCATED, s.lastError());
      assertFalse(s.started(), "abort stops accepting words");
      assertEquals(12, s.words());

      dev.pf0Write("load_timeout", 300);
      dev.pf0Write("cfgport_control", PartitionRegisters.CONTROL_START);
      writeWords(dev, Arrays.copyOf(image, image.length - 1));
      // the posted words trickle into the controller; the load ends 300 cycles after the last one
      s = awaitIdle(dev);
      assertEquals(image.length - 1, s.words(), "every word written arrived");
      assertEquals(PrStatus.TRUNCATED, s.status(), "truncated by the word timeout");
      assertTrue(s.decoupled());
      dev.pf0Write("cfgport_control", PartitionRegisters.CONTROL_ABORT);

      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.VECTOR_ADD)));
      assertEquals(PrStatus.NONE, dev.partition().lastError());
      assertEquals(1, dev.pf0Read("loads_ok"));
      assertEquals(2, dev.pf0Read("loads_failed"));
    }
  }

  @Test
  void roleResetHoldsTheRoleOffAndResetsItAndDecoupleCutsItOff() {
    try (PlatformDriver dev = open()) {
      assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.REGISTERS)));
      dev.roleWrite(RegisterRole.SCRATCH + 4, 0xABCD);
      dev.roleWrite(RegisterRole.IRQ, 1);
      assertEquals(1, dev.pf0Read("role_irq"));

      dev.holdRoleReset(true);
      PartitionState held = awaitIdle(dev);
      assertTrue(held.decoupled(), "held in reset: decoupled");
      assertEquals(PrStatus.OK, held.status(), "a reset is not a load");
      assertEquals(SimulatedPlatform.REGISTERS, held.activeVariant());
      assertEquals(0, dev.roleRead(RegisterRole.ROLE_ID), "PF1 is answered by the decoupler");
      assertEquals(0, dev.pf0Read("role_irq"), "interrupts masked while decoupled");
      assertEquals(0b01, dev.pf0Read("status") & 0b11, "PF0 status bit 0: role_reset set (bit 1: decouple clear)");
      dev.holdRoleReset(false);
      dev.awaitCoupled();
      assertEquals(0, dev.roleRead(RegisterRole.SCRATCH + 4), "the Role was reset");
      assertEquals(0, dev.roleRead(RegisterRole.IRQ));
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID));

      dev.roleWrite(RegisterRole.SCRATCH, 0x77);
      dev.decouple(true);
      assertTrue(dev.partition().decoupled());
      assertEquals(0, dev.roleRead(RegisterRole.SCRATCH));
      dev.decouple(false);
      dev.awaitCoupled();
      assertEquals(0, dev.roleRead(RegisterRole.SCRATCH), "coupling again after a manual decouple resets the Role");
    }
  }
}
