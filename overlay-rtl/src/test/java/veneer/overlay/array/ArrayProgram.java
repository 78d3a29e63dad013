package veneer.overlay.array;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfSegment;

/** An assembled kernel from src/test/resources/array: its IMEM words, entry and symbols. */
record ArrayProgram(int[] words, long entry, ElfFile elf) {
  private static final String GCC = "riscv64-unknown-elf-gcc";

  /** Assembles {@code src/test/resources/array/<name>} at address 0. */
  static ArrayProgram build(String name) {
    try {
      Path dir = Files.createTempDirectory("veneer-array");
      Path out = dir.resolve(name + ".elf");
      List<String> cmd = List.of(GCC, "-march=rv32im_zicsr", "-mabi=ilp32", "-nostdlib", "-static",
          "-Wl,-Ttext=0", "-Wl,--no-relax", Path.of("src/test/resources/array", name).toAbsolutePath().toString(),
          "-o", out.toString());
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new AssertionError(GCC + " is missing: install the Debian package gcc-riscv64-unknown-elf", e);
      }
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed:\n" + log);
      }
      ElfFile elf = ElfFile.read(out);
      ElfSegment text = elf.loadSegments().get(0);
      if (text.vaddr() != 0) {
        throw new AssertionError(name + ": expected code at address 0, found 0x" + Long.toHexString(text.vaddr()));
      }
      byte[] b = text.data();
      int[] words = new int[(b.length + 3) / 4];
      for (int i = 0; i < b.length; i++) {
        words[i / 4] |= (b[i] & 0xFF) << (8 * (i % 4));
      }
      return new ArrayProgram(words, elf.entry(), elf);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The address of symbol {@code name}. */
  long symbol(String name) {
    return elf.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name)).value();
  }
}
