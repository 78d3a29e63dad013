package veneer.compiler.asm;

import veneer.isa.elf.ElfFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GNU as + ld on a source (the reference for encodings); fails loudly when a tool is missing. */
final class GnuToolchain {
  private GnuToolchain() {
  }

  /** Assembles and links {@code source} with .text at 0 and .data at 0x1000_0000, without relaxation. */
  static ElfFile assembleAndLink(String source) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("veneer-gas");
    Path s = dir.resolve("prog.s");
    Files.writeString(s, source, StandardCharsets.UTF_8);
    run(dir, "riscv64-unknown-elf-as", "-march=rv32im_zicsr", "-mabi=ilp32", "-mno-relax", "-o", "prog.o", "prog.s");
    run(dir, "riscv64-unknown-elf-ld", "-m", "elf32lriscv", "--no-relax", "-Ttext=0", "-Tdata=0x10000000",
        "-e", "0", "-o", "prog.elf", "prog.o");
    return ElfFile.read(dir.resolve("prog.elf"));
  }

  private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(cmd));
    Process p;
    try {
      p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(cmd[0] + " is missing: install the Debian package binutils-riscv64-unknown-elf "
          + "(./veneer test installs it)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
    }
  }
}
