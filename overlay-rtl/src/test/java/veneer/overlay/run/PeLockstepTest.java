package veneer.overlay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.sim.Backend;

/** Programs run on the PE in lockstep with the reference model, for several thread counts. */
class PeLockstepTest {
  @TempDir
  Path dir;

  private PeRunResult run(String program, int threads) throws Exception {
    return run(program, threads, Backend.JVM);
  }

  private PeRunResult run(String program, int threads, Backend backend) throws Exception {
    Path elf = PeSdk.build(dir, program);
    PeRunOptions o = PeRunOptions.defaults().withThreads(threads).withLockstep(true).withMaxCycles(60_000)
        .withMemoryLatency(7).withBackend(backend);
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    PeRunResult r = new PeRunner(o.withTrace(true))
        .run(elf, new PrintStream(trace, true, StandardCharsets.UTF_8));
    assertTrue(r.passed(), program + " T=" + threads + ": " + r.summary() + " " + r.threads()
        + "\n" + trace.toString(StandardCharsets.UTF_8));
    assertTrue(r.perf().get("retired") > 20, "retired " + r.perf());
    return r;
  }

  @ParameterizedTest(name = "{0} with {1} threads")
  @CsvSource({"alu.S,1", "alu.S,4", "alu.S,8", "muldiv.S,1", "muldiv.S,4", "memory.S,1", "memory.S,4",
      "memory.S,8", "threads.c,4", "threads.c,8"})
  void runsInLockstep(String program, int threads) throws Exception {
    PeRunResult r = run(program, threads);
    if (program.equals("memory.S")) {
      assertEquals("OK", r.console());
    }
  }

  /** The same programs on the Verilator model of the PE (one build: 4 threads), in lockstep. */
  @ParameterizedTest(name = "{0} on Verilator")
  @ValueSource(strings = {"alu.S", "muldiv.S", "memory.S", "threads.c"})
  void runsInLockstepOnVerilator(String program) throws Exception {
    PeRunResult jvm = run(program, 4, Backend.JVM);
    PeRunResult verilator = run(program, 4, Backend.VERILATOR);
    assertEquals(jvm.cycles(), verilator.cycles(), "both back ends take the same cycles");
    assertEquals(jvm.console(), verilator.console());
    assertEquals(jvm.perf(), verilator.perf());
  }
}
