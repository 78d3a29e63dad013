package veneer.shell.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import veneer.shell.dram.bench.AxiChannelStalls.Channel;

/**
 * The compiled vector add on a 16-PE overlay through the whole DRAM path: the Role's DRAM port
 * never waits for an address (before the write order queues and the bridge's Role IDs by page,
 * AR waited 3734 and AW 3328 cycles of 12193 at n=16384). Prints the counts; the figures of
 * docs/dram-path.md come from {@code -Dveneer.dramPath.n=16384} with
 * {@code -Dveneer.dramPath.shape=16x8} and {@code 32x8}.
 */
class OverlayDramPathTest {
  @Test
  void vectorAddAddressesNeverWaitOnTheRolePort() {
    String[] shape = System.getProperty("veneer.dramPath.shape", "16x8").split("x");
    int n = Integer.getInteger("veneer.dramPath.n", 2048);
    OverlayDramPath.Result r = OverlayDramPath.vectorAdd(Integer.parseInt(shape[0]), Integer.parseInt(shape[1]), n);
    System.out.println(r);
    assertEquals(0, r.port().get(Channel.AR).waited(), "AR cycles waiting for READY: " + r);
    assertEquals(0, r.port().get(Channel.AW).waited(), "AW cycles waiting for READY: " + r);
  }
}
