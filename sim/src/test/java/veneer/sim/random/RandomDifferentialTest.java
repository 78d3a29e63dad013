package veneer.sim.random;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import veneer.hdl.verilog.VerilogEmitter;

/**
 * The in-JVM simulator and Verilator agree, cycle by cycle, on every output of
 * {@code veneer.diff.designs} random designs (default 200), 25 designs per Verilator build.
 * Rerun one seed with {@code -Dveneer.random.seed=N}; a failing design is dumped under
 * {@code target/differential/}.
 */
class RandomDifferentialTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 20240607L);
  private static final int DESIGNS = Integer.getInteger("veneer.diff.designs", 200);
  private static final int PER_BUILD = Integer.getInteger("veneer.diff.perBuild", 25);
  private static final int CYCLES = Integer.getInteger("veneer.diff.cycles", 2000);

  @Test
  void jvmAndVerilatorAgreeOnRandomDesigns() {
    System.out.println("differential test: seed " + SEED + ", " + DESIGNS + " designs");
    new DifferentialTester(new RandomDesignGenerator(SEED, RandomDesignOptions.defaults()),
        Path.of("target", "differential"))
        .verilog(VerilogEmitter::emit)
        .run(DESIGNS, PER_BUILD, CYCLES);
  }
}
