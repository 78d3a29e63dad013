package veneer.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Port;
import veneer.sim.AssertionFailedException;
import veneer.sim.Backend;
import veneer.sim.SimulationException;
import veneer.sim.Simulator;

/**
 * A {@link Simulator} on a Verilated model in a native library. Port names resolve to indices
 * once, here; every native call then works on indices. Evaluation is lazy, as in the JVM back
 * end: pokes and memory writes only mark the model stale, and the next peek or edge settles it.
 * A model fault kills the model (it is freed at once) but nothing else.
 */
final class VerilatorSimulator implements Simulator {
  /** A top port: its index in the harness, width, direction and whether it is the clock. */
  private record PortRef(int index, Port port) {}

  private final Design design;
  private final String topModule;
  private final Map<String, PortRef> ports = new HashMap<>();
  private final Map<String, int[]> memories = new HashMap<>();
  private final boolean wavesBuilt;
  private final ModelBuildTimer.Record build;
  private long handle;
  private long cycleAtClose;
  private boolean dirty = true;
  private String closedBecause;

  VerilatorSimulator(Design design, String topModule, List<Port> portList, long api, boolean wavesBuilt,
      ModelBuildTimer.Record build) {
    this.design = design;
    this.topModule = topModule;
    this.wavesBuilt = wavesBuilt;
    this.build = build;
    for (int i = 0; i < portList.size(); i++) {
      ports.put(portList.get(i).name(), new PortRef(i, portList.get(i)));
    }
    this.handle = NativeBridge.create(api);
    String fault = NativeBridge.fault(handle);
    if (fault != null) {
      fail(fault);
    }
  }

