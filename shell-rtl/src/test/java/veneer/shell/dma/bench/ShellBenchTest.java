package veneer.shell.dma.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.sim.Backend;

/** The bench's figures on the assembled Shell, JVM back end; the 1 MiB transfers must reach 90% of the link. */
class ShellBenchTest {
  @Test
  void oneMebibyteTransfersReachNinetyPercentOfTheLinkBothWays() {
    ShellBenchReport r = ShellBench.run(Backend.JVM, List.of(4096, 1 << 20));
    System.out.print(r.toText());
    assertEquals(2, r.h2c().size());
    for (DmaThroughput t : List.of(r.h2c().get(1), r.c2h().get(1))) {
      assertTrue(t.percentOfLink() >= 90, t.toString());
      assertTrue(t.streamBytesPerCycle() <= 63 * 512.0 / 536 + 0.5, "no faster than the link allows: " + t);
    }
    // small transfers pay the descriptor fetch and status write: latency, not bandwidth
    assertTrue(r.h2c().get(0).endToEndCycles() > 2 * 64, r.h2c().get(0).toString());
    // one read crosses the link twice (64 cycles each way) plus the completer's work
    assertTrue(r.mmioReadCycles() > 128 && r.mmioReadCycles() < 200, "MMIO read " + r.mmioReadCycles());
    // an interrupt crosses the link once
    assertTrue(r.interruptCycles() > 64 && r.interruptCycles() < 100, "interrupt " + r.interruptCycles());
    // a configuration word is a DW of a posted 512-byte write: the link moves 63 bytes a cycle, the PR
    // controller takes a word a cycle; the load is bounded by neither being idle for long
    assertTrue(r.imageBytes() > ShellBench.IMAGE_DATA_BYTES, "the image holds its data");
    assertTrue(r.imageLoadCyclesPerByte() > 0.25 && r.imageLoadCyclesPerByte() < 1.5,
        "image load " + r.imageLoadCyclesPerByte() + " cycles/byte");
  }
}
