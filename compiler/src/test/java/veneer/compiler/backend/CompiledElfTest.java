package veneer.compiler.backend;

import org.junit.jupiter.api.Test;
import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;
import veneer.compiler.corpus.VectorAdd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiled executable is a standard ELF: GNU objdump decodes the same instructions, readelf lists the symbols. */
class CompiledElfTest {
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(cmd[0] + " is missing: install binutils-riscv64-unknown-elf", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ":\n" + out);
    return out;
  }

  @Test
  void objdumpAndReadelfAcceptTheKernel() throws Exception {
    CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
    Path f = Files.createTempFile("vadd", ".elf");
    Files.write(f, k.elf());
    String dump = run("riscv64-unknown-elf-objdump", "-d", "-M", "no-aliases,numeric", f.toString());
    List<String> ours = new ArrayList<>();
    for (String l : k.asm().split("\n")) {
      if (l.matches(" *[0-9a-f]+:\t.*")) {
        String[] parts = l.trim().split("\t");
        ours.add(parts[1]);
      }
    }
    List<String> theirs = new ArrayList<>();
    for (String l : dump.split("\n")) {
      if (l.matches(" *[0-9a-f]+:\t[0-9a-f]{8} .*")) {
        theirs.add(l.trim().split("\t")[1].trim());
      }
    }
    assertEquals(ours, theirs, "objdump decodes exactly the words of the listing");
    String syms = run("riscv64-unknown-elf-readelf", "-s", f.toString());
    assertTrue(syms.contains("VectorAdd.add") && syms.contains("_start") && syms.contains(BackEnd.TRAP_TABLE), syms);
  }
}
