package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import veneer.hdl.designs.ReferenceDesigns;
import veneer.hdl.ir.Design;

/** The same design gives byte-identical files, whether emitted twice or elaborated twice. */
class DeterminismTest {
  static List<String> designs() {
    return List.copyOf(ReferenceDesigns.all().keySet());
  }

  @ParameterizedTest
  @MethodSource("designs")
  void emittingTwiceGivesIdenticalFiles(String name) {
    Design once = ReferenceDesigns.elaborate(name);
    Map<String, String> first = VerilogEmitter.emit(once);
    assertEquals(first, VerilogEmitter.emit(once));
    Map<String, String> again = VerilogEmitter.emit(ReferenceDesigns.elaborate(name));
    assertEquals(List.copyOf(first.keySet()), List.copyOf(again.keySet()), "file order");
    assertEquals(first, again);
  }
}
