package veneer.shell.platform.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Veneer;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RejectionReason;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;
import veneer.shell.ShellConfig;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.KernelControl;
import veneer.shell.role.OverlayRole;
import veneer.shell.role.VectorAddKernel;
import veneer.sim.Backend;

/** The runtime API end to end on sim:jvm (the tests' overlay): identity, verified loading, PF1 registers, refusals. */
class SimDeviceTest {
  private static final String URI = SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY);

  private final SigningKey key = KeyPairs.generate();
  private final TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();

  @Test
  void identityAndInterfaceIdThroughPf0() {
    try (Device dev = Veneer.open(URI)) {
      assertEquals(ManagementRegisters.IDENT, dev.management().identity());
      assertEquals(SignedImages.SHELL_ID, dev.management().shellInterfaceId());
      assertEquals(ShellConfig.DEFAULT_INTERFACE_ID.toString(16), dev.management().shellInterfaceId().hex()
          .replaceFirst("^0+(?=.)", ""));
    }
  }

  @Test
  void loadsASignedImageAndReachesTheRoleThroughPf1() throws Exception {
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    try (Device dev = Veneer.open(URI)) {
      dev.management().load(SignedImages.signed(key, SimulatedPlatform.VECTOR_ADD, 3), trust, rollback);
      assertEquals(1, dev.management().register("loads_ok"));
      assertEquals(SimulatedPlatform.VECTOR_ADD, dev.management().register("active_variant"));
      assertEquals(3, rollback.minimumVersion(RoleKind.RTL, SimulatedPlatform.VECTOR_ADD),
          "the minimum is raised after a successful load");
      assertEquals(VectorAddKernel.KERNEL_ID, dev.user().read32(KernelControl.KERNEL_ID));
      dev.user().write32(KernelControl.ARGS + 4, 0x1234_5678L);
      dev.user().write32(KernelControl.IRQ_ENABLE, 1);
      assertEquals(0x1234_5678L, dev.user().read32(KernelControl.ARGS + 4));
      assertEquals(1, dev.user().read32(KernelControl.IRQ_ENABLE));
    }
  }

  @Test
  void aTamperedImageIsRefusedBeforeAnyByteReachesTheConfigurationPort() throws Exception {
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    byte[] good = SignedImages.signed(key, SimulatedPlatform.VECTOR_ADD, 1);
    byte[] tampered = good.clone();
    tampered[tampered.length - 80] ^= 0x01;
    try (Device dev = Veneer.open(URI)) {
      LoadFailedException e = assertThrows(LoadFailedException.class,
          () -> dev.management().load(tampered, trust, rollback));
      assertTrue(e.getMessage().startsWith("image refused before loading"), e.getMessage());
      assertEquals(-1, e.deviceCode());
      assertTrue(e.rejection() != null, "a verification reason");
      assertEquals(0, dev.management().register("loads_ok"));
      assertEquals(0, dev.management().register("loads_failed"));
      assertEquals(0, dev.management().register("load_words"), "no word reached the configuration port");
      assertEquals(PrStatus.NONE.code, dev.management().register("cfgport_status") & 0xF);
      assertEquals(0, rollback.minimumVersion(RoleKind.RTL, SimulatedPlatform.VECTOR_ADD));

      dev.management().load(good, trust, rollback);
      assertEquals(1, dev.management().register("loads_ok"));
      assertEquals(VectorAddKernel.KERNEL_ID, dev.user().read32(KernelControl.KERNEL_ID));
    }
  }

  @Test
  void anUntrustedSignerIsRefused() {
    byte[] other = SignedImages.signed(KeyPairs.generate(), SimulatedPlatform.VECTOR_ADD, 1);
    try (Device dev = Veneer.open(URI)) {
      LoadFailedException e = assertThrows(LoadFailedException.class,
          () -> dev.management().load(other, trust, RollbackPolicy.inMemory()));
      assertTrue(e.rejection() != null, e.getMessage());
      assertEquals(0, dev.management().register("load_words"));
    }
  }

  @Test
  void aVariantTheDeviceDoesNotHoldIsRefusedByTheDeviceAndTheMinimumStays() throws Exception {
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    try (Device dev = Veneer.open(URI)) {
      LoadFailedException e = assertThrows(LoadFailedException.class,
          () -> dev.management().load(SignedImages.signed(key, 9, 5), trust, rollback));
      assertNull(e.rejection());
      assertEquals(PrStatus.UNKNOWN_VARIANT.code, e.deviceCode(), e.getMessage());
      assertTrue(e.getMessage().contains("unknown variant id"), e.getMessage());
      assertEquals(1, dev.management().register("loads_failed"));
      assertEquals(0, rollback.minimumVersion(RoleKind.RTL, 9));

      dev.management().load(SignedImages.signed(key, SimulatedPlatform.VECTOR_ADD, 1), trust, rollback);
      assertEquals(VectorAddKernel.KERNEL_ID, dev.user().read32(KernelControl.KERNEL_ID));
    }
  }

  @Test
  void unknownUrisSayWhatIsExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Veneer.open("pcie:0000:01:00.0"));
    assertEquals("device URI: expected sim:jvm or sim:verilator, found 'pcie:0000:01:00.0'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:iverilog"));
    assertEquals("device URI: expected sim:jvm or sim:verilator, found 'sim:iverilog'", e.getMessage());
  }
}
