package veneer.shell.dram.bench;

import java.math.BigInteger;
import veneer.sim.bus.Axi4Burst;

/**
 * One AXI4 burst issued by an {@link Axi4MasterDriver}, with what came back and when.
 * Write data and strobes are whole bus words, one per beat, lanes placed as on the bus.
 *
 * <pre>{@code
 * AxiTransaction rd = AxiTransaction.read(0, 0x1000, 15, 6);   // 16 beats of 64 bytes
 * driver.submit(rd);
 * }</pre>
 */
public final class AxiTransaction {
  public final boolean write;
  public final Axi4Burst burst;
  /** Per beat, for writes; null for reads. */
  public final BigInteger[] wdata;
  public final BigInteger[] wstrb;
  /** Per beat, filled as read data arrives. */
  public final BigInteger[] rdata;
  /** Per beat for reads, one entry for writes. */
  public final int[] resp;
  /** Cycle of the address handshake, first data beat handshake (reads) and of the completion. */
  long addrCycle = -1;
  long firstDataCycle = -1;
  long doneCycle = -1;
  int beatsReceived;

  private AxiTransaction(boolean write, Axi4Burst burst, BigInteger[] wdata, BigInteger[] wstrb) {
    if (burst.len() < 0 || burst.len() > 255) {
      throw new IllegalArgumentException("AXI4 bursts have 1 to 256 beats, found len " + burst.len());
    }
    if (write && (wdata == null || wstrb == null || wdata.length != burst.beats() || wstrb.length != burst.beats())) {
      throw new IllegalArgumentException("a write of " + burst.beats() + " beats needs as many data words and"
          + " strobes, found " + (wdata == null ? "none" : wdata.length) + " and "
          + (wstrb == null ? "none" : wstrb.length));
    }
    this.write = write;
    this.burst = burst;
    this.wdata = wdata;
    this.wstrb = wstrb;
    this.rdata = write ? null : new BigInteger[burst.beats()];
    this.resp = new int[write ? 1 : burst.beats()];
  }

  /** An INCR read of {@code len + 1} beats of {@code 2^size} bytes. */
  public static AxiTransaction read(int id, long addr, int len, int size) {
    return read(new Axi4Burst(id, addr, len, size, Axi4Burst.INCR));
  }

  public static AxiTransaction read(Axi4Burst burst) {
    return new AxiTransaction(false, burst, null, null);
  }

  public static AxiTransaction write(Axi4Burst burst, BigInteger[] data, BigInteger[] strobes) {
    return new AxiTransaction(true, burst, data.clone(), strobes.clone());
  }

  public boolean done() {
    return doneCycle >= 0;
  }

  public long addrCycle() {
    return addrCycle;
  }

  /** Cycle of the first read beat's handshake (-1 for writes or before it). */
  public long firstDataCycle() {
    return firstDataCycle;
  }

  /** Cycle of the last read beat's or the write response's handshake. */
  public long doneCycle() {
    return doneCycle;
  }

  /** The worst response over all beats (OKAY 0 ... DECERR 3). */
  public int worstResp() {
    int w = 0;
    for (int r : resp) {
      w = Math.max(w, r);
    }
    return w;
  }

  public long bytes() {
    return (long) burst.beats() * burst.bytesPerBeat();
  }

  @Override
  public String toString() {
    return (write ? "write" : "read") + " id " + burst.id() + " addr 0x" + Long.toHexString(burst.addr())
        + " len " + burst.len() + " size " + burst.size() + " burst " + burst.burst();
  }
}
