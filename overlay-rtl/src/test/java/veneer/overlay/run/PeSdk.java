package veneer.overlay.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the test programs of src/test/resources/pe with the repository's pe-sdk. */
final class PeSdk {
  private static final String GCC = "riscv64-unknown-elf-gcc";

  private PeSdk() {}

  static Path sdk() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pe-sdk/pe.ld"))) {
        return p.resolve("pe-sdk");
      }
    }
    throw new AssertionError("pe-sdk/pe.ld not found above " + Path.of("").toAbsolutePath());
  }

  /** Compiles and links {@code src/test/resources/pe/<name>} into {@code dir}. */
  static Path build(Path dir, String name) throws IOException, InterruptedException {
    Path source = Path.of("src/test/resources/pe", name).toAbsolutePath();
    Path sdk = sdk();
    Path out = dir.resolve(name + ".elf");
    List<String> cmd = new ArrayList<>(List.of(GCC, "-march=rv32im_zicsr", "-mabi=ilp32", "-O2", "-nostdlib",
        "-ffreestanding", "-fno-builtin", "-static", "-I" + sdk, "-T", sdk.resolve("pe.ld").toString(),
        sdk.resolve("crt0.S").toString(), source.toString(), "-o", out.toString()));
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
    return out;
  }
}
