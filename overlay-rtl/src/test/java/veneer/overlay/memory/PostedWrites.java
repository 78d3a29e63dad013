package veneer.overlay.memory;

import veneer.sim.Simulator;

/**
 * Test helper: waits until every coalescer of an {@link ArrayMemory} has written its posted
 * stores, sealing each cycle as an idle PE does in the array (a seal closes open write lines).
 */
final class PostedWrites {
  private PostedWrites() {}

  /** Seals every PE until all are quiet; returns the cycles it took. Fails after {@code limit} cycles. */
  static long drain(Simulator sim, int pes, long limit) {
    long all = (1L << pes) - 1;
    long start = sim.cycle();
    while (sim.peek("quiet") != all) {
      if (sim.cycle() - start > limit) {
        throw new AssertionError("posted stores not written after " + limit + " cycles: quiet = 0b"
            + Long.toBinaryString(sim.peek("quiet")));
      }
      sim.poke("seal", all);
      sim.step(1);
    }
    sim.poke("seal", 0);
    return sim.cycle() - start;
  }
}
