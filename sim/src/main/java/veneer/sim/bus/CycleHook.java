package veneer.sim.bus;

import veneer.sim.Simulator;

/**
 * Something that runs with every clock edge of a {@link CheckedSimulator}: a protocol checker,
 * a bus model, a stream driver. Hooks see the design in two phases, so that they never race
 * each other: first all of them {@link #beforeEdge observe} the settled values that the edge
 * will register (this is where handshakes happen), then the edge, then all of them
 * {@link #afterEdge drive} the inputs for the next cycle.
 */
public interface CycleHook {
  /** Sees the settled values just before the edge; must not poke. */
  default void beforeEdge(Simulator sim) {}

  /** Drives inputs for the cycle after the edge (also called once when attached). */
  default void afterEdge(Simulator sim) {}
}
