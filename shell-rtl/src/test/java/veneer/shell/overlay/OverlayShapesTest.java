package veneer.shell.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.memory.ArrayMemory;
import veneer.overlay.memory.CoalescerConfig;
import veneer.shell.ShellConfig;
import veneer.shell.VariantSpec;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * Other array shapes behind the same bridge (JVM back end): one PE with 8 coalescer slots, whose
 * 4-bit IDs ({1-bit PE index, slot}) pass through unchanged, and eight PEs of 16 threads with 16 slots, whose
 * 7-bit IDs fold onto the Role's 4 with up to eight originals per folded ID, behind 2-deep ID
 * queues, so requests do wait for a free entry (with the queues' full check removed this test
 * fails: responses go back with wrong IDs).
 */
class OverlayShapesTest {
  @ParameterizedTest(name = "{0} PEs x {1} threads, {2} slots")
  @CsvSource({"1, 4, 8, 4", "8, 16, 16, 7"})
  void vectorAddIsRightForEveryIdWidth(int pes, int threads, int slots, int idBits) {
    ArrayConfig shape = new ArrayConfig(pes, threads, 256, 256, new CoalescerConfig(threads, slots, 16, 4));
    assertEquals(idBits, ArrayMemory.memParams(pes, shape.coalescer()).idWidth(), "the array's ID width");
    ShellConfig c = SimulatedPlatform.Params.sized(256, 16).shell();
    List<VariantSpec> variants = new ArrayList<>(c.variants());
    variants.set(2, new VariantSpec(SimulatedPlatform.OVERLAY, p -> new OverlayRole(p, shape, 2)));
    SimulatedPlatform platform = new SimulatedPlatform(SimulatedPlatform.Params.sized(256, 16).withShell(
        new ShellConfig(c.interfaceId(), c.role(), variants, c.dram(), c.dramTiming(), c.tlpWidth(), c.resetCycles(),
            c.maxBursts(), true)));
    try (PlatformDriver dev = PlatformDriver.open(platform, Backend.JVM)) {
      dev.enumerate();
      assertEquals(PrStatus.OK, dev.loadImage(OverlayHost.image(SimulatedPlatform.OVERLAY)));
      OverlayHost host = new OverlayHost(dev);
      assertEquals(pes | threads << 8 | (256 / 16) << 16, host.read("shape"));
      OverlayKernel k = OverlayKernel.vectorAdd();
      host.loadProgram(k);
      int n = 1000;
      OverlayRoleTest.VectorAdd v = OverlayRoleTest.VectorAdd.seeded(dev, 40 + pes, 0x0FC0, 0x13F00, 0x28040, n);
      host.arguments(v.arguments());
      host.launch(k.symbol("_start"), n, 0, 100_000);
      assertEquals(0b010, host.read("status"), "done, no error");
      assertArrayEquals(v.expected(), v.result(dev));
      assertEquals(0x5EE0_5EE0, v.guard(dev));
      assertEquals(host.counter("mem_line_reads"), dev.pf0Read("role_dram_reads"));
      assertEquals(host.counter("mem_line_writes"), dev.pf0Read("role_dram_writes"));
    }
  }
}
