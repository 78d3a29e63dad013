package veneer.sim.jvm;

import java.math.BigInteger;

/**
 * The state and evaluation of one flat netlist, as seen by {@link JvmSimulator}. Nets are the
 * flat netlist's source nets (aliases already followed); values are unsigned.
 */
interface Model {
  /** Recomputes every combinational net from inputs and state. */
  void settle();

  /**
   * One rising clock edge from a settled state: registers take their next (or reset) value,
   * memory writes apply, synchronous read ports capture. Leaves combinational nets stale.
   */
  void tick();

  /** The value of a net of up to 64 bits. */
  long narrow(int net);

  /** The value of a net of any width. */
  BigInteger value(int net);

  /** Sets an input net; {@code value} is already reduced to the net's width. */
  void setInput(int net, BigInteger value);

  /** Sets an input net of up to 64 bits; {@code value} is already reduced to its width. */
  void setInput(int net, long value);

  /** One word of a memory; {@code addr} is in range. */
  BigInteger readWord(int memory, int addr);

  /** Writes one word of a memory; {@code addr} is in range and {@code value} fits. */
  void writeWord(int memory, int addr, BigInteger value);
}
