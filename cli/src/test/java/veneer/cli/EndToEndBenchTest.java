package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import veneer.shell.role.OverlayRole;

/** {@code veneer bench e2e}, small sizes on the tests' overlay ({@link OverlayRole#TEST_ARRAY}). */
class EndToEndBenchTest {
  private static final String TEST_SHAPE = OverlayRole.TEST_ARRAY.pes() + "x" + OverlayRole.TEST_ARRAY.threadsPerPe();
  private static final String[] SMALL = {"bench", "e2e", "--overlay", TEST_SHAPE, "--launches", "2", "--vector-length",
      "64", "--matrix-size", "4", "--conv-width", "6", "--conv-height", "4"};

  @Test
  void benchHelpListsEveryBenchAndE2eHelpListsItsOptions() {
    CliRun r = CliRun.of("bench", "--help");
    assertEquals(0, r.status(), r.err());
    for (String name : List.of("sim", "pe", "compiler", "shell", "e2e")) {
      assertTrue(Pattern.compile("(?m)^\\s+" + name + "\\s").matcher(r.out()).find(), name + " missing:\n" + r.out());
    }
    CliRun e2e = CliRun.of("bench", "e2e", "--help");
    for (String option : List.of("--backend", "--overlay", "--launches", "--vector-length", "--matrix-size", "--conv-width",
        "--conv-height", "--json")) {
      assertTrue(e2e.out().contains(option), option + " missing:\n" + e2e.out());
    }
  }

