package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.overlay.array.ArrayConfig;
import veneer.shell.role.OverlayRole;

/**
 * {@code veneer demo}: on the default overlay ({@link OverlayRole#DEFAULT_ARRAY}; this is the test
 * about the default), and on both back ends with the tests' overlay ({@link OverlayRole#TEST_ARRAY}),
 * which need not grow with the default.
 */
class DemoCommandTest {
  private static final ArrayConfig DEFAULT = OverlayRole.DEFAULT_ARRAY;
  private static final String TEST_SHAPE = OverlayRole.TEST_ARRAY.pes() + "x" + OverlayRole.TEST_ARRAY.threadsPerPe();
  private static final List<String> KERNELS = List.of("vector add", "matrix multiply 16x16", "3x3 blur 32x16",
      "histogram 4096 B");

  @TempDir
  Path dir;

  @Test
  void theDemoPassesEveryCheckAndPrintsTheTableOnTheDefaultOverlay() {
    CliRun r = CliRun.of("demo", "--backend", "both", "--out", dir.toString());
    String out = r.out();
    assertEquals(0, r.status(), out + r.err());
    String shape = DEFAULT.pes() + "x" + DEFAULT.threadsPerPe();
    assertTrue(out.contains("\n   overlay " + shape + " (PEs x threads per PE"), out);
    assertTrue(out.contains("9. Figures (sim:jvm, overlay " + shape + ";"), out);
    assertTrue(out.contains("ok: both back ends end in the same state"), out);
    assertTrue(out.contains("ok: Ed25519 signature by trusted key"), out);
    assertTrue(out.contains("status OK, active variant 3"), out);
    assertTrue(out.contains("ok: tampered image refused (PAYLOAD_DIGEST_MISMATCH), nothing reached the device"), out);
    assertTrue(out.contains("ok: user function asked for RTL variant 1: refused by management"), out);
    assertTrue(out.contains("ok: user function asked for an overlay signed by an unknown key: refused by management"), out);
    assertTrue(out.contains("ok: RTL vector add of 512 elements"), out);
    for (String kernel : KERNELS) {
      Matcher m = row(kernel, out);
      long elements = Long.parseLong(m.group(1));
      long cycles = Long.parseLong(m.group(2));
      assertTrue(cycles > 0, kernel);
      assertEquals(elements / (double) cycles, Double.parseDouble(m.group(3)), 0.0005, kernel);
      double share = Long.parseLong(m.group(4)) / (double) cycles / 64 * 100;
      assertEquals(share, Double.parseDouble(m.group(5)), 0.005, kernel);
    }
    assertTrue(out.endsWith("demo: all checks passed\n"), out);
    assertTrue(Files.isRegularFile(dir.resolve("rtl").resolve("LfsrAluLanes8x32.v")));
    assertTrue(Files.isRegularFile(dir.resolve("overlay.vimg")));
    assertTrue(Files.isRegularFile(dir.resolve("keys").resolve("release.pub")));
  }

  /**
   * The device on Verilator (the tests' overlay: a Verilator build of the default platform is a
   * cost that grows with the default): the same checks pass and every kernel takes exactly the cycles it takes
   * on the JVM back end (the simulators agree cycle for cycle, so the figures cannot differ).
   */
  @Test
  void onVerilatorTheDeviceGivesTheJvmFigures() {
    CliRun jvm = CliRun.of("demo", "--backend", "jvm", "--overlay", TEST_SHAPE, "--out", dir.resolve("jvm").toString());
    CliRun verilator = CliRun.of("demo", "--backend", "verilator", "--overlay", TEST_SHAPE, "--out",
        dir.resolve("verilator").toString());
    assertEquals(0, jvm.status(), jvm.out() + jvm.err());
    assertEquals(0, verilator.status(), verilator.out() + verilator.err());
    assertTrue(verilator.out().contains("9. Figures (sim:verilator?overlay=" + TEST_SHAPE + ", overlay " + TEST_SHAPE + ";"),
        verilator.out());
    assertTrue(verilator.out().endsWith("demo: all checks passed\n"), verilator.out());
    assertEquals(figures(jvm.out()), figures(verilator.out()));
  }

  /** Per kernel: elements, cycles and bytes moved, as the table prints them. */
  private static List<String> figures(String out) {
    List<String> rows = new ArrayList<>();
    for (String kernel : KERNELS) {
      Matcher m = row(kernel, out);
      rows.add(kernel + ": " + m.group(1) + " elements, " + m.group(2) + " cycles, " + m.group(4) + " bytes");
    }
    return rows;
  }

  private static Matcher row(String kernel, String out) {
    Matcher m = Pattern.compile("\\n   " + Pattern.quote(kernel)
        + " +(\\d+) +(\\d+) +([0-9.]+) +(\\d+) +([0-9.]+)% +([0-9.]+) +ok\\n").matcher(out);
    assertTrue(m.find(), kernel + " row missing or not ok:\n" + out);
    return m;
  }
}
