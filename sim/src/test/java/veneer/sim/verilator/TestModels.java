package veneer.sim.verilator;

import java.nio.file.Path;
import veneer.hdl.Elaborator;
import veneer.hdl.ir.Design;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;

/** Opens {@link BackendTestTop} (through the Verilog emitter) on the Verilator back end, with a model cache shared by the tests. */
final class TestModels {
  /** Kept across test runs (until mvn clean), so only the first run pays for the builds. */
  static final Path CACHE = Path.of("target", "verilator-test-cache").toAbsolutePath();

  private TestModels() {}

  static Design design() {
    return Elaborator.elaborate(new BackendTestTop());
  }

  static SimOptions options() {
    return SimOptions.defaults().withCacheDir(CACHE);
  }

  static Simulator open() {
    return open(options());
  }

  static Simulator open(SimOptions options) {
    return new VerilatorSimulatorFactory().open(design(), options);
  }
}
