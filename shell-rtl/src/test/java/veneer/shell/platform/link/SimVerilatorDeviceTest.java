package veneer.shell.platform.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import veneer.runtime.Device;
import veneer.runtime.Veneer;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.role.KernelControl;
import veneer.shell.role.OverlayRole;
import veneer.shell.role.VectorAddKernel;
import veneer.sim.Backend;

/** The same runtime calls on sim:verilator: the provider picks the back end from the URI. */
class SimVerilatorDeviceTest {
  @Test
  void identityLoadAndRoleRegistersOnVerilator() throws Exception {
    SigningKey key = KeyPairs.generate();
    TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
    try (Device dev = Veneer.open(SimLinkProvider.uri(Backend.VERILATOR, OverlayRole.TEST_ARRAY))) {
      assertEquals(ManagementRegisters.IDENT, dev.management().identity());
      assertEquals(SignedImages.SHELL_ID, dev.management().shellInterfaceId());
      dev.management().load(SignedImages.signed(key, SimulatedPlatform.VECTOR_ADD, 1), trust, RollbackPolicy.inMemory());
      assertEquals(VectorAddKernel.KERNEL_ID, dev.user().read32(KernelControl.KERNEL_ID));
    }
  }
}
