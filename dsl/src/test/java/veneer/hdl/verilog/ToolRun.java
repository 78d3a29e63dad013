package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of a test (a simulator), failing loudly with its output when it fails. */
final class ToolRun {
  private ToolRun() {}

  /** Runs {@code cmd} in {@code dir} and returns its combined output; {@code aptPackage} names the install. */
  static String run(Path dir, String aptPackage, boolean mustSucceed, String... cmd) throws IOException, InterruptedException {
    Path log = dir.resolve("tool-output.log");
    Process p;
    try {
      p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(cmd[0] + " is not installed; install it with: sudo apt-get install " + aptPackage, e);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(cmd[0] + " did not finish within 120 s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (mustSucceed && p.exitValue() != 0) {
      fail(String.join(" ", cmd) + " failed with status " + p.exitValue() + ":\n" + out);
    }
    return out;
  }
}
