package veneer.sim.jvm;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import veneer.hdl.ir.Design;
import veneer.sim.AssertionFailedException;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.flat.FlatAssertion;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNetlist;

/**
 * The in-JVM {@link Simulator}: a flat netlist evaluated by a {@link Model}. Evaluation is lazy:
 * a poke or a clock edge only marks the combinational nets stale, and the next peek or edge
 * settles them once.
 */
final class JvmSimulator implements Simulator {
  /** {@code -Dveneer.jvm.stats=true}: print how much of the design each settle ran, at close. */
  private static final boolean STATS = Boolean.getBoolean("veneer.jvm.stats");
  private final Design design;
  private final FlatNetlist flat;
  private final Model model;
  private final int[] assertCond;
  private final int[] assertReset;
  private long cycle;
  private boolean dirty = true;
  private boolean closed;
  private WaveRecorder waves;

  JvmSimulator(Design design, FlatNetlist flat, Model model) {
    this.design = design;
    this.flat = flat;
    this.model = model;
    List<FlatAssertion> as = flat.assertions();
    assertCond = new int[as.size()];
    assertReset = new int[as.size()];
    for (int i = 0; i < as.size(); i++) {
      assertCond[i] = flat.source(as.get(i).cond());
      assertReset[i] = as.get(i).resetNet() < 0 ? -1 : flat.source(as.get(i).resetNet());
    }
  }

  /** The engine running the design. */
  Model model() {
    return model;
  }

  /** The flat netlist being simulated. */
  FlatNetlist flat() {
    return flat;
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public Backend backend() {
    return Backend.JVM;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the simulation of " + flat.topName() + " is closed");
    }
  }

  private int inputNet(String port) {
    checkOpen();
    if (!flat.inputs().containsKey(port) && flat.outputs().containsKey(port)) {
      throw new IllegalArgumentException("'" + port + "' is an output of " + flat.topName()
          + "; only inputs can be poked");
    }
    return flat.input(port);
  }

  @Override
  public void poke(String port, long value) {
    int net = inputNet(port);
    int w = flat.net(net).width();
    if (w < 64 && (value >= 1L << w || value < -(1L << (w - 1)))) {
      throw new IllegalArgumentException("poke " + port + " = " + value + ": does not fit the port's "
          + w + " bits (expected " + -(1L << (w - 1)) + " to " + ((1L << w) - 1) + ")");
    }
    if (w <= 64) {
      model.setInput(net, w == 64 ? value : value & ((1L << w) - 1));
    } else {
      model.setInput(net, BigInteger.valueOf(value).and(BigOps.mask(w)));
    }
    dirty = true;
  }

  @Override
  public void poke(String port, BigInteger value) {
    int net = inputNet(port);
    int w = flat.net(net).width();
    if (value.bitLength() > w || value.signum() < 0 && value.bitLength() >= w) {
      throw new IllegalArgumentException("poke " + port + " = " + value + ": does not fit the port's "
          + w + " bits");
    }
    model.setInput(net, value.and(BigOps.mask(w)));
    dirty = true;
  }

  private void settle() {
    if (dirty) {
      model.settle();
      dirty = false;
    }
  }

  @Override
  public long peek(String port) {
    checkOpen();
    int net = flat.port(port);
    int w = flat.net(net).width();
    if (w > 64) {
      throw new IllegalArgumentException("port " + port + " is " + w + " bits wide; read it with peekWide");
    }
    settle();
    return model.narrow(flat.source(net));
  }

  @Override
  public BigInteger peekWide(String port) {
    checkOpen();
    int net = flat.port(port);
    settle();
    return model.value(flat.source(net));
  }

  /** The value of any net by hierarchical name (ports, wires, registers): for debugging and tests. */
  BigInteger peekNet(String name) {
    checkOpen();
    int net = flat.named(name).orElseThrow(() -> new IllegalArgumentException(
        "design " + flat.topName() + " has no net named '" + name + "'")).id();
    settle();
    return model.value(flat.source(net));
  }

  @Override
  public void step(long cycles) {
    checkOpen();
    if (cycles < 0) {
      throw new IllegalArgumentException("cannot step " + cycles + " cycles: expected >= 0");
    }
    for (long i = 0; i < cycles; i++) {
      settle();
      if (waves != null) {
        waves.beforeEdge(cycle);
      }
      checkAssertions();
      model.tick();
      cycle++;
      dirty = true;
      if (waves != null) {
        settle();
        waves.afterEdge(cycle);
      }
    }
  }

  private void checkAssertions() {
    for (int i = 0; i < assertCond.length; i++) {
      if (model.narrow(assertCond[i]) == 0 && (assertReset[i] < 0 || model.narrow(assertReset[i]) == 0)) {
        FlatAssertion a = flat.assertions().get(i);
        throw new AssertionFailedException(cycle, "assertion failed: " + a.message() + " ("
            + a.loc() + (a.instancePath().isEmpty() ? "" : ", instance " + a.instancePath()) + ")");
      }
    }
  }

  @Override
  public long cycle() {
    return cycle;
  }

  private FlatMemory memoryRange(String path, int memory, int addr, int count) {
    FlatMemory m = flat.memories().get(memory);
    if (addr < 0 || count < 0 || (long) addr + count > m.depth()) {
      throw new IllegalArgumentException("memory " + path + " has " + m.depth() + " words; cannot access "
          + count + " words from word " + addr);
    }
    return m;
  }

  @Override
  public void writeMemory(String path, int addr, BigInteger[] words) {
    checkOpen();
    int memory = flat.memory(path);
    FlatMemory m = memoryRange(path, memory, addr, words.length);
    for (int i = 0; i < words.length; i++) {
      BigInteger w = words[i];
      if (w.signum() < 0 && w.bitLength() < m.width()) {
        w = w.and(BigOps.mask(m.width()));
      }
      if (w.signum() < 0 || w.bitLength() > m.width()) {
        throw new IllegalArgumentException("word " + (addr + i) + " of memory " + path + ": " + words[i]
            + " does not fit " + m.width() + " bits");
      }
      model.writeWord(memory, addr + i, w);
    }
    dirty = true;
  }

  @Override
  public BigInteger[] readMemory(String path, int addr, int count) {
    checkOpen();
    int memory = flat.memory(path);
    memoryRange(path, memory, addr, count);
    BigInteger[] out = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      out[i] = model.readWord(memory, addr + i);
    }
    return out;
  }

  @Override
  public void dumpWaves(Path file) {
    checkOpen();
    if (waves != null) {
      waves.close();
    }
    settle();
    waves = new WaveRecorder(file, flat, model);
    waves.start(cycle);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (STATS && model instanceof CompiledModel c) {
        System.err.println("jvm back end: " + c.stats());
      }
      if (waves != null) {
        settle();
        waves.close();
        waves = null;
      }
    }
  }
}
