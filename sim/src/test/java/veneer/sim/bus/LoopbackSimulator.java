package veneer.sim.bus;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Port;
import veneer.sim.Backend;
import veneer.sim.Simulator;

/**
 * A test double for unit-testing bus models without a back end: the ports of a real elaborated
 * design, but no logic. Whatever one model pokes, another peeks, so a Java manager and a Java
 * subordinate talk to each other directly, as if wired together.
 */
final class LoopbackSimulator implements Simulator {
  private final Design design;
  private final Map<String, BigInteger> values = new HashMap<>();
  private long cycle;

  LoopbackSimulator(Module portsOf) {
    this.design = Elaborator.elaborate(portsOf);
  }

  private Port port(String name) {
    return design.top().port(name).orElseThrow(() -> new IllegalArgumentException("no port " + name));
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public Backend backend() {
    throw new UnsupportedOperationException("a loopback has no back end");
  }

  @Override
  public void poke(String name, long value) {
    poke(name, BigInteger.valueOf(value));
  }

  @Override
  public void poke(String name, BigInteger value) {
    int w = port(name).width();
    values.put(name, value.and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)));
  }

  @Override
  public long peek(String name) {
    return peekWide(name).longValue();
  }

  @Override
  public BigInteger peekWide(String name) {
    port(name);
    return values.getOrDefault(name, BigInteger.ZERO);
  }

  @Override
  public void step(long cycles) {
    cycle += cycles;
  }

  @Override
  public long cycle() {
    return cycle;
  }

  @Override
  public void writeMemory(String path, int addr, BigInteger[] words) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BigInteger[] readMemory(String path, int addr, int count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dumpWaves(Path file) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
