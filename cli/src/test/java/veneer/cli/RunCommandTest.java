package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.shell.platform.link.SimLinkProvider;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** {@code veneer run} on the tests' overlay ({@link OverlayRole#TEST_ARRAY}). */
class RunCommandTest {
  private static final String DEVICE = SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY);

  @Test
  void runsAnExampleKernelWithRandomInputsAndChecksItAgainstTheJvm() {
    CliRun r = CliRun.of("run", "veneer.examples.VectorAdd#add", "--size", "96", "--seed", "5", "--device", DEVICE);
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("VectorAdd.add over global [96, 1, 1]"), r.out());
    assertTrue(r.out().contains("  c (written): ["), r.out());
    assertTrue(r.out().contains("profile: ") && r.out().contains(" cycles"), r.out());
    assertTrue(r.out().endsWith("ok: the device equals the JVM\n"), r.out());
  }

  @Test
  void givenInputsAndAKernelFailureThatMatchesTheJvm() {
    CliRun r = CliRun.of("run", "veneer.examples.MatrixMultiply#multiply", "--size", "4", "--global", "2,2",
        "--arg", "a=1,2,3,4", "--arg", "b=5,6,7,8", "--arg", "n=2", "--device", DEVICE);
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("  c (written): [19, 22, 43, 50]"), r.out());
    CliRun f = CliRun.of("run", "veneer.examples.MatrixMultiply#multiply", "--size", "4", "--global", "2,2", "--arg", "n=3",
        "--device", DEVICE);
    assertEquals(0, f.status(), f.out() + f.err());
    assertTrue(f.out().startsWith("kernel MatrixMultiply.multiply failed: array index out of bounds at MatrixMultiply.java:"),
        f.out());
  }

  @Test
  void badCommandLinesAreOneLineErrors() {
    CliRun noHash = CliRun.of("run", "veneer.examples.VectorAdd");
    assertEquals(1, noHash.status());
    assertEquals("veneer: kernel: expected CLASS#METHOD such as veneer.examples.VectorAdd#add, found"
        + " 'veneer.examples.VectorAdd' (run with --debug for the stack trace)\n", noHash.err());
    CliRun noClass = CliRun.of("run", "com.example.Nope#add");
    assertTrue(noClass.err().startsWith("veneer: kernel class: com.example.Nope is not on the class path"), noClass.err());
    CliRun noScalar = CliRun.of("run", "veneer.examples.MatrixMultiply#multiply", "--size", "4", "--device", DEVICE);
    assertTrue(noScalar.err().startsWith("veneer: parameter n (int) of multiply needs a value: --arg n=VALUE"), noScalar.err());
    CliRun help = CliRun.of("run", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--size") && help.out().contains("--arg"), help.out());
  }
}
