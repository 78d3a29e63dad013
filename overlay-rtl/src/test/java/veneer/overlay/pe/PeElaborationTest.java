package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.TopFactory;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.ModuleIr;

class PeElaborationTest {
  @Test
  void elaboratesForEveryThreadCountShape() {
    for (int t : new int[] {1, 2, 3, 4, 8, 16}) {
      Design d = Elaborator.elaborate(new Pe(t, 1, 256, 128));
      ModuleIr top = d.top();
      assertEquals("Pe", top.name());
      assertTrue(top.port("mem_ar_valid").isPresent(), "AXI port for T=" + t);
      assertTrue(top.port("retire_valid").isPresent());
      // AXI ID = access id: 8T rounded up to a power of two ids (8 to 128).
      int ids = Integer.highestOneBit(8 * t - 1) << 1;
      assertEquals(Integer.numberOfTrailingZeros(ids), top.port("mem_ar_id").orElseThrow().width(),
          "AXI ID = access id for T=" + t);
      assertTrue(top.port("wb_valid").isPresent() && top.port("retire_late").isPresent());
    }
  }

  @Test
  void buildsFromTopParameters() {
    Pe pe = (Pe) TopFactory.create(Pe.class, Map.of("threads", "8", "imemWords", "1024"));
    assertEquals(8, pe.config.threads());
    assertEquals(1024, pe.config.imemWords());
  }

  @Test
  void refusesBadThreadCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeConfig.of(17, 0, 16, 16));
    assertTrue(e.getMessage().contains("1 to 16 threads, found 17"), e.getMessage());
  }
}
