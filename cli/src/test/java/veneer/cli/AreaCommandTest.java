package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AreaCommandTest {
  /** A small two-level design through both syntheses, as JSON. */
  @Test
  void printsTheFlattenedAndThePerModuleAreaAsJson() {
    CliRun r = CliRun.of("area", "--top", "AccumulatorPair", "--by-module", "--json");
    assertEquals(0, r.status(), r.out() + r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> f = (Map<String, Object>) MiniJson.parse(r.out());
    assertEquals("AccumulatorPair", f.get("design"));
    @SuppressWarnings("unchecked")
    Map<String, Object> flat = (Map<String, Object>) f.get("flattened");
    assertTrue(((Number) flat.get("luts")).intValue() > 0, flat.toString());
    assertTrue(((Number) flat.get("logic_depth")).intValue() > 0, flat.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> modules = (List<Map<String, Object>>) f.get("modules");
    assertEquals(2, modules.size(), "the top and its accumulator: " + modules);
    assertEquals(2, ((Number) modules.stream().filter(m -> ((Number) m.get("flip_flops")).intValue() == 16).findFirst()
        .orElseThrow().get("instances")).intValue(), "the accumulator, twice: " + modules);
    int byInstance = 0;
    int flipFlops = 0;
    for (Map<String, Object> m : modules) {
      int n = ((Number) m.get("instances")).intValue();
      byInstance += n * ((Number) m.get("luts")).intValue();
      flipFlops += n * ((Number) m.get("flip_flops")).intValue();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> total = (Map<String, Object>) f.get("hierarchical");
    assertEquals(byInstance, ((Number) total.get("luts")).intValue(), "the modules add up to the design");
    assertEquals(flipFlops, ((Number) total.get("flip_flops")).intValue());
    assertEquals(((Number) flat.get("flip_flops")).intValue(), flipFlops, "both keep every register");
  }

  @Test
  void anUnknownDesignIsAClearError() {
    CliRun r = CliRun.of("area", "--top", "NoSuchDesign");
    assertNotEquals(0, r.status());
    assertTrue(r.err().contains("NoSuchDesign"), r.err());
  }
}
