package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void theDemoPassesEveryCheckOnBothBackEnds() {
    CliRun r = CliRun.of("demo", "--backend", "both", "--out", dir.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("ok: both back ends end in the same state"), r.out());
    assertTrue(r.out().contains("tampered copy refused"), r.out());
    assertTrue(r.out().endsWith("demo: all checks passed\n"), r.out());
    assertTrue(Files.isRegularFile(dir.resolve("rtl").resolve("LfsrAluLanes8x32.v")));
  }
}
