package veneer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code veneer bench}: the benchmarks; each prints a table, or one JSON object with --json.
 * Without a sub-command it runs every bench with its defaults, one after the other; with
 * {@code --json} it prints one object with a member per bench.
 *
 * <pre>{@code
 * ./veneer bench --json                  # {"sim":{...},"pe":{...},"compiler":{...},"shell":{...},"e2e":{...}}
 * }</pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Run benchmarks: a table, or one JSON object with --json.",
        "Each prints a table for people and, with --json, the same figures as one JSON object "
            + "(keys documented in docs/benchmarks.md). Without a sub-command, every bench runs with its "
            + "defaults (sim, pe, compiler, shell, e2e; this takes long); --json then prints one object "
            + "with a member per bench."},
    subcommands = {SimBench.class, PeBench.class, CompilerBenchCommand.class, ShellBenchCommand.class,
        EndToEndBench.class})
final class BenchCommand implements Callable<Integer> {
  /** Every bench, in the order they run: its name and how to make one. */
  private static final Map<String, Supplier<Callable<Integer>>> BENCHES = new LinkedHashMap<>();

  static {
    BENCHES.put("sim", SimBench::new);
    BENCHES.put("pe", PeBench::new);
    BENCHES.put("compiler", CompilerBenchCommand::new);
    BENCHES.put("shell", ShellBenchCommand::new);
    BENCHES.put("e2e", EndToEndBench::new);
  }

  @Option(names = "--json", description = "Print one JSON object with a member per bench instead of the tables.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return run(List.copyOf(BENCHES.keySet()));
  }

  /** Runs the benches named in {@code only}, in that order (the tests run a quick subset). */
  int run(List<String> only) throws Exception {
    for (String name : only) {
      if (!BENCHES.containsKey(name)) {
        throw new IllegalArgumentException("bench: expected some of " + String.join(", ", BENCHES.keySet())
            + ", found '" + name + "'");
      }
    }
    int status = 0;
    StringBuilder all = new StringBuilder("{");
    for (String name : only) {
      Callable<Integer> bench = BENCHES.get(name).get();
      new CommandLine(bench).parseArgs(json ? new String[] {"--json"} : new String[0]); // its defaults, as on its own
      // A bench that fails (a tool missing, a check failing) is reported and the others still run.
      if (json) {
        String member;
        try {
          Captured c = captured(bench);
          status |= c.status;
          member = c.object(name);
        } catch (Exception e) {
          status = 1;
          member = Json.write(Map.of("error", reason(e)));
        }
        all.append(all.length() > 1 ? "," : "").append(Json.write(name)).append(':').append(member);
      } else {
        System.out.println("== bench " + name + " ==");
        try {
          status |= bench.call();
        } catch (Exception e) {
          status = 1;
          System.out.println("bench " + name + " failed: " + reason(e));
        }
        System.out.println();
      }
    }
    if (json) {
      System.out.println(all.append('}'));
    }
    return status == 0 ? 0 : 1;
  }

  /** What a bench printed with --json, and its exit status. */
  private record Captured(int status, String out) {
    /** The bench's one JSON object; anything else is an error, not a silently broken document. */
    String object(String name) {
      String s = out.strip();
      if (!s.startsWith("{") || !s.endsWith("}") || s.contains("\n")) {
        throw new IllegalStateException("bench " + name + " --json: expected one JSON object on one line, found: "
            + (s.length() > 200 ? s.substring(0, 200) + "…" : s));
      }
      return s;
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Runs {@code bench} with standard output captured: the benches print their JSON there. */
  private static Captured captured(Callable<Integer> bench) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      int status = bench.call();
      return new Captured(status, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }
}
