package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Elaborator;
import veneer.hdl.Top;
import veneer.hdl.TopFactory;
import veneer.hdl.ir.Design;
import veneer.hdl.verilog.LintTools;
import veneer.hdl.verilog.VerilogEmitter;

/**
 * Every top-level design in the repository — whatever {@code ./veneer verilog --list} prints —
 * emits Verilog, at the design's {@code @Top(testParams)}, that Verilator ({@code --lint-only
 * -Wall}) and Icarus accept without a single warning, and that Yosys takes through the whole
 * word-level half of {@code synth} (every stage before {@code fine}: hierarchy, processes,
 * memories, the {@code check} pass) without one. docs/testing.md says why that half is the
 * proof of synthesizability and what the test costs.
 *
 * <p>Yosys handles each distinct module once per run: a module whose exact text an earlier
 * design already took through it cleanly is read as a black box (its ports still checked
 * against every instance), so a sub-design shipped inside a larger one costs nothing twice.
 */
class AllDesignsLintTest {
  /** The stages of {@code synth} up to {@code fine}, without {@code -top} so that no module is pruned. */
  static final String SYNTHESIS = "synth -run begin:fine";

  @TempDir
  Path dir;

  /** The text of every module that Yosys accepted in an earlier design of this run. */
  private final Set<String> synthesized = new HashSet<>();

  @TestFactory
  Stream<DynamicTest> everyDesignIsLintClean() {
    List<String> designs = TopRegistry.all();
    assertTrue(designs.contains("veneer.overlay.pe.Pe"), "the registry finds the designs: " + designs);
    return designs.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Class<?> c = Class.forName(name);
      Map<String, String> params = new LinkedHashMap<>();
      for (String p : c.getAnnotation(Top.class).testParams()) {
        String[] kv = p.split("=", 2);
        params.put(kv[0], kv[1]);
      }
      Design d = Elaborator.elaborate(TopFactory.create(c, params));
      Path out = dir.resolve(c.getSimpleName());
      Map<String, String> texts = new LinkedHashMap<>();
      for (Path f : VerilogEmitter.writeTo(d, out)) {
        texts.put(f.getFileName().toString(), Files.readString(f));
      }
      Set<String> seen = new HashSet<>();
      texts.forEach((file, text) -> {
        if (synthesized.contains(text)) {
          seen.add(file);
        }
      });
      String top = VerilogEmitter.topName(d);
      List<LintTools.Finding> findings = new ArrayList<>(LintTools.verilator(out, top));
      findings.addAll(LintTools.iverilog(out, top));
      findings.addAll(LintTools.yosys(out, seen, SYNTHESIS));
      assertEquals(List.of(), findings, name + " " + params + " is not lint clean");
      synthesized.addAll(texts.values());
    }));
  }
}
