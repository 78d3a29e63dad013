package veneer.shell.overlay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overlay's vector add through the whole DRAM path; prints where the line traffic waited. */
class OverlayDramPathTest {
  @ParameterizedTest(name = "{0}x{1}, n={2}")
  @CsvSource({"16, 8, 16384", "32, 8, 16384"})
  void vectorAddLineTraffic(int pes, int threads, int n) {
    OverlayDramPath.Result r = OverlayDramPath.vectorAdd(pes, threads, n);
    System.out.println(r);
  }
}
