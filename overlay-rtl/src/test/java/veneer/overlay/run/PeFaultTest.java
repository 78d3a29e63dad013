package veneer.overlay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import veneer.overlay.pe.ThreadState;

/** Faults stop only the faulting thread, with the model's cause, pc and tval; and issue rate. */
class PeFaultTest {
  @TempDir
  Path dir;

  private PeRunResult run(String program, int threads) throws Exception {
    Path elf = PeSdk.build(dir, program);
    PeRunOptions o = PeRunOptions.defaults().withThreads(threads).withLockstep(true).withMaxCycles(40_000);
    return new PeRunner(o).run(elf, new PrintStream(OutputStream.nullOutputStream()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fault_misaligned_load.S,FAULT,4", "fault_store_imem.S,FAULT,7", "fault_unmapped.S,FAULT,5",
      "fault_illegal.S,FAULT,2", "fault_illegal_jump_bits.S,FAULT,2", "fault_csr_write.S,FAULT,2", "fault_jump_misaligned.S,FAULT,0",
      "fault_ebreak.S,BREAK,3", "fault_console_load.S,FAULT,5", "fault_jump_outside.S,FAULT,1",
      "fault_jump_far.S,FAULT,1"})
  void faultStopsOnlyItsThread(String program, ThreadState state, int cause) throws Exception {
    PeRunResult r = run(program, 2);
    assertEquals(PeRunResult.Reason.ALL_STOPPED, r.reason(), r.summary());
    assertEquals(state, r.threads().get(0).state(), r.threads().toString());
    assertEquals(cause, r.threads().get(0).cause(), r.threads().toString());
    assertEquals(ThreadState.EXITED, r.threads().get(1).state(), "the other thread runs on: " + r.threads());
  }

  @Test
  void issuesAboutOneInstructionPerCycleWithFourThreads() throws Exception {
    PeRunResult one = run("ipc.S", 1);
    PeRunResult four = run("ipc.S", 4);
    double ipc1 = (double) one.perf().get("retired") / one.perf().get("cycles");
    double ipc4 = (double) four.perf().get("retired") / four.perf().get("cycles");
    assertTrue(ipc1 < 0.3, "one thread issues every 4th cycle, IPC " + ipc1 + " " + one.perf());
    assertTrue(ipc4 > 0.9, "four threads fill the pipeline, IPC " + ipc4 + " " + four.perf());
  }
}