  @Test
  void aSmallRunPrintsTheTableAndTheDocumentedJsonWithTheSameRepeatableCycleCounts() throws IOException {
    CliRun table = CliRun.of(SMALL);
    assertEquals(0, table.status(), table.out() + table.err());
    String[] jsonArgs = Arrays.copyOf(SMALL, SMALL.length + 1);
    jsonArgs[SMALL.length] = "--json";
    CliRun json = CliRun.of(jsonArgs);
    assertEquals(0, json.status(), json.out() + json.err());
    assertEquals(1, json.out().lines().count(), json.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> f = (Map<String, Object>) MiniJson.parse(json.out());

    assertEquals(documentedKeys(), keysOf(f), "JSON keys against docs/benchmarks.md");
    assertEquals("e2e", f.get("bench"));
    assertEquals("sim:jvm?overlay=" + TEST_SHAPE, f.get("device"));
    assertEquals(TEST_SHAPE, f.get("overlay"), "the shape the device reports");
    assertEquals(2.0, f.get("launches"));
    assertEquals(Boolean.TRUE, f.get("all_match_jvm"));
    assertEquals(50.0, f.get("goal_vector_add_roofline_percent"));

    // The table run and the JSON run are two runs: their device cycle counts must be equal.
    String out = table.out();
    assertTrue(out.startsWith("End to end on sim:jvm?overlay=" + TEST_SHAPE + ", overlay " + TEST_SHAPE + ", through"), out);
    assertTrue(out.contains("image load through PF0: " + whole(f.get("image_bytes")) + " bytes signed image, "
        + whole(f.get("image_load_cycles")) + " device cycles"), out);
    assertTrue(out.contains("(launch + wait, 1 work-item, 2 timed): " + whole(f.get("launch_cycles")) + " device cycles"),
        out);
    assertTrue(out.contains(String.format(Locale.ROOT, "  %,d launches per simulated second",
        whole(f.get("launches_per_simulated_second")))), out);
    assertTrue((Double) f.get("launch_cycles") > 0 && (Double) f.get("image_load_cycles") > 0, json.out());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kernels = (List<Map<String, Object>>) f.get("kernels");
    assertEquals(List.of("vector add", "matrix multiply 4x4", "3x3 blur 6x4"),
        kernels.stream().map(k -> k.get("name")).toList());
    for (Map<String, Object> k : kernels) {
      Matcher m = Pattern.compile("\\n" + Pattern.quote((String) k.get("name"))
          + " +(\\d+) +(\\d+) +([0-9.]+) +(\\d+) +([0-9.]+)% +[0-9.]+ +ok\\n").matcher(out);
      assertTrue(m.find(), k.get("name") + " row missing or not ok:\n" + out);
      double cycles = (Double) k.get("cycles");
      assertTrue(cycles > 0, k.toString());
      assertEquals(whole(k.get("elements")), Long.parseLong(m.group(1)), k.toString());
      assertEquals(whole(cycles), Long.parseLong(m.group(2)), "cycles repeat across runs: " + k);
      assertEquals((Double) k.get("elements_per_cycle"), Double.parseDouble(m.group(3)), 0, k.toString());
      assertEquals(whole(k.get("bytes_moved")), Long.parseLong(m.group(4)), k.toString());
      assertEquals((Double) k.get("roofline_percent"), Double.parseDouble(m.group(5)), 0, k.toString());
      assertEquals(100 * (Double) k.get("bytes_moved") / cycles / 64, (Double) k.get("roofline_percent"), 0.005,
          k.toString());
      assertEquals(Boolean.TRUE, k.get("matches_jvm"));
    }
    assertEquals(kernels.get(0).get("roofline_percent"), f.get("vector_add_roofline_percent"));
    assertTrue(out.contains(String.format(Locale.ROOT,
        "goal: vector add >= 50%% of the DRAM roofline; measured %.2f%%", f.get("vector_add_roofline_percent"))), out);
  }

  @Test
  void benchWithoutASubCommandWrapsEachBenchsObjectUnderItsName() throws Exception {
    BenchCommand all = new BenchCommand();
    all.json = true;
    CliRun r = captured(() -> all.run(List.of("compiler")));
    assertEquals(0, r.status(), r.out() + r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) MiniJson.parse(r.out());
    assertEquals(List.of("compiler"), List.copyOf(members.keySet()));
    assertTrue(((Map<?, ?>) members.get("compiler")).containsKey("kernels"), r.out());
  }

  @Test
  void anUnknownBenchIsRefusedWithTheNamesItKnows() throws Exception {
    BenchCommand all = new BenchCommand();
    CliRun r = captured(() -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.run(List.of("sim", "gpu")));
      assertEquals("bench: expected some of sim, pe, compiler, shell, e2e, found 'gpu'", e.getMessage());
      return 1;
    });
    assertFalse(r.out().contains("== bench sim"), "nothing runs before the names are checked: " + r.out());
  }

  /** Keys of the e2e table in docs/benchmarks.md: first column, back-quoted, list members as {@code kernels[].x}. */
  private static TreeSet<String> documentedKeys() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "benchmarks.md"));
    int start = doc.indexOf("## `./veneer bench e2e`");
    assertTrue(start >= 0, "docs/benchmarks.md has no e2e section");
    int end = doc.indexOf("\n## ", start + 1);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    TreeSet<String> keys = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^|]+)` \\|").matcher(section);
    while (row.find()) {
      for (String k : row.group(1).split("`, `")) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static TreeSet<String> keysOf(Map<String, Object> f) {
    TreeSet<String> keys = new TreeSet<>();
    for (Map.Entry<String, Object> e : f.entrySet()) {
      keys.add(e.getKey());
      if (e.getValue() instanceof List<?> list) {
        for (Object o : list) {
          for (Object k : ((Map<?, ?>) o).keySet()) {
            keys.add(e.getKey() + "[]." + k);
          }
        }
      }
    }
    return keys;
  }

  /** Runs {@code body} with standard output and error captured, like {@link CliRun} does for a command line. */
  private static CliRun captured(Callable<Integer> body) throws Exception {
    java.io.PrintStream oldOut = System.out;
    java.io.PrintStream oldErr = System.err;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      int status = body.call();
      return new CliRun(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
          err.toString(java.nio.charset.StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private static long whole(Object jsonNumber) {
    double d = (Double) jsonNumber;
    assertEquals(Math.rint(d), d, "expected a whole number");
    return (long) d;
  }
}
