package veneer.sim.random;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Port;
import veneer.sim.Backend;
import veneer.sim.Simulator;

/**
 * A stand-in simulator for testing the differential harness itself: every output is a fixed
 * function of the inputs and the cycle, and {@code faultCycle}/{@code faultPort} flip one bit,
 * as a buggy back end would.
 */
final class FakeEvaluator implements Simulator {
  private final Design design;
  private final Backend backend;
  private final long faultCycle;
  private final String faultPort;
  private final Map<String, BigInteger> inputs = new HashMap<>();
  private long cycle;

  FakeEvaluator(Design design, Backend backend, long faultCycle, String faultPort) {
    this.design = design;
    this.backend = backend;
    this.faultCycle = faultCycle;
    this.faultPort = faultPort;
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public Backend backend() {
    return backend;
  }

  @Override
  public void poke(String port, long value) {
    poke(port, BigInteger.valueOf(value));
  }

  @Override
  public void poke(String port, BigInteger value) {
    inputs.put(port, value);
  }

  @Override
  public long peek(String port) {
    return peekWide(port).longValue();
  }

  @Override
  public BigInteger peekWide(String port) {
    Port p = design.top().port(port).orElseThrow();
    BigInteger v = BigInteger.valueOf(inputs.hashCode() * 31L + cycle).abs();
    if (port.equals(faultPort) && cycle == faultCycle) {
      v = v.flipBit(0);
    }
    return v.and(BigInteger.ONE.shiftLeft(p.width()).subtract(BigInteger.ONE));
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
