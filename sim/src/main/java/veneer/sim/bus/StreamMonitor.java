package veneer.sim.bus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import veneer.sim.Simulator;

/**
 * Takes beats from a stream output of the design and records them, applying seeded random
 * back-pressure: READY is high in each cycle with probability {@code readyProbability}
 * (independently of VALID, as the protocol allows).
 *
 * <pre>{@code
 * StreamMonitor out = sim.attach(new StreamMonitor(sim, StreamPorts.stream("out"), seed, 0.5));
 * sim.runUntil(() -> out.received().size() == 10, 1000);
 * assertEquals(List.of(...), out.data());
 * }</pre>
 */
public final class StreamMonitor implements CycleHook {
  private final StreamPorts ports;
  private final SplittableRandom rng;
  private final double readyProbability;
  private final List<BigInteger[]> received = new ArrayList<>();
  private boolean ready;

  public StreamMonitor(Simulator sim, StreamPorts ports, long seed, double readyProbability) {
    ports.watch(sim, "stream");
    if (!(readyProbability > 0 && readyProbability <= 1)) {
      throw new IllegalArgumentException("readyProbability must be in (0, 1], found " + readyProbability);
    }
    this.ports = ports;
    this.rng = new SplittableRandom(seed);
    this.readyProbability = readyProbability;
  }

  /** Every beat taken so far, one value per payload field. */
  public List<BigInteger[]> received() {
    return Collections.unmodifiableList(received);
  }

  /** The first payload field of every beat taken so far. */
  public List<BigInteger> data() {
    List<BigInteger> d = new ArrayList<>();
    for (BigInteger[] b : received) {
      d.add(b[0]);
    }
    return d;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (ready && !Ports.inReset(sim) && Ports.high(sim, ports.valid())) {
      received.add(Ports.values(sim, ports.payload()));
    }
  }

  @Override
  public void afterEdge(Simulator sim) {
    ready = rng.nextDouble() < readyProbability;
    sim.poke(ports.ready(), ready ? 1 : 0);
  }
}
