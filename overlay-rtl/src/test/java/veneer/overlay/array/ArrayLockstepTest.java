package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import veneer.isa.Encoder;
import veneer.isa.Opcode;
import veneer.overlay.run.ArrayLockstepChecker;
import veneer.overlay.run.LockstepDivergence;
import veneer.sim.Backend;
import veneer.sim.junit.BackendTest;

/**
 * The PE array against one reference model per PE, retired instruction by retired instruction
 * ({@link ArrayLockstepChecker}), on both back ends with {@link ProbedArrayRig#CONFIG}; and a
 * deliberately wrong model to show that a divergence is caught and reported with PE, thread, pc
 * and both values.
 */
class ArrayLockstepTest {
  private static final long A = 0x8000_0000L;
  private static final long B = 0x8001_0000L;
  private static final long C = 0x8002_0000L;

  private static ArrayLockstepChecker launch(ProbedArrayRig rig, ArrayProgram p, int[] args, int n, int local,
      Consumer<ArrayLockstepChecker> tweak) {
    ArrayLockstepChecker check = new ArrayLockstepChecker(ProbedArrayRig.CONFIG, p.elf(), rig.modelMemory, args,
        n, local);
    tweak.accept(check);
    long[] wide = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      wide[i] = args[i] & 0xFFFF_FFFFL;
    }
    rig.host.args(wide);
    rig.sim.attach(check);
    try {
      rig.host.launch(p, n, local, 300_000);
    } finally {
      rig.sim.detach(check);
    }
    check.finish();
    return check;
  }

  private static int[] vectorData(ProbedArrayRig rig, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] sum = new int[n];
    for (int i = 0; i < n; i++) {
      int a = rng.nextInt();
      int b = rng.nextInt();
      rig.poke(A + 4L * i, a);
      rig.poke(B + 4L * i, b);
      sum[i] = a + b;
    }
    return sum;
  }

  @BackendTest
  void vectorAddRunsInLockstep(Backend backend) {
    int n = 160;
    try (ProbedArrayRig rig = new ProbedArrayRig(backend)) {
      int[] want = vectorData(rig, n, 11);
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      rig.host.load(p);
      ArrayLockstepChecker check = launch(rig, p, new int[] {(int) A, (int) B, (int) C}, n, 1, c -> {});
      for (int i = 0; i < n; i++) {
        assertEquals(want[i], rig.dramWord(C + 4L * i), "RTL c[" + i + "]");
        assertEquals(want[i], rig.modelWord(C + 4L * i), "model c[" + i + "]");
      }
      assertEquals(rig.host.counter("sum_retired"), check.compared(), "every retired instruction was compared");
      assertEquals(11L * n + 9 * 8, check.compared());
      assertEquals(0b010, rig.host.read("status"));
    }
  }

  /** ids.S reads all six dispatcher CSRs; local sizes 7, 1 and 0 (one group), two launches in a row. */
  @BackendTest
  void dispatcherCsrKernelRunsInLockstepForSeveralLocalSizes(Backend backend) {
    try (ProbedArrayRig rig = new ProbedArrayRig(backend)) {
      ArrayProgram p = ArrayProgram.build("ids.S");
      rig.host.load(p);
      int[][] launches = {{50, 7}, {23, 1}, {9, 0}};
      for (int[] l : launches) {
        int n = l[0];
        int local = l[1];
        ArrayLockstepChecker check = launch(rig, p, new int[] {(int) C, n, local}, n, local, c -> {});
        assertEquals(0b010, rig.host.read("status"), "no EBREAK with local size " + local);
        for (int g = 0; g < n; g++) {
          int want = local == 0 ? g : ((g / local) << 16) | (g % local);
          assertEquals(want, rig.dramWord(C + 8L * g), "RTL ids of item " + g + ", local size " + local);
          assertEquals(rig.dramWord(C + 8L * g), rig.modelWord(C + 8L * g), "model ids of item " + g);
          assertEquals(rig.dramWord(C + 8L * g + 4), rig.modelWord(C + 8L * g + 4),
              "model and RTL agree on the hart of item " + g);
        }
        assertEquals(rig.host.counter("sum_retired"), check.compared());
      }
    }
  }

  /** fault.S: the faulting thread's stop (cause, pc, tval) must match its model's fault. */
  @BackendTest
  void aFaultingKernelRunsInLockstep(Backend backend) {
    int n = 40;
    int badItem = 13;
    try (ProbedArrayRig rig = new ProbedArrayRig(backend)) {
      int[] want = vectorData(rig, n, 17);
      ArrayProgram p = ArrayProgram.build("fault.S");
      rig.host.load(p);
      ArrayLockstepChecker check = launch(rig, p, new int[] {(int) A, (int) B, (int) C, badItem}, n, 1, c -> {});
      assertEquals(0b110, rig.host.read("status"), "done with an error");
      int faulted = 0;
      for (int pe = 0; pe < ProbedArrayRig.CONFIG.pes(); pe++) {
        for (int t = 0; t < ProbedArrayRig.CONFIG.threadsPerPe(); t++) {
          if (check.model(pe).fault(t) != null) {
            faulted++;
            assertEquals(p.symbol("boom"), check.model(pe).fault(t).pc() & 0xFFFF_FFFFL);
          }
        }
      }
      assertEquals(1, faulted, "exactly one model thread faulted, like the RTL's");
      for (int i = 0; i < n; i++) {
        assertEquals(i == badItem ? 0 : want[i], rig.dramWord(C + 4L * i), "c[" + i + "]");
        assertEquals(rig.dramWord(C + 4L * i), rig.modelWord(C + 4L * i), "model c[" + i + "]");
      }
    }
  }

  @Test
  void aDifferentMemoryWordInTheModelIsReportedWithPeThreadPcAndBothValues() {
    int n = 40;
    int item = 21;
    try (ProbedArrayRig rig = new ProbedArrayRig(Backend.JVM)) {
      vectorData(rig, n, 5);
      int rtlB = rig.modelWord(B + 4L * item);
      int modelB = rtlB ^ 0x0000_1000;
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      rig.host.load(p);
      LockstepDivergence d = assertThrows(LockstepDivergence.class, () -> launch(rig, p,
          new int[] {(int) A, (int) B, (int) C}, n, 1, c -> rig.modelMemory.store(B + 4L * item - A, 4, modelB)));
      String m = d.getMessage();
      // vecadd.S: "lw t4, 0(t2)" loads b[i] into x29
      int loadB = Encoder.i(Opcode.LW, 29, 7, 0);
      int pc = -1;
      for (int i = 0; i < p.words().length; i++) {
        if (p.words()[i] == loadB) {
          pc = 4 * i;
        }
      }
      Matcher where = Pattern.compile("PE (\\d) thread (\\d) pc ([0-9a-f]{8})").matcher(m);
      assertTrue(where.find(), m);
      assertEquals(String.format("%08x", pc), where.group(3), "the pc of the load of b[i]: " + m);
      assertTrue(Integer.parseInt(where.group(1)) < 2 && Integer.parseInt(where.group(2)) < 4, m);
      assertTrue(m.contains(String.format("x29: RTL %08x, model %08x", rtlB, modelB)), m);
    }
  }

  @Test
  void aDifferentKernelArgumentInOneModelIsCaughtOnThatPe() {
    try (ProbedArrayRig rig = new ProbedArrayRig(Backend.JVM)) {
      vectorData(rig, 8, 3);
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      rig.host.load(p);
      LockstepDivergence d = assertThrows(LockstepDivergence.class, () -> launch(rig, p,
          new int[] {(int) A, (int) B, (int) C}, 8, 1, c -> c.model(1).setKernelArg(2, 0x8003_0000)));
      String m = d.getMessage();
      assertTrue(m.contains("lockstep divergence on PE 1 thread "), m);
      assertTrue(m.contains("x18: RTL 80020000, model 80030000"), m);
    }
  }

  /** The model of PE 0 thread 0 skips the prologue and claims a work-item the RTL has not asked for. */
  @Test
  void aModelClaimingWorkTheDispatcherDidNotGrantIsCaught() {
    try (ProbedArrayRig rig = new ProbedArrayRig(Backend.JVM)) {
      vectorData(rig, 8, 3);
      ArrayProgram p = ArrayProgram.build("vecadd.S");
      rig.host.load(p);
      LockstepDivergence d = assertThrows(LockstepDivergence.class, () -> launch(rig, p,
          new int[] {(int) A, (int) B, (int) C}, 8, 1, c -> c.model(0).setPc(0, 20)));
      assertTrue(d.getMessage().contains("PE 0 thread 0 pc 00000014: "), d.getMessage());
      assertTrue(d.getMessage().contains("granted no unclaimed work-item to PE 0"), d.getMessage());
    }
  }
}
