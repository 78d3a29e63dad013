package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.TopFactory;
import veneer.hdl.ir.Design;
import veneer.overlay.memory.ArrayMemory;
import veneer.overlay.memory.CoalescerConfig;

class PeArrayElaborationTest {
  @Test
  void buildsFromTopParameters() {
    PeArray a = (PeArray) TopFactory.create(PeArray.class, Map.of("pes", "2", "threadsPerPe", "4",
        "imemWords", "512", "spmWords", "256"));
    assertEquals(2, a.config.pes());
    assertEquals(4, a.config.coalescer().threads());
    Design d = Elaborator.elaborate(a);
    assertTrue(d.modules().size() > 5, "PE, coalescer, arbiter, dispatcher, register file: " + d.modules().size());
    Elaborator.elaborate((ArrayMemory) TopFactory.create(ArrayMemory.class, Map.of("pes", "3")));
  }

  @Test
  void refusesBadShapesWithClearMessages() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArrayConfig.of(33, 4));
    assertTrue(e.getMessage().contains("1 to 32 PEs, found 33"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ArrayConfig(2, 4, 256, 256, CoalescerConfig.forThreads(8)));
    assertTrue(e.getMessage().contains("serves 8 threads but each PE has 4"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CoalescerConfig(4, 6, 8, 2));
    assertTrue(e.getMessage().contains("2, 4, 8 or 16 slots, found 6"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CoalescerConfig(4, 4, 8, 5));
    assertTrue(e.getMessage().contains("1 to 4 open read lines, found 5"), e.getMessage());
  }
}
