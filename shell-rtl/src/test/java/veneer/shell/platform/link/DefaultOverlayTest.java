package veneer.shell.platform.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import veneer.hdl.TopFactory;
import veneer.overlay.array.ArrayConfig;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * Everything that follows the default overlay follows {@link OverlayRole#DEFAULT_ARRAY}, so
 * changing it is one line; and the tests' URI of {@link OverlayRole#TEST_ARRAY}. Nothing here
 * elaborates a platform.
 */
class DefaultOverlayTest {
  @Test
  void theDeviceUriWithoutOptionsAndTheVerilogCommandsDefaultsGiveTheDefaultArray() {
    assertEquals(OverlayRole.DEFAULT_ARRAY.pes(), OverlayRole.DEFAULT_PES);
    assertEquals(OverlayRole.DEFAULT_ARRAY, SimLinkProvider.overlay(Map.of()));
    Map<String, String> params = TopFactory.parameters(SimulatedPlatform.class);
    assertEquals(String.valueOf(OverlayRole.DEFAULT_ARRAY.pes()), params.get("overlayPes"));
    assertEquals(String.valueOf(OverlayRole.DEFAULT_ARRAY.imemWords()), params.get("overlayWords"));
    assertEquals(String.valueOf(OverlayRole.DEFAULT_ARRAY.spmWords()), params.get("overlayWords"));
  }

  @Test
  void theTestArrayHasAUriThatOpensExactlyIt() {
    assertEquals("sim:jvm?overlay=4x8", SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY));
    assertEquals("sim:verilator?overlay=16x8", SimLinkProvider.uri(Backend.VERILATOR, ArrayConfig.of(16, 8)));
    assertEquals(OverlayRole.TEST_ARRAY, SimLinkProvider.overlay(Map.of("overlay", "4x8")));
  }

  @Test
  void anArrayTheOverlayOptionCannotBuildHasNoUri() {
    ArrayConfig small = ArrayConfig.of(2, 4);
    ArrayConfig smallImem = new ArrayConfig(2, 4, 1024, 4096, small.coalescer());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimLinkProvider.uri(Backend.JVM, smallImem));
    assertEquals("sim device URI: expected an array that overlay=PxT builds (" + small + "), found " + smallImem,
        e.getMessage());
  }
}
