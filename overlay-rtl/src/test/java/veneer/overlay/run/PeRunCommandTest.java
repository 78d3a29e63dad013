package veneer.overlay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.overlay.cli.PeRunCommand;

class PeRunCommandTest {
  @TempDir
  Path dir;

  @Test
  void runsAProgramWithTraceAndReportsPass() throws Exception {
    Path elf = PeSdk.build(dir, "memory.S");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = PeRunCommand.run(new String[] {elf.toString(), "--threads", "2", "--trace", "--lockstep"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, text);
    assertTrue(text.contains("OKPASS in "), text);
    assertTrue(text.contains("t0 00000000 "), "a trace line for the first instruction:\n" + text);
  }

  @Test
  void refusesBadArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, PeRunCommand.run(new String[] {"--threads", "x"}, System.out, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads expects a number, found 'x'"));
    assertEquals(2, PeRunCommand.run(new String[] {"missing.elf"}, System.out, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file: missing.elf"));
  }
}
