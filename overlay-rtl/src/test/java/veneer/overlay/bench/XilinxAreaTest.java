package veneer.overlay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class XilinxAreaTest {
  @Test
  void countsLutsFlipFlopsBlockRamsAndDspsFromYosysStat() {
    List<String> stat = List.of(
        "   Number of cells:               7337",
        "     CARRY4                        366",
        "     DSP48E1                        10",
        "     FDRE                         1862",
        "     FDSE                            1",
        "     LUT1                          191",
        "     LUT6                          847",
        "     MUXF7                         538",
        "     RAMB18E1                        2",
        "     RAMB36E1                       12");
    XilinxArea.Result r = XilinxArea.parse(stat);
    assertEquals(191 + 847, r.luts());
    assertEquals(1863, r.flipFlops());
    assertEquals(13.0, r.bram36());
    assertEquals(10, r.dsps());
  }
}
