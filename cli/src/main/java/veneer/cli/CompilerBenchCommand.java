package veneer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.compiler.bench.CompilerBench;

/** {@code veneer bench compiler}: compile time and code quality against hand-written assembly. */
@Command(name = "compiler", mixinStandardHelpOptions = true,
    description = {"Kernel compile time and instructions per element against hand-written assembly.",
        "Per kernel: median compile time, instructions per element on the PE model, and the",
        "ratio to a hand-written assembly version. Example: ./veneer bench compiler --json"})
final class CompilerBenchCommand implements Callable<Integer> {
  @Option(names = "--threads", description = "PE threads for both runs (default ${DEFAULT-VALUE}).")
  int threads = 4;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    CompilerBench.Report r = CompilerBench.run(threads);
    System.out.print(json ? r.json() + "\n" : r.table());
    return 0;
  }
}