  /** How the model was obtained (built or cached, and how long that took). */
  ModelBuildTimer.Record build() {
    return build;
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public Backend backend() {
    return Backend.VERILATOR;
  }

  private void checkOpen() {
    if (handle == 0) {
      throw new IllegalStateException("the Verilator simulation of " + topModule + " is "
          + (closedBecause == null ? "closed" : "dead after " + closedBecause + "; open a new one"));
    }
  }

  private PortRef port(String name) {
    checkOpen();
    PortRef p = ports.get(name);
    if (p == null) {
      throw new IllegalArgumentException("design " + topModule + " has no port '" + name + "' (ports: "
          + ports.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
    }
    return p;
  }

  private PortRef input(String name) {
    PortRef p = port(name);
    if (!p.port().isInput()) {
      throw new IllegalArgumentException("'" + name + "' is an output of " + topModule + "; only inputs can be poked");
    }
    if (p.port().kind() == Port.Kind.CLOCK) {
      throw new IllegalArgumentException("'" + name + "' is the clock of " + topModule + "; step() drives it");
    }
    return p;
  }

  @Override
  public void poke(String name, long value) {
    PortRef p = input(name);
    int w = p.port().width();
    if (w < 64 && (value >= 1L << w || value < -(1L << (w - 1)))) {
      throw new IllegalArgumentException("poke " + name + " = " + value + ": does not fit the port's "
          + w + " bits (expected " + -(1L << (w - 1)) + " to " + ((1L << w) - 1) + ")");
    }
    if (w <= 64) {
      NativeBridge.poke64(handle, p.index(), value);
    } else {
      NativeBridge.pokeWide(handle, p.index(), Words.of(BigInteger.valueOf(value).and(Words.mask(w)), w));
    }
    dirty = true;
  }

  @Override
  public void poke(String name, BigInteger value) {
    PortRef p = input(name);
    int w = p.port().width();
    if (value.bitLength() > w || value.signum() < 0 && value.bitLength() >= w) {
      throw new IllegalArgumentException("poke " + name + " = " + value + ": does not fit the port's " + w + " bits");
    }
    BigInteger v = value.and(Words.mask(w));
    if (w <= 64) {
      NativeBridge.poke64(handle, p.index(), v.longValue());
    } else {
      NativeBridge.pokeWide(handle, p.index(), Words.of(v, w));
    }
    dirty = true;
  }

  private void settle() {
    if (dirty) {
      if (NativeBridge.settle(handle) != 0) {
        fail(NativeBridge.fault(handle));
      }
      dirty = false;
    }
  }

  @Override
  public long peek(String name) {
    PortRef p = port(name);
    if (p.port().width() > 64) {
      throw new IllegalArgumentException("port " + name + " is " + p.port().width() + " bits wide; read it with peekWide");
    }
    settle();
    return NativeBridge.peek64(handle, p.index());
  }

  @Override
  public BigInteger peekWide(String name) {
    PortRef p = port(name);
    int w = p.port().width();
    settle();
    if (w <= 64) {
      long v = NativeBridge.peek64(handle, p.index());
      return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }
    int[] words = new int[(w + 31) / 32];
    NativeBridge.peekWide(handle, p.index(), words);
    return Words.toBigInteger(words, 0, words.length);
  }

  @Override
  public void step(long cycles) {
    checkOpen();
    if (cycles < 0) {
      throw new IllegalArgumentException("cannot step " + cycles + " cycles: expected >= 0");
    }
    if (cycles == 0) {
      return;
    }
    dirty = true;
    if (NativeBridge.step(handle, cycles) != 0) {
      fail(NativeBridge.fault(handle));
    }
  }

  @Override
  public long cycle() {
    return handle == 0 ? cycleAtClose : NativeBridge.cycle(handle);
  }

  /** Frees the dead model and throws the fault as a Java exception at the cycle it happened. */
  private void fail(String fault) {
    long cycle = NativeBridge.cycle(handle);
    cycleAtClose = cycle;
    NativeBridge.destroy(handle);
    handle = 0;
    FaultText f = FaultText.parse(fault);
    closedBecause = "a fault at cycle " + cycle + " (" + f.message() + ")";
    if (f.isFinish()) {
      throw new SimulationException(cycle, f.message());
    }
    throw new AssertionFailedException(cycle, f.message());
  }

  private int[] memory(String path) {
    checkOpen();
    int[] m = memories.get(path);
    if (m == null) {
      MemoryPath mp = MemoryPath.resolve(design, topModule, path);
      m = NativeBridge.memFind(handle, mp.scope(), mp.variable());
      if (m[1] != mp.memory().width() || m[2] != mp.memory().depth()) {
        throw new IllegalStateException("memory " + path + " is " + mp.memory().depth() + " x " + mp.memory().width()
            + " bits in the design but " + m[2] + " x " + m[1] + " in the Verilog (" + mp.scope() + "." + mp.variable()
            + "): the emitted Verilog does not match the IR");
      }
      memories.put(path, m);
    }
    return m;
  }

  private void checkRange(String path, int depth, int addr, int count) {
    if (addr < 0 || count < 0 || (long) addr + count > depth) {
      throw new IllegalArgumentException("memory " + path + " has " + depth + " words; cannot access "
          + count + " words from word " + addr);
    }
  }

  @Override
  public void writeMemory(String path, int addr, BigInteger[] words) {
    int[] m = memory(path);
    int width = m[1];
    checkRange(path, m[2], addr, words.length);
    int per = (width + 31) / 32;
    int[] buf = new int[words.length * per];
    BigInteger mask = Words.mask(width);
    for (int i = 0; i < words.length; i++) {
      BigInteger w = words[i];
      if (w.signum() < 0 && w.bitLength() < width) {
        w = w.and(mask);
      }
      if (w.signum() < 0 || w.bitLength() > width) {
        throw new IllegalArgumentException("word " + (addr + i) + " of memory " + path + ": " + words[i]
            + " does not fit " + width + " bits");
      }
      Words.into(w, buf, i * per, per);
    }
    NativeBridge.memWrite(handle, m[0], addr, words.length, per, buf);
    dirty = true;
  }

  @Override
  public BigInteger[] readMemory(String path, int addr, int count) {
    int[] m = memory(path);
    checkRange(path, m[2], addr, count);
    int per = (m[1] + 31) / 32;
    int[] buf = new int[count * per];
    NativeBridge.memRead(handle, m[0], addr, count, per, buf);
    BigInteger[] out = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      out[i] = Words.toBigInteger(buf, i * per, per);
    }
    return out;
  }

  @Override
  public void dumpWaves(Path file) {
    checkOpen();
    if (!wavesBuilt) {
      throw new IllegalStateException("dumpWaves needs a model built with waves: open the simulation with"
          + " SimOptions.defaults().withWaves(true) (this one was opened with waves off)");
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of the wave file " + file, e);
    }
    NativeBridge.traceOpen(handle, file.toAbsolutePath().toString());
    dirty = false;
  }

  @Override
  public void close() {
    if (handle != 0) {
      cycleAtClose = NativeBridge.cycle(handle);
      NativeBridge.destroy(handle);
      handle = 0;
    }
  }
}
