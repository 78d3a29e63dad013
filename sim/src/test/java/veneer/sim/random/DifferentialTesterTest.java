package veneer.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Elaborator;
import veneer.sim.Backend;

/** The harness itself, with stand-in simulators: it passes agreeing back ends and pins down a disagreement. */
class DifferentialTesterTest {
  private static final long SEED = 11;

  @Test
  void agreeingBackEndsPass(@TempDir Path dir) {
    RandomDesignGenerator gen = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    new DifferentialTester(gen, dir)
        .opener((d, b, o) -> new FakeEvaluator(d, b, -1, null))
        .run(6, 3, 50);
    assertEquals(0, dir.toFile().list().length);
  }

  @Test
  void aDisagreementNamesSeedDesignCyclePortAndValuesAndDumpsTheDesign(@TempDir Path dir) throws Exception {
    RandomDesignGenerator gen = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    String port = gen.batch(3, 3).outputNames().get(0); // an output of design 3
    DifferentialTester t = new DifferentialTester(gen, dir)
        .opener((d, b, o) -> new FakeEvaluator(d, b, b == Backend.VERILATOR ? 17 : -1, port))
        .verilog(d -> Map.of("top.v", "// verilog of " + d.top().name() + "\n"));
    DifferentialMismatch e = assertThrows(DifferentialMismatch.class, () -> t.run(6, 3, 50));
    String m = e.getMessage();
    assertTrue(m.startsWith("simulators disagree: seed 11, design 3, cycle 17, port " + port + ": JVM = 0x"), m);
    assertTrue(m.contains(", VERILATOR = 0x"), m);
    Path dump = dir.resolve("seed-11-design-3");
    assertTrue(m.contains("design dumped to " + dump), m);
    assertEquals(DesignText.of(Elaborator.elaborate(gen.design(3))), Files.readString(dump.resolve("design.ir.txt")));
    assertEquals("// verilog of RandDesign3\n", Files.readString(dump.resolve("top.v")));
  }
}
