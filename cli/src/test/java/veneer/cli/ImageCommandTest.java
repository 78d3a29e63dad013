package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandTest {
  private static final String SHELL = "0123456789abcdef0123456789abcdef";

  @TempDir
  Path dir;

  private Path signedImage(Path key) throws Exception {
    assertEquals(0, CliRun.of("keygen", "--out", key.toString()).status());
    Path data = Files.write(dir.resolve("role.bin"), new byte[300]);
    Path image = dir.resolve("role.vimg");
    CliRun build = CliRun.of("image", "build", "--role", "rtl", "--variant", "2", "--name", "vadd",
        "--shell-id", SHELL, "--version", "5", "--data", data.toString(), "--key", key.toString(),
        "--timestamp", "2026-01-01T00:00:00Z", "--out", image.toString());
    assertEquals(0, build.status(), build.err());
    return image;
  }

  @Test
  void buildsInspectsAndVerifiesAnImage() throws Exception {
    Path key = dir.resolve("k.key");
    Path image = signedImage(key);
    CliRun inspect = CliRun.of("image", "inspect", image.toString());
    assertEquals(0, inspect.status(), inspect.err());
    assertTrue(inspect.out().contains("vadd") && inspect.out().contains(SHELL), inspect.out());
    CliRun verify = CliRun.of("image", "verify", image.toString(), "--shell-id", SHELL, "--trust", key + ".pub");
    assertEquals(0, verify.status(), verify.err());
    assertTrue(verify.out().startsWith("verified:"), verify.out());
  }

  @Test
  void refusesAnImageForAnotherShellWithBothIdsAndNoStackTrace() throws Exception {
    Path key = dir.resolve("k.key");
    Path image = signedImage(key);
    String other = "ffffffffffffffffffffffffffffffff";
    CliRun verify = CliRun.of("image", "verify", image.toString(), "--shell-id", other, "--trust", key + ".pub");
    assertEquals(1, verify.status());
    assertTrue(verify.err().contains("WRONG_SHELL") && verify.err().contains(other) && verify.err().contains(SHELL),
        verify.err());
    assertTrue(!verify.err().contains("\tat "), "no stack trace without --debug: " + verify.err());
  }

  @Test
  void signMovesAnImageToAnotherKeyAndRefusesATamperedOne() throws Exception {
    Path dev = dir.resolve("dev.key");
    Path image = signedImage(dev);
    Path release = dir.resolve("release.key");
    assertEquals(0, CliRun.of("keygen", "--out", release.toString()).status());
    Path out = dir.resolve("release.vimg");

    CliRun sign = CliRun.of("image", "sign", image.toString(), "--trust", dev + ".pub", "--key", release.toString(),
        "--out", out.toString());
    assertEquals(0, sign.status(), sign.err());
    CliRun underRelease = CliRun.of("image", "verify", out.toString(), "--shell-id", SHELL, "--trust", release + ".pub");
    assertEquals(0, underRelease.status(), underRelease.err());
    CliRun underDev = CliRun.of("image", "verify", out.toString(), "--shell-id", SHELL, "--trust", dev + ".pub");
    assertEquals(1, underDev.status());
    assertTrue(underDev.err().contains("UNKNOWN_KEY"), underDev.err());

    byte[] bytes = Files.readAllBytes(image);
    bytes[bytes.length - 100] ^= 1;
    Path tampered = Files.write(dir.resolve("tampered.vimg"), bytes);
    Path notWritten = dir.resolve("never.vimg");
    CliRun refused = CliRun.of("image", "sign", tampered.toString(), "--trust", dev + ".pub", "--key",
        release.toString(), "--out", notWritten.toString());
    assertEquals(1, refused.status());
    assertTrue(refused.err().contains("PAYLOAD_DIGEST_MISMATCH"), refused.err());
    assertTrue(!Files.exists(notWritten), "nothing is written for a refused image");
  }

  @Test
  void keygenNeverOverwritesAKey() throws Exception {
    Path key = dir.resolve("k.key");
    assertEquals(0, CliRun.of("keygen", "--out", key.toString()).status());
    String before = Files.readString(key);
    CliRun again = CliRun.of("keygen", "--out", key.toString());
    assertEquals(1, again.status());
    assertEquals(before, Files.readString(key));
  }
}
