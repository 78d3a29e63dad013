package veneer.sim.bus;

import java.math.BigInteger;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.Simulator;

/**
 * Drives an AXI4-Lite subordinate port of the design ({@code <bundle>_aw_valid} ...) with
 * blocking reads and writes that step the clock until the response arrives. Use it on a
 * {@link CheckedSimulator} so that attached checkers and models see every cycle.
 *
 * <pre>{@code
 * AxiLiteMaster bar = new AxiLiteMaster(sim, "s");
 * bar.write(0x08, 1);                 // throws AxiResponseException on SLVERR/DECERR
 * long status = bar.read(0x04);
 * }</pre>
 */
public final class AxiLiteMaster {
  /** What a transfer returned: the data (0 for writes) and the response code. */
  public record Response(long data, int resp) {
    public boolean ok() {
      return resp == 0;
    }
  }

  private final Simulator sim;
  private final String p;
  private final int dataBytes;
  private long timeoutCycles = 10_000;

  public AxiLiteMaster(Simulator sim, String bundle) {
    this.sim = sim;
    this.p = bundle + "_";
    String what = "an AxiLite bundle '" + bundle + "'";
    for (String f : new String[] {"aw_valid", "aw_ready", "aw_addr", "aw_prot", "w_valid", "w_ready", "w_data",
        "w_strb", "b_valid", "b_ready", "b_resp", "ar_valid", "ar_ready", "ar_addr", "ar_prot", "r_valid",
        "r_ready", "r_data", "r_resp"}) {
      Ports.require(sim, p + f, what);
    }
    this.dataBytes = Ports.width(sim, p + "w_data") / 8;
    for (String f : new String[] {"aw_valid", "w_valid", "b_ready", "ar_valid", "r_ready", "aw_prot", "ar_prot"}) {
      sim.poke(p + f, 0);
    }
  }

  /** Cycles a transfer may take before {@link SimulationTimeoutException} (default 10000). */
  public AxiLiteMaster timeout(long cycles) {
    this.timeoutCycles = cycles;
    return this;
  }

  /** Writes a whole word; fails on an error response. */
  public void write(long addr, long data) {
    Response r = tryWrite(addr, data, (1 << dataBytes) - 1);
    if (!r.ok()) {
      throw new AxiResponseException(sim.cycle(), "write to 0x" + Long.toHexString(addr), r.resp());
    }
  }

  /** Writes the bytes selected by {@code strb} and returns the response, error or not. */
  public Response tryWrite(long addr, long data, int strb) {
    sim.poke(p + "aw_addr", addr);
    sim.poke(p + "aw_valid", 1);
    sim.poke(p + "w_data", BigInteger.valueOf(data).and(mask(dataBytes * 8)));
    sim.poke(p + "w_strb", strb);
    sim.poke(p + "w_valid", 1);
    sim.poke(p + "b_ready", 1);
    boolean awDone = false;
    boolean wDone = false;
    long start = sim.cycle();
    while (true) {
      boolean awFire = !awDone && Ports.high(sim, p + "aw_ready");
      boolean wFire = !wDone && Ports.high(sim, p + "w_ready");
      boolean bFire = Ports.high(sim, p + "b_valid");
      int resp = bFire ? (int) sim.peek(p + "b_resp") : 0;
      checkTimeout(start, "write to 0x" + Long.toHexString(addr));
      sim.step();
      if (awFire) {
        awDone = true;
        sim.poke(p + "aw_valid", 0);
      }
      if (wFire) {
        wDone = true;
        sim.poke(p + "w_valid", 0);
      }
      if (bFire) {
        sim.poke(p + "b_ready", 0);
        return new Response(0, resp);
      }
    }
  }

  /** Reads a word; fails on an error response. */
  public long read(long addr) {
    Response r = tryRead(addr);
    if (!r.ok()) {
      throw new AxiResponseException(sim.cycle(), "read of 0x" + Long.toHexString(addr), r.resp());
    }
    return r.data();
  }

  /** Reads a word and returns it with the response, error or not. */
  public Response tryRead(long addr) {
    sim.poke(p + "ar_addr", addr);
    sim.poke(p + "ar_valid", 1);
    sim.poke(p + "r_ready", 1);
    boolean arDone = false;
    long start = sim.cycle();
    while (true) {
      boolean arFire = !arDone && Ports.high(sim, p + "ar_ready");
      boolean rFire = Ports.high(sim, p + "r_valid");
      long data = rFire ? sim.peek(p + "r_data") : 0;
      int resp = rFire ? (int) sim.peek(p + "r_resp") : 0;
      checkTimeout(start, "read of 0x" + Long.toHexString(addr));
      sim.step();
      if (arFire) {
        arDone = true;
        sim.poke(p + "ar_valid", 0);
      }
      if (rFire) {
        sim.poke(p + "r_ready", 0);
        return new Response(data, resp);
      }
    }
  }

  private void checkTimeout(long start, String what) {
    if (sim.cycle() - start >= timeoutCycles) {
      throw new SimulationTimeoutException(sim.cycle(), "AXI4-Lite " + what + " on '" + p.substring(0, p.length() - 1)
          + "' got no response within " + timeoutCycles + " cycles");
    }
  }

  private static BigInteger mask(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }
}
