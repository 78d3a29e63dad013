package veneer.sim.bus;

import java.math.BigInteger;
import java.util.List;
import veneer.sim.Simulator;

/**
 * The handshake rules every valid/ready channel shares (AMBA AXI, "Handshake process"): once
 * VALID is high it stays high until the cycle READY is also high, and the payload does not change
 * while it waits. {@link #observe} is called once per edge, before it.
 */
final class ChannelWatch {
  final String protocol;
  final String channel;
  final String valid;
  final String ready;
  final List<String> payload;
  private boolean waiting;
  private BigInteger[] held;

  ChannelWatch(Simulator sim, String protocol, String channel, String valid, String ready, List<String> payload) {
    this.protocol = protocol;
    this.channel = channel;
    this.valid = valid;
    this.ready = ready;
    this.payload = List.copyOf(payload);
    String what = "a " + protocol + " channel " + channel;
    Ports.require(sim, valid, what);
    Ports.require(sim, ready, what);
    for (String p : payload) {
      Ports.require(sim, p, what);
    }
  }

  boolean valid(Simulator sim) {
    return Ports.high(sim, valid);
  }

  /** Checks the hold rules and returns whether a transfer happens at this edge. */
  boolean observe(Simulator sim) {
    if (Ports.inReset(sim)) {
      waiting = false;
      return false;
    }
    boolean v = Ports.high(sim, valid);
    boolean r = Ports.high(sim, ready);
    BigInteger[] now = Ports.values(sim, payload);
    if (waiting) {
      if (!v) {
        throw new ProtocolViolation(sim.cycle(), protocol, "VALID stays high until READY",
            valid + " fell at cycle " + sim.cycle() + " although " + ready
                + " was low at the previous edge, so the transfer never happened");
      }
      for (int i = 0; i < now.length; i++) {
        if (!now[i].equals(held[i])) {
          throw new ProtocolViolation(sim.cycle(), protocol, "payload stable while VALID and not READY",
              payload.get(i) + " changed from " + Ports.hex(held[i]) + " to " + Ports.hex(now[i])
                  + " at cycle " + sim.cycle() + " while " + valid + " waited for " + ready);
        }
      }
    }
    waiting = v && !r;
    held = now;
    return v && r;
  }

  /** The payload as last observed. */
  BigInteger field(Simulator sim, String name) {
    return sim.peekWide(name);
  }
}
