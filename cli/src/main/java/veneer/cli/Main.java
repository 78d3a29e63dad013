package veneer.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import veneer.sim.progress.Progress;

/**
 * The {@code veneer} command. Each sub-command is its own class; this one only wires them up
 * and turns failures into one-line errors (the stack trace only with {@code --debug}).
 *
 * <pre>{@code ./veneer verilog --top veneer.examples.hdl.Counter --out build/}</pre>
 */
@Command(
    name = "veneer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Veneer: FPGA accelerators in Java — HDL, simulators, overlay, kernels, runtime.",
    subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, VerilogCommand.class, AreaCommand.class,
        KeygenCommand.class, ImageCommand.class, CompileCommand.class, PeCommand.class,
        BenchCommand.class, LoadCommand.class, RunCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; used by tests too. */
  public static int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
    Progress.install(ConsoleProgress.forTerminal());
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((ex, line, parsed) -> {
      if (debug) {
        ex.printStackTrace(line.getErr());
      } else {
        line.getErr().println("veneer: " + CliErrors.describe(ex));
      }
      return 1;
    });
    return cli.execute(rest);
  }
}
