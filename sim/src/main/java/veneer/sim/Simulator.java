package veneer.sim;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import veneer.hdl.ir.Design;

/**
 * A cycle-accurate simulation of one design, on either back end. Ports are driven and read by
 * name; memories anywhere in the hierarchy are read and written in bulk by their path
 * ({@code "core.imem"}: instance names, then the memory name).
 *
 * <p>Semantics, identical on every back end: {@link #peek} shows the settled combinational
 * value for the current inputs and state; {@link #step} is one rising clock edge (registers
 * and memories update, then everything settles again). Registers without reset and memories
 * without initial contents start at zero. The implicit {@code reset} port is an ordinary input.
 *
 * <pre>{@code
 * try (Simulator sim = Simulators.open(new Counter(8), Backend.JVM)) {
 *   sim.reset(1);
 *   sim.poke("enable", 1);
 *   sim.step(10);
 *   assertEquals(10, sim.peek("count"));
 * }
 * }</pre>
 */
public interface Simulator extends AutoCloseable {

  /** The design being simulated. */
  Design design();

  /** Which back end runs it. */
  Backend backend();

  /** Drives an input port; {@code value} must fit the port's width (two's complement allowed). */
  void poke(String port, long value);

  /** Drives an input port of any width. */
  void poke(String port, BigInteger value);

  /** The value of a port (input or output), as an unsigned number; ports up to 64 bits. */
  long peek(String port);

  /** The value of a port of any width, as an unsigned number. */
  BigInteger peekWide(String port);

  /** One rising clock edge. */
  default void step() {
    step(1);
  }

  /** {@code cycles} rising clock edges, with the inputs held. */
  void step(long cycles);

  /** Clock edges since the simulation started. */
  long cycle();

  /**
   * Steps until {@code done} is true (checked before each edge) and returns the cycles stepped;
   * throws {@link SimulationTimeoutException} after {@code maxCycles} edges.
   */
  default long runUntil(BooleanSupplier done, long maxCycles) {
    long start = cycle();
    while (!done.getAsBoolean()) {
      if (cycle() - start >= maxCycles) {
        throw new SimulationTimeoutException(cycle(), "condition not reached within " + maxCycles + " cycles");
      }
      step();
    }
    return cycle() - start;
  }

  /** Holds {@code reset} high for {@code cycles} edges, then low. */
  default void reset(int cycles) {
    poke("reset", 1);
    step(cycles);
    poke("reset", 0);
  }

  /** Writes {@code words} into a memory starting at word {@code addr}. */
  void writeMemory(String path, int addr, BigInteger[] words);

  /** Reads {@code count} words of a memory starting at word {@code addr}. */
  BigInteger[] readMemory(String path, int addr, int count);

  /** Writes words of up to 64 bits. */
  default void writeMemory(String path, int addr, long... words) {
    BigInteger[] w = new BigInteger[words.length];
    for (int i = 0; i < words.length; i++) {
      w[i] = BigInteger.valueOf(words[i]);
    }
    writeMemory(path, addr, w);
  }

  /** Starts recording every port and named signal to a wave file (VCD, or FST where supported). */
  void dumpWaves(Path file);

  /** Frees the model (and, for Verilator, the native library's instance). */
  @Override
  void close();
}
