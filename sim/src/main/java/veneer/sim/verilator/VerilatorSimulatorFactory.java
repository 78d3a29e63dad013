package veneer.sim.verilator;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Port;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;
import veneer.sim.SimulatorFactory;

/**
 * The Verilator back end: emits the design's Verilog, builds it with Verilator into a shared
 * library (cached under {@code options.cacheDir()/verilator/<sha-256>/}, so an unchanged design
 * is built once), and runs it through JNI. Found by {@link veneer.sim.Backend#VERILATOR}.
 *
 * <pre>{@code
 * try (Simulator sim = Simulators.open(design, Backend.VERILATOR, SimOptions.defaults().withWaves(true))) {
 *   sim.dumpWaves(Path.of("target/counter.vcd"));
 *   sim.reset(1);
 *   sim.step(100);
 * }
 * }</pre>
 *
 * <p>Needs the Debian packages {@code verilator} (5.006 is what it is tested with), {@code g++},
 * {@code make} and a JDK with its JNI headers.
 */
public final class VerilatorSimulatorFactory implements SimulatorFactory {
  private static final ConcurrentHashMap<String, Long> LOADED = new ConcurrentHashMap<>();
  private final VerilogSource source;

  /** The back end on the Verilog emitter of veneer-dsl. */
  public VerilatorSimulatorFactory() {
    this(new EmitterVerilogSource());
  }

  VerilatorSimulatorFactory(VerilogSource source) {
    this.source = source;
  }

  @Override
  public Simulator open(Design design, SimOptions options) {
    NativeBridge.ensureLoaded(options.cacheDir());
    VerilogSource.Files files = source.of(design);
    List<Port> ports = design.top().ports();
    ModelBuildTimer.Record build = ModelBuilder.obtain(files, ports, options.waves(), options.cacheDir());
    String lib = build.library().toAbsolutePath().toString();
    long api = LOADED.computeIfAbsent(lib, NativeBridge::loadModelLibrary);
    return new VerilatorSimulator(design, files.topModule(), ports, api, options.waves(), build);
  }
}
