package veneer.hdl.verilog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the three external Verilog tools that are Veneer's reference for "the emitted Verilog is
 * right" on a directory of {@code .v} files, and returns what they find:
 * <ul>
 *   <li>{@code verilator --lint-only -Wall --top-module T} on every file;</li>
 *   <li>{@code iverilog -g2012 -o /dev/null -s T} on every file;</li>
 *   <li>{@code yosys -q -p "read_verilog FILES; synth -top T"}: every line mentioning a warning or
 *       an error is a finding.</li>
 * </ul>
 * A tool that is not installed is an error naming the Debian package to install, never a silent
 * skip.
 *
 * <pre>{@code
 * VerilogEmitter.writeTo(design, dir);
 * List<LintTools.Finding> findings = LintTools.lint(dir, VerilogEmitter.topName(design));
 * findings.forEach(System.out::println);   // "verilator: %Warning-UNUSEDSIGNAL: ..."
 * }</pre>
 */
public final class LintTools {
  /** How long one tool may run before it counts as hung. */
  private static final long TIMEOUT_SECONDS = 600;

  /** One message of one tool. */
  public record Finding(String tool, String message) {
    @Override
    public String toString() {
      return tool + ": " + message;
    }
  }

  private LintTools() {}

  /** All findings of Verilator, Icarus Verilog and Yosys, in that order. */
  public static List<Finding> lint(Path dir, String top) {
    List<Finding> all = new ArrayList<>();
    all.addAll(verilator(dir, top));
    all.addAll(iverilog(dir, top));
    all.addAll(yosys(dir, top));
    return all;
  }

  /** {@code verilator --lint-only -Wall}: every warning and error. */
  public static List<Finding> verilator(Path dir, String top) {
    List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", top));
    cmd.addAll(files(dir));
    Result r = run("verilator", "verilator", dir, cmd);
    List<Finding> out = new ArrayList<>();
    for (String line : r.lines()) {
      if (line.startsWith("%Warning") || line.startsWith("%Error")) {
        out.add(new Finding("verilator", line));
      }
    }
    return withExitStatus(out, "verilator", r);
  }

  /** {@code iverilog -g2012}: any output at all is a finding (it prints only warnings and errors). */
  public static List<Finding> iverilog(Path dir, String top) {
    List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2012", "-o", "/dev/null", "-s", top));
    cmd.addAll(files(dir));
    Result r = run("iverilog", "iverilog", dir, cmd);
    List<Finding> out = new ArrayList<>();
    for (String line : r.lines()) {
      if (!line.isBlank()) {
        out.add(new Finding("iverilog", line));
      }
    }
    return withExitStatus(out, "iverilog", r);
  }

  /** {@code yosys -q ... synth -top T}: every line that mentions a warning or an error. */
  public static List<Finding> yosys(Path dir, String top) {
    return yosysScript(dir, "read_verilog " + String.join(" ", files(dir)) + "; synth -top " + top);
  }

  /**
   * {@code yosys -q} on the Verilog files of {@code dir}, the ones named in {@code blackBoxes}
   * read with {@code read_verilog -lib} (ports only: instances of them are still checked, their
   * bodies are not processed), then {@code passes}; every line that mentions a warning or an
   * error is a finding. For example {@code yosys(dir, Set.of("Alu.v"), "synth -run begin:fine")}.
   */
  public static List<Finding> yosys(Path dir, Set<String> blackBoxes, String passes) {
    List<String> full = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (String f : files(dir)) {
      (blackBoxes.contains(f) ? ports : full).add(f);
    }
    String script = (ports.isEmpty() ? "" : "read_verilog -lib " + String.join(" ", ports) + "; ")
        + (full.isEmpty() ? "" : "read_verilog " + String.join(" ", full) + "; ") + passes;
    return yosysScript(dir, script);
  }

  private static List<Finding> yosysScript(Path dir, String script) {
    Result r = run("yosys", "yosys", dir, List.of("yosys", "-q", "-p", script));
    List<Finding> out = new ArrayList<>();
    for (String line : r.lines()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.contains("warning") || lower.contains("error")) {
        out.add(new Finding("yosys", line));
      }
    }
    return withExitStatus(out, "yosys", r);
  }

  private static List<Finding> withExitStatus(List<Finding> found, String tool, Result r) {
    if (r.exitCode() != 0 && found.isEmpty()) {
      found.add(new Finding(tool, "exited with status " + r.exitCode() + ": " + String.join(" | ", r.lines())));
    }
    return found;
  }

  /** The Verilog files of {@code dir}, sorted by name, as names relative to it. */
  private static List<String> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".v") || n.endsWith(".sv"))
          .sorted()
          .collect(Collectors.toList());
      if (names.isEmpty()) {
        throw new IllegalArgumentException("no .v files in " + dir + " to lint; write the design there first"
            + " (VerilogEmitter.writeTo)");
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Verilog files of " + dir, e);
    }
  }

  private record Result(int exitCode, List<String> lines) {}

  private static Result run(String tool, String aptPackage, Path dir, List<String> cmd) {
    Path log;
    try {
      log = Files.createTempFile("veneer-" + tool, ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a log file for " + tool, e);
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      deleteQuietly(log);
      throw new IllegalStateException(tool + " is not installed or not on the PATH (" + e.getMessage()
          + "); install it with: sudo apt-get install " + aptPackage, e);
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(tool + " did not finish within " + TIMEOUT_SECONDS + " s on " + dir);
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return new Result(p.exitValue(), text.lines().collect(Collectors.toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output of " + tool, e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + tool + " was running", e);
    } finally {
      deleteQuietly(log);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A leftover log file in the temp directory is harmless.
    }
  }
}
