package veneer.cli;

import picocli.CommandLine.Command;

/** {@code veneer bench}: the benchmarks; each prints a table, or one JSON object with --json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Run benchmarks: a table, or one JSON object with --json.",
        "Each prints a table for people and, with --json, the same figures as one JSON object",
        "(keys documented in docs/benchmarks.md)."},
    subcommands = {SimBench.class, PeBench.class, CompilerBenchCommand.class, ShellBenchCommand.class})
final class BenchCommand {
}
