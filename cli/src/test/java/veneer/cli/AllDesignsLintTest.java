package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * emits Verilog that Verilator (-Wall), Icarus and Yosys ({@code synth -top}) accept without a
 * single warning, at the design's {@code @Top(testParams)}.
 */
class AllDesignsLintTest {
  @TempDir
  Path dir;

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
      VerilogEmitter.writeTo(d, out);
      List<LintTools.Finding> findings = LintTools.lint(out, VerilogEmitter.topName(d));
      assertEquals(List.of(), findings, name + " " + params + " is not lint clean");
    }));
  }
}
