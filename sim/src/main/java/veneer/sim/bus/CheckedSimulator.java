package veneer.sim.bus;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import veneer.hdl.ir.Design;
import veneer.sim.Backend;
import veneer.sim.Simulator;

/**
 * A simulator that runs attached {@link CycleHook}s (protocol checkers, bus models, stream
 * drivers) around every clock edge, so that a test attaches a checker in one line and it watches
 * every cycle, including the cycles that bus helpers step on their own.
 *
 * <pre>{@code
 * try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(design, Backend.JVM))) {
 *   sim.attach(new AxiLiteProtocolChecker(sim, "s"));
 *   AxiLiteMaster bus = new AxiLiteMaster(sim, "s");
 *   sim.reset(2);
 *   bus.write(0x4, 42);           // steps the clock; the checker sees every edge
 * }
 * }</pre>
 */
public final class CheckedSimulator implements Simulator {
  private final Simulator inner;
  private final List<CycleHook> hooks = new ArrayList<>();

  private CheckedSimulator(Simulator inner) {
    this.inner = inner;
  }

  /** Wraps {@code sim}; closing the wrapper closes it. */
  public static CheckedSimulator wrap(Simulator sim) {
    return sim instanceof CheckedSimulator c ? c : new CheckedSimulator(sim);
  }

  /** Runs {@code hook} at every edge from now on, and lets it drive its inputs right away. */
  public <H extends CycleHook> H attach(H hook) {
    hooks.add(hook);
    hook.afterEdge(inner);
    return hook;
  }

  /** Stops running {@code hook}. */
  public void detach(CycleHook hook) {
    hooks.remove(hook);
  }

  /** The wrapped simulator (stepping it directly bypasses the hooks). */
  public Simulator inner() {
    return inner;
  }

  @Override
  public void step(long cycles) {
    if (cycles < 0) {
      throw new IllegalArgumentException("cannot step a negative number of cycles: " + cycles);
    }
    List<CycleHook> now = List.copyOf(hooks);
    for (long i = 0; i < cycles; i++) {
      for (CycleHook h : now) {
        h.beforeEdge(inner);
      }
      inner.step(1);
      for (CycleHook h : now) {
        h.afterEdge(inner);
      }
    }
  }

  @Override
  public Design design() {
    return inner.design();
  }

  @Override
  public Backend backend() {
    return inner.backend();
  }

  @Override
  public void poke(String port, long value) {
    inner.poke(port, value);
  }

  @Override
  public void poke(String port, BigInteger value) {
    inner.poke(port, value);
  }

  @Override
  public long peek(String port) {
    return inner.peek(port);
  }

  @Override
  public BigInteger peekWide(String port) {
    return inner.peekWide(port);
  }

  @Override
  public long cycle() {
    return inner.cycle();
  }

  @Override
  public void writeMemory(String path, int addr, BigInteger[] words) {
    inner.writeMemory(path, addr, words);
  }

  @Override
  public BigInteger[] readMemory(String path, int addr, int count) {
    return inner.readMemory(path, addr, count);
  }

  @Override
  public void dumpWaves(Path file) {
    inner.dumpWaves(file);
  }

  @Override
  public void close() {
    inner.close();
  }
}
