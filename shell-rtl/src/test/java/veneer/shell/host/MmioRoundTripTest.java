package veneer.shell.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.UserRegisters;
import veneer.sim.Backend;

class MmioRoundTripTest {
  @Test
  void identityScratchAndRoleThroughBothFunctions() {
    try (HostDriver host = HostDriver.open(new HostPlatform(HostPlatform.Params.defaults()), Backend.JVM)) {
      host.enumerate();
      assertEquals(ManagementRegisters.IDENT, host.mmioRead(0, 0, ManagementRegisters.MAP.offsetOf("ident")));
      host.mmioWrite(0, 0, ManagementRegisters.MAP.offsetOf("scratch"), 0xCAFEF00DL);
      assertEquals(0xCAFEF00DL, host.mmioRead(0, 0, ManagementRegisters.MAP.offsetOf("scratch")));
      assertEquals(UserRegisters.IDENT, host.mmioRead(1, 2, UserRegisters.MAP.offsetOf("ident")));
      host.mmioWrite(1, 0, 0x8, 0x12345678L);
      assertEquals(0x12345678L, host.mmioRead(1, 0, 0x8));
    }
  }
}
