package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeCommandTest {
  @TempDir
  Path dir;

  /** Builds a C program with the repository's pe-sdk and the Debian RISC-V GCC. */
  private Path build(String name, String source) throws Exception {
    Path sdk = Path.of("..", "pe-sdk").toAbsolutePath().normalize();
    Path c = dir.resolve(name + ".c");
    Files.writeString(c, source);
    Path elf = dir.resolve(name + ".elf");
    List<String> cmd = List.of("riscv64-unknown-elf-gcc", "-march=rv32im_zicsr", "-mabi=ilp32", "-O2",
        "-nostdlib", "-ffreestanding", "-static", "-I" + sdk, "-T", sdk.resolve("pe.ld").toString(),
        sdk.resolve("crt0.S").toString(), c.toString(), "-o", elf.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "riscv64-unknown-elf-gcc (Debian package gcc-riscv64-unknown-elf): " + log);
    return elf;
  }

  @Test
  void runsAProgramAndPrintsItsConsoleAndTrace() throws Exception {
    Path elf = build("hello", "#include \"veneer_pe.h\"\nint main(void) { pe_puts(\"hello from the PE\\n\"); return 0; }\n");
    CliRun r = CliRun.of("pe", "run", elf.toString(), "--threads", "2", "--trace", "--lockstep");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("hello from the PE"), r.out());
    assertTrue(r.out().contains("t0 00000000 "), "a trace line for the first instruction:\n" + r.out());
  }

  @Test
  void aFailingProgramExitsWithOneAndSaysItsCode() throws Exception {
    Path elf = build("fail", "int main(void) { return 3; }\n");
    CliRun r = CliRun.of("pe", "run", elf.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("3"), r.out());
  }

  @Test
  void refusesBadArguments() {
    CliRun r = CliRun.of("pe", "run", "missing.elf");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("no such file: missing.elf"), r.err());
    CliRun bad = CliRun.of("pe", "run", "x.elf", "--threads", "x");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--threads"), bad.err());
  }
}
