package veneer.sim.bus;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import veneer.sim.Simulator;

/**
 * Feeds queued beats into a stream input of the design, with seeded random gaps: in each cycle
 * where it is not already offering a beat, it offers the next one with probability
 * {@code validProbability}. An offered beat stays on the ports until the design takes it.
 * VALID is held low during reset.
 *
 * <pre>{@code
 * StreamDriver in = sim.attach(new StreamDriver(sim, StreamPorts.stream("in"), seed, 0.7));
 * in.send(1); in.send(2);
 * sim.runUntil(in::idle, 100);
 * }</pre>
 */
public final class StreamDriver implements CycleHook {
  private final StreamPorts ports;
  private final SplittableRandom rng;
  private final double validProbability;
  private final Deque<BigInteger[]> queue = new ArrayDeque<>();
  private boolean offering;
  private long sent;

  public StreamDriver(Simulator sim, StreamPorts ports, long seed, double validProbability) {
    ports.watch(sim, "stream"); // checks the ports exist
    if (!(validProbability > 0 && validProbability <= 1)) {
      throw new IllegalArgumentException("validProbability must be in (0, 1], found " + validProbability);
    }
    this.ports = ports;
    this.rng = new SplittableRandom(seed);
    this.validProbability = validProbability;
  }

  /** Queues a beat whose single payload field is {@code data}. */
  public void send(long data) {
    send(BigInteger.valueOf(data));
  }

  /** Queues a beat: one value per payload field, in {@link StreamPorts#payload()} order. */
  public void send(BigInteger... fields) {
    if (fields.length != ports.payload().size()) {
      throw new IllegalArgumentException("a beat of stream '" + ports.name() + "' has "
          + ports.payload().size() + " fields " + ports.payload() + ", found " + fields.length
          + " values " + Arrays.toString(fields));
    }
    queue.add(fields.clone());
  }

  /** Beats queued but not yet taken. */
  public int pending() {
    return queue.size();
  }

  /** Beats the design has taken. */
  public long sent() {
    return sent;
  }

  /** True when every queued beat has been taken. */
  public boolean idle() {
    return queue.isEmpty();
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (offering && !Ports.inReset(sim) && Ports.high(sim, ports.ready())) {
      queue.removeFirst();
      sent++;
      offering = false;
    }
  }

  @Override
  public void afterEdge(Simulator sim) {
    if (Ports.inReset(sim)) {
      offering = false;
    } else if (!offering && !queue.isEmpty() && rng.nextDouble() < validProbability) {
      offering = true;
    }
    sim.poke(ports.valid(), offering ? 1 : 0);
    if (offering) {
      BigInteger[] beat = queue.peekFirst();
      for (int i = 0; i < beat.length; i++) {
        sim.poke(ports.payload().get(i), beat[i]);
      }
    }
  }
}
