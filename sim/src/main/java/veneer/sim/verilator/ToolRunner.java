package veneer.sim.verilator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the external tools (verilator, g++) with their output captured, so builds stay quiet. */
final class ToolRunner {
  private ToolRunner() {}

  /** What a finished tool run printed (stdout and stderr merged) and its exit code. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, Path dir) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(missingToolMessage(command.get(0)), e);
    }
    try {
      byte[] out = p.getInputStream().readAllBytes();
      int code = p.waitFor();
      return new Result(code, new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted while running " + command.get(0)));
    } catch (IOException e) {
      p.destroyForcibly();
      throw new UncheckedIOException("cannot read the output of " + command.get(0), e);
    }
  }

  /** The first line a tool prints for {@code --version}; a missing tool is a clear error. */
  static String version(String tool) {
    Result r = run(List.of(tool, "--version"), null);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(tool + " --version failed (exit " + r.exitCode() + "): " + r.output());
    }
    return r.output().lines().findFirst().orElse("").trim();
  }

  private static String missingToolMessage(String tool) {
    String pkg = tool.equals("verilator") ? "verilator" : tool.equals("g++") ? "g++" : tool;
    return "cannot run '" + tool + "': is it installed? (Debian package: " + pkg
        + "; `./veneer test` installs the simulation tools)";
  }
}
