package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.examples.ExampleImages;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.SigningKey;
import veneer.shell.ShellConfig;
import veneer.shell.platform.link.SimLinkProvider;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** {@code veneer load} on the tests' overlay ({@link OverlayRole#TEST_ARRAY}). */
class LoadCommandTest {
  private static final String DEVICE = SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY);

  @TempDir
  Path dir;

  /** The simulated platform's interface id (what sim:jvm reports), without opening a device. */
  private static ShellInterfaceId simShell() {
    String hex = ShellConfig.DEFAULT_INTERFACE_ID.toString(16);
    return ShellInterfaceId.parse("0".repeat(32 - hex.length()) + hex);
  }

  @Test
  void loadsASignedImageAndRaisesTheRollbackMinimumThenRefusesAnOlderOne() throws Exception {
    Path key = dir.resolve("release.key");
    assertEquals(0, CliRun.of("keygen", "--out", key.toString()).status());
    SigningKey k = KeyPairs.loadPrivate(key);
    ShellInterfaceId shell = simShell();
    Path v2 = Files.write(dir.resolve("overlay-v2.vimg"), ExampleImages.overlay(shell, k, 2));
    Path v1 = Files.write(dir.resolve("overlay-v1.vimg"), ExampleImages.overlay(shell, k, 1));
    Path rollback = dir.resolve("rollback.txt");

    CliRun ok = CliRun.of("load", v2.toString(), "--trust", key + ".pub", "--rollback", rollback.toString(), "--device", DEVICE);
    assertEquals(0, ok.status(), ok.out() + ok.err());
    assertTrue(ok.out().contains("verified: OVERLAY variant 3 \"pe-array\" version 2"), ok.out());
    assertTrue(ok.out().contains("active variant 3"), ok.out());
    assertTrue(Files.readString(rollback).contains("OVERLAY 0000000003 2"), Files.readString(rollback));

    CliRun old = CliRun.of("load", v1.toString(), "--trust", key + ".pub", "--rollback", rollback.toString(), "--device",
        DEVICE);
    assertEquals(1, old.status());
    assertTrue(old.err().startsWith("veneer: image refused before loading: OLD_VERSION"), old.err());
    assertEquals(1, old.err().strip().lines().count(), "one line: " + old.err());
  }

  @Test
  void anUntrustedSignerAndAMissingFileAreOneLineErrors() throws Exception {
    Path key = dir.resolve("a.key");
    Path other = dir.resolve("b.key");
    assertEquals(0, CliRun.of("keygen", "--out", key.toString()).status());
    assertEquals(0, CliRun.of("keygen", "--out", other.toString()).status());
    Path image = Files.write(dir.resolve("o.vimg"), ExampleImages.overlay(simShell(), KeyPairs.loadPrivate(key), 1));
    CliRun r = CliRun.of("load", image.toString(), "--trust", other + ".pub", "--rollback", dir.resolve("r").toString(),
        "--device", DEVICE);
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("veneer: image refused before loading: UNKNOWN_KEY"), r.err());
    CliRun missing = CliRun.of("load", dir.resolve("nothing.vimg").toString(), "--trust", key + ".pub", "--rollback", "r",
        "--device", DEVICE);
    assertEquals(1, missing.status());
    assertTrue(missing.err().startsWith("veneer: image: expected a file, found nothing at "), missing.err());
  }

  @Test
  void helpNamesTheOptions() {
    CliRun r = CliRun.of("load", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("--trust") && r.out().contains("--rollback") && r.out().contains("--device"), r.out());
  }
}
