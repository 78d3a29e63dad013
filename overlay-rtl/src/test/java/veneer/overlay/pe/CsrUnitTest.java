package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import veneer.isa.pe.PeCsr;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Every CSR of the PE, read through {@link CsrUnit} as the PE drives it (S1 inputs in one cycle,
 * the value and {@code illegal} in the next), against the values docs/pe-isa.md gives: the
 * counters, mhartid and the small constants, the work-item ids before and after grants (-1
 * before a thread's first grant in a launch, after a grant of -1, and after a start), the sizes,
 * and illegal for writes and for unknown numbers next to the known ones. Seeded random sequences
 * on both back ends, for a power-of-two and an odd thread count.
 */
class CsrUnitTest {
  private static final long SEED = 0xC5A0_0001L;
  private static final long ONES = 0xFFFF_FFFFL;
  private static final List<Integer> KNOWN = List.of(PeCsr.CYCLE, PeCsr.CYCLEH, PeCsr.INSTRET,
      PeCsr.INSTRETH, PeCsr.MHARTID, PeCsr.THREAD_ID, PeCsr.PE_ID, PeCsr.THREAD_COUNT,
      WorkItemCsr.WORK_NEXT, WorkItemCsr.GLOBAL_ID, WorkItemCsr.LOCAL_ID, WorkItemCsr.GROUP_ID,
      WorkItemCsr.GLOBAL_SIZE, WorkItemCsr.LOCAL_SIZE);

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Backend backend : List.of(Backend.JVM, Backend.VERILATOR)) {
      b.add(Arguments.of(backend, PeConfig.of(8, 5, 64, 64)));
      b.add(Arguments.of(backend, PeConfig.of(3, 200, 64, 64)));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void everyCsrReadsItsDocumentedValue(Backend backend, PeConfig config) {
    Random rnd = new Random(SEED);
    int nt = config.threads();
    boolean[] holds = new boolean[nt];
    boolean[] fresh = new boolean[nt]; // no retire since the start (the PE's `fresh` flags)
    long[][] item = new long[nt][3];
    int[] unknown = unknownNeighbours();
    int checked = 0;
    try (Simulator sim = Simulators.open(new CsrUnit(config), backend)) {
      sim.reset(1);
      sim.poke("clear", 1); // a start before the first launch, as the PE has
      sim.step();
      Arrays.fill(fresh, true);
      long cycle = 2; // the cycle (since reset) in which the read below reaches S2
      long globalSize = rnd.nextInt() & ONES;
      long localSize = rnd.nextInt(100);
      for (int i = 0; i < 6000; i++) {
        boolean clear = rnd.nextInt(60) == 0;
        boolean valid = rnd.nextInt(10) != 0;
        if (clear) {
          globalSize = rnd.nextInt() & ONES;
          localSize = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt() & ONES;
        }
        int tid = rnd.nextInt(nt);
        int csr = rnd.nextInt(4) == 0 ? unknown[rnd.nextInt(unknown.length)]
            : rnd.nextInt(8) == 0 ? WorkItemCsr.WORK_NEXT : KNOWN.get(rnd.nextInt(KNOWN.size()));
        boolean writes = rnd.nextInt(6) == 0;
        long instret = rnd.nextLong();
        sim.poke("csr", csr);
        sim.poke("writes", writes ? 1 : 0);
        // A CSR instruction, or at random another instruction whose bits 31..20 look like one:
        // then the three memory words must be 0 (the PE ORs them with the multiplier's result).
        boolean isCsr = rnd.nextInt(8) != 0;
        sim.poke("is_csr1", isCsr ? 1 : 0);
        sim.poke("tid1", tid);
        sim.poke("instret", new BigInteger(Long.toUnsignedString(instret)));
        sim.poke("global_size", globalSize);
        sim.poke("local_size", localSize);
        sim.poke("clear", clear ? 1 : 0);
        sim.poke("valid1", valid ? 1 : 0);
        sim.poke("fresh1", fresh[tid] ? 1 : 0);
        boolean legal = KNOWN.contains(csr) && !writes;
        boolean claims = csr == WorkItemCsr.WORK_NEXT && !writes;
        String at = String.format("seed %x, %s, step %d, thread %d, CSR %03x%s", SEED, config, i, tid,
            csr, writes ? " (write)" : "");
        assertEquals(claims ? 1 : 0, sim.peek("claims"), at + ": claims");
        boolean grant = valid && isCsr && claims && !clear && rnd.nextInt(3) != 0;
        long[] ids = rnd.nextInt(5) == 0 ? new long[] {ONES, ONES, ONES}
            : new long[] {rnd.nextInt() & ONES, rnd.nextInt() & ONES, rnd.nextInt() & ONES};
        sim.poke("grant", grant ? 1 : 0);
        sim.poke("grant_global_id", ids[0]);
        sim.poke("grant_local_id", ids[1]);
        sim.poke("grant_group_id", ids[2]);
        long expected = expected(csr, config, tid, cycle, instret, holds[tid], item[tid], globalSize, localSize);
        if (grant) {
          holds[tid] = true;
          item[tid] = ids;
          expected = ids[0];
        }
        // The instruction retires (ending its thread's fresh state) unless it is replayed: a
        // claim without a grant, or at random a register hazard (a claim is made only without
        // one, so a granted claim always retires). A start flushes it.
        if (valid && !clear && (grant || !claims && rnd.nextInt(8) != 0)) {
          fresh[tid] = false;
        }
        if (clear) {
          Arrays.fill(holds, false);
          Arrays.fill(fresh, true);
        }
        sim.step();
        cycle++;
        sim.poke("tid2", tid); // S2's thread register: the thread that was in S1
        assertEquals(legal ? 0 : 1, sim.peek("illegal"), at + ": illegal");
        // A WORK_NEXT read that is not granted issues again: its value is not used. After a
        // start the PE has no instruction in the pipeline.
        long words = sim.peek("word0") | sim.peek("word1") | sim.peek("word2");
        if (!isCsr) {
          assertEquals(0, words, at + ": the memory words of an instruction that is not a CSR instruction");
        } else if (valid && legal && !clear && (!claims || grant)) {
          assertEquals(expected, sim.peek("value") | words, at + ": value");
          checked++;
        }
      }
    }
    assertTrue(checked > 2000, "too few reads checked: " + checked);
  }

  /** The value of {@code csr} for thread {@code tid} in the cycle its read reaches S2. */
  private static long expected(int csr, PeConfig c, int tid, long cycle, long instret, boolean holds,
      long[] item, long globalSize, long localSize) {
    switch (csr) {
      case PeCsr.CYCLE: return cycle & ONES;
      case PeCsr.CYCLEH: return cycle >>> 32;
      case PeCsr.INSTRET: return instret & ONES;
      case PeCsr.INSTRETH: return instret >>> 32;
      case PeCsr.MHARTID: return ((long) c.peId() << 4) | tid;
      case PeCsr.THREAD_ID: return tid;
      case PeCsr.PE_ID: return c.peId();
      case PeCsr.THREAD_COUNT: return c.threads();
      case WorkItemCsr.GLOBAL_ID: return holds ? item[0] : ONES;
      case WorkItemCsr.LOCAL_ID: return holds ? item[1] : ONES;
      case WorkItemCsr.GROUP_ID: return holds ? item[2] : ONES;
      case WorkItemCsr.GLOBAL_SIZE: return globalSize;
      case WorkItemCsr.LOCAL_SIZE: return localSize;
      default: return -1; // WORK_NEXT: the grant, set by the caller; unknown CSRs fault
    }
  }

  /** CSR numbers one bit away from a known one (and the rest of the dispatcher's range) that are not known. */
  private static int[] unknownNeighbours() {
    TreeSet<Integer> out = new TreeSet<>();
    for (int k : KNOWN) {
      for (int bit = 0; bit < 12; bit++) {
        out.add(k ^ (1 << bit));
      }
    }
    for (int n = 0xFC9; n <= 0xFCF; n++) {
      out.add(n);
    }
    out.removeAll(KNOWN);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
