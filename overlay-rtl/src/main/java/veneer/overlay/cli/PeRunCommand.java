package veneer.overlay.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import veneer.overlay.run.PeRunOptions;
import veneer.overlay.run.PeRunResult;
import veneer.overlay.run.PeRunner;
import veneer.sim.Backend;

/**
 * {@code ./veneer pe run FILE.elf [--threads T] [--backend jvm|verilator] [--trace]
 * [--max-cycles N] [--lockstep]}: runs a bare-metal RV32IM program on one simulated PE and
 * prints its console output and a summary. Exit status 0 on pass (tohost = 1), 1 on failure or
 * timeout, 2 on bad arguments. Plain Java so that the CLI module can wrap it in any parser.
 *
 * <pre>{@code
 * int status = PeRunCommand.run(new String[] {"hello.elf", "--threads", "8"}, System.out, System.err);
 * }</pre>
 */
public final class PeRunCommand {
  private PeRunCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    PeRunOptions o = PeRunOptions.defaults();
    Path elf = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--threads" -> o = o.withThreads(intArg(args, ++i, a));
          case "--backend" -> o = o.withBackend(Backend.parse(value(args, ++i, a)));
          case "--trace" -> o = o.withTrace(true);
          case "--lockstep" -> o = o.withLockstep(true);
          case "--max-cycles" -> o = o.withMaxCycles(Long.parseLong(value(args, ++i, a)));
          default -> {
            if (a.startsWith("--") || elf != null) {
              throw new IllegalArgumentException("unexpected argument '" + a + "'; usage: pe run FILE.elf"
                  + " [--threads T] [--backend jvm|verilator] [--trace] [--max-cycles N] [--lockstep]");
            }
            elf = Path.of(a);
          }
        }
      }
      if (elf == null) {
        throw new IllegalArgumentException("expected an ELF file: pe run FILE.elf [options]");
      }
      if (!Files.isRegularFile(elf)) {
        throw new IllegalArgumentException("no such file: " + elf);
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    PeRunResult r = new PeRunner(o).run(elf, out);
    out.print(r.console());
    out.println(r.summary());
    return r.passed() ? 0 : 1;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int intArg(String[] args, int i, String option) {
    String v = value(args, i, option);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, found '" + v + "'");
    }
  }
}
