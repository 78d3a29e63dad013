package veneer.shell.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The load time through the configuration port, in cycles, with one word offered per cycle:
 * one cycle per 32-bit word of the framed stream plus a fixed overhead (the driver's first
 * offer, the wait for the partition to be quiet, the variant's reset pulse and re-coupling).
 * The count is deterministic, so it is asserted exactly.
 */
class LoadTimeTest {
  /** Cycles beyond one per word: see docs/shell-pr.md, "Load time". */
  static final int OVERHEAD = 1 + 1 + PrBench.RESET_CYCLES;

  private static long loadCycles(PrBench b, int dataBytes) {
    byte[] stream = PrBench.image(PrBench.COUNTER, PrBench.SHELL_ID, PrBench.data(dataBytes, 7));
    long[] words = PrBench.words(stream);
    long start = b.sim.cycle();
    for (long w : words) {
      b.cfg.send(w);
    }
    b.sim.runUntil(b.cfg::idle, words.length + 10L);
    b.sim.runUntil(() -> b.sim.peek("st_busy") == 0, 100);
    assertEquals(PrStatus.OK, b.status());
    return b.sim.cycle() - start;
  }

  @Test
  void oneCyclePerWordPlusAFixedOverhead() {
    try (PrBench b = new PrBench(3)) {
      for (int bytes : new int[] {0, 1024, 16 * 1024}) {
        long words = 9 + (bytes + 3) / 4;
        long cycles = loadCycles(b, bytes);
        assertEquals(words + OVERHEAD, cycles, bytes + " data bytes (" + words + " words)");
        if (bytes > 0) {
          System.out.printf("load of %d data bytes: %d cycles, %.4f cycles per byte%n", bytes, cycles,
              (double) cycles / (4 * words));
        }
      }
    }
  }
}
