package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.shell.ShellConfig;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.pcie.ShellError;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.KernelControl;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** The assembled platform out of reset, seen through PF0 and PF1. */
class PlatformIdentityTest {
  @Test
  void enumeratesAndReadsIdentityInterfaceIdAndVariantsThroughPf0() {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), Backend.JVM)) {
      dev.enumerate();
      assertEquals(ManagementRegisters.IDENT, dev.ident());
      assertEquals(ManagementRegisters.SHELL_VERSION, dev.shellVersion());
      assertEquals(ShellConfig.DEFAULT_INTERFACE_ID, dev.interfaceId());
      assertEquals(List.of(SimulatedPlatform.VECTOR_ADD, SimulatedPlatform.REGISTERS, SimulatedPlatform.OVERLAY),
          dev.variantIds());
      assertEquals(UserRegisters.IDENT, dev.userRead("ident"));
    }
  }

  @Test
  void outOfResetNothingIsLoadedAndPf1RoleAccessesAreAnsweredByTheDecoupler() {
    try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), Backend.JVM)) {
      dev.enumerate();
      PartitionState s = dev.partition();
      assertEquals(PrStatus.NONE, s.status());
      assertFalse(s.active());
      assertTrue(s.decoupled(), "decoupled out of reset");
      assertEquals(0, s.activeVariant());
      assertEquals(0, dev.roleRead(KernelControl.KERNEL_ID), "no Role: the decoupler answers, data 0");
      long head = dev.pf0Read("errlog_head");
      assertEquals(ShellError.BUS_ERROR, ShellError.of((int) (head >>> 24)), "the refused read is logged in PF0");
      assertEquals(0, dev.roleInterruptLines());
    }
  }
}
