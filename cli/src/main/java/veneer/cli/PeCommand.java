package veneer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import veneer.overlay.run.PeRunOptions;
import veneer.overlay.run.PeRunResult;
import veneer.overlay.run.PeRunner;
import veneer.sim.Backend;

/** {@code veneer pe}: the processing element on its own. */
@Command(name = "pe", mixinStandardHelpOptions = true,
    description = "Run programs on one simulated RV32IM processing element.",
    subcommands = {PeCommand.Run.class})
final class PeCommand {

  /** {@code veneer pe run FILE.elf}: one bare-metal program on one PE, until it writes tohost. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Run a bare-metal RV32IM ELF (linked with pe-sdk/pe.ld) on one simulated PE.",
          "A store of 1 to the symbol tohost passes (exit 0); v > 1 fails with code v>>1 (exit 1).",
          "Example: ./veneer pe run hello.elf --threads 8 --trace"})
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.elf", description = "The program.")
    Path elf;

    @Option(names = "--threads", paramLabel = "T", description = "Hardware threads, 1 to 16 (default ${DEFAULT-VALUE}).")
    int threads = PeRunOptions.defaults().threads();

    @Option(names = "--backend", paramLabel = "jvm|verilator", description = "Simulator (default jvm).")
    String backend = "jvm";

    @Option(names = "--trace", description = "Print one line per retired instruction.")
    boolean trace;

    @Option(names = "--lockstep", description = "Check every retired instruction against the reference ISS.")
    boolean lockstep;

    @Option(names = "--max-cycles", paramLabel = "N", description = "Give up after N cycles (default ${DEFAULT-VALUE}).")
    long maxCycles = PeRunOptions.defaults().maxCycles();

    @Override
    public Integer call() {
      if (!Files.isRegularFile(elf)) {
        throw new IllegalArgumentException("no such file: " + elf);
      }
      PeRunOptions o = PeRunOptions.defaults().withThreads(threads).withBackend(Backend.parse(backend))
          .withTrace(trace).withLockstep(lockstep).withMaxCycles(maxCycles);
      PeRunResult r = new PeRunner(o).run(elf, System.out);
      System.out.print(r.console());
      System.out.println(r.summary());
      return r.passed() ? 0 : 1;
    }
  }
}
