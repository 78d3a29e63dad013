package veneer.sim.bus;

import veneer.sim.Simulator;

/**
 * Watches one ready/valid stream every cycle and fails with a {@link ProtocolViolation} when
 * the producer drops VALID before READY, or changes the payload while it waits (the AXI4-Stream
 * handshake rules, which the plain {@link veneer.hdl.bus.Stream} follows too).
 *
 * <pre>{@code
 * sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("out")));
 * }</pre>
 */
public final class StreamProtocolChecker implements CycleHook {
  private final ChannelWatch watch;
  private long transfers;

  public StreamProtocolChecker(Simulator sim, StreamPorts ports) {
    this.watch = ports.watch(sim, "stream");
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (watch.observe(sim)) {
      transfers++;
    }
  }

  /** Beats seen so far. */
  public long transfers() {
    return transfers;
  }
}
