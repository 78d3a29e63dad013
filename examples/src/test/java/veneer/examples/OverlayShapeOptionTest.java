package veneer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.Device;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Veneer;
import veneer.shell.role.OverlayRole;

/** {@code sim:jvm?overlay=PxT}: the overlay of the chosen shape, and clear errors for bad options. */
class OverlayShapeOptionTest {
  @Test
  void theOverlayOptionSetsTheShapeAndKernelsRunOnIt() throws LoadFailedException {
    try (Device dev = ExampleDevice.openWithOverlay("sim:jvm?overlay=2x4")) {
      long shape = dev.user().read32(ArrayRegisters.offsetOf("shape"));
      assertEquals(2, shape & 0xFF, "PEs");
      assertEquals(4, shape >>> 8 & 0xFF, "threads per PE");
      ExampleOutcome o = Examples.vectorAdd(100, 7).run(dev.user());
      assertTrue(o.matches(), o.detail());
    }
  }

  @Test
  void badOptionsSayWhatIsExpected() {
    ArrayConfig d = OverlayRole.DEFAULT_ARRAY; // the example the message gives is the default shape
    assertEquals("sim device option overlay: expected PxT such as " + d.pes() + "x" + d.threadsPerPe()
        + " (PEs x threads per PE), found '16'",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:jvm?overlay=16")).getMessage());
    assertEquals("sim device option overlay: expected 1 to 64 PEs of 1 to 16 threads, found 2 PEs of 32 threads",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:jvm?overlay=2x32")).getMessage());
    assertEquals("sim device option: expected overlay=PxT (PEs x threads), found option 'pes'",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:jvm?pes=16")).getMessage());
    assertEquals("device URI 'sim:jvm?overlay': expected options as key=value separated by &, found 'overlay'",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:jvm?overlay")).getMessage());
    assertEquals("device URI 'sim:jvm?overlay=2x4&overlay=4x4': option overlay is given twice",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:jvm?overlay=2x4&overlay=4x4")).getMessage());
    assertEquals("device URI: expected sim:jvm or sim:verilator, found 'sim:iverilog?overlay=2x4'",
        assertThrows(IllegalArgumentException.class, () -> Veneer.open("sim:iverilog?overlay=2x4")).getMessage());
  }
}
