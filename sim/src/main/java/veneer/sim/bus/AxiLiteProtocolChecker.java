package veneer.sim.bus;

import java.util.List;
import veneer.sim.Simulator;

/**
 * Watches an AXI4-Lite interface ({@code <bundle>_aw_valid} ...) every cycle. Rules, named as
 * in the AMBA AXI specification (ARM IHI 0022, "Handshake process", "Dependencies between
 * channel handshake signals", and the AXI4-Lite chapter):
 * <ul>
 *   <li>on each of the five channels, VALID stays high until READY, and the payload is stable
 *       while it waits;</li>
 *   <li>a write response (BVALID) only after both the write address and the write data of that
 *       write have been transferred;</li>
 *   <li>read data (RVALID) only after its read address has been transferred;</li>
 *   <li>no response without an outstanding request.</li>
 * </ul>
 *
 * <pre>{@code
 * sim.attach(new AxiLiteProtocolChecker(sim, "s"));
 * }</pre>
 */
public final class AxiLiteProtocolChecker implements CycleHook {
  private static final String PROTOCOL = "AXI4-Lite";
  private final String bundle;
  private final ChannelWatch aw;
  private final ChannelWatch w;
  private final ChannelWatch b;
  private final ChannelWatch ar;
  private final ChannelWatch r;
  private long awCount;
  private long wCount;
  private long bCount;
  private long arCount;
  private long rCount;

  public AxiLiteProtocolChecker(Simulator sim, String bundle) {
    this.bundle = bundle;
    String p = bundle + "_";
    aw = new ChannelWatch(sim, PROTOCOL, p + "aw", p + "aw_valid", p + "aw_ready", List.of(p + "aw_addr", p + "aw_prot"));
    w = new ChannelWatch(sim, PROTOCOL, p + "w", p + "w_valid", p + "w_ready", List.of(p + "w_data", p + "w_strb"));
    b = new ChannelWatch(sim, PROTOCOL, p + "b", p + "b_valid", p + "b_ready", List.of(p + "b_resp"));
    ar = new ChannelWatch(sim, PROTOCOL, p + "ar", p + "ar_valid", p + "ar_ready", List.of(p + "ar_addr", p + "ar_prot"));
    r = new ChannelWatch(sim, PROTOCOL, p + "r", p + "r_valid", p + "r_ready", List.of(p + "r_data", p + "r_resp"));
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (Ports.inReset(sim)) {
      awCount = wCount = bCount = arCount = rCount = 0;
      aw.observe(sim);
      w.observe(sim);
      b.observe(sim);
      ar.observe(sim);
      r.observe(sim);
      return;
    }
    // Responses are judged against the requests of earlier edges, so look at them first.
    if (b.valid(sim) && Math.min(awCount, wCount) <= bCount) {
      throw new ProtocolViolation(sim.cycle(), PROTOCOL, "write response after address and data",
          bundle + "_b_valid is high at cycle " + sim.cycle() + " but only " + awCount + " write addresses and "
              + wCount + " write data beats have been transferred for " + bCount + " responses so far");
    }
    if (r.valid(sim) && arCount <= rCount) {
      throw new ProtocolViolation(sim.cycle(), PROTOCOL, "read data after read address",
          bundle + "_r_valid is high at cycle " + sim.cycle() + " but " + arCount + " read addresses have been"
              + " transferred for " + rCount + " read responses so far");
    }
    if (aw.observe(sim)) {
      awCount++;
    }
    if (w.observe(sim)) {
      wCount++;
    }
    if (b.observe(sim)) {
      bCount++;
    }
    if (ar.observe(sim)) {
      arCount++;
    }
    if (r.observe(sim)) {
      rCount++;
    }
  }

  /** Completed writes (responses transferred). */
  public long writes() {
    return bCount;
  }

  /** Completed reads. */
  public long reads() {
    return rCount;
  }
}
