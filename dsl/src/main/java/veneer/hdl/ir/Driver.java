package veneer.hdl.ir;

import java.math.BigInteger;
import java.util.Arrays;

/** What drives a net. Every net has exactly one driver. */
public sealed interface Driver {

  /** A module input port. */
  record Input(String port) implements Driver {}

  /** A constant, {@code 0 <= value < 2^width}. */
  record Const(BigInteger value) implements Driver {}

  /** A combinational operation on other nets; {@code param} is the shift amount or slice offset. */
  record Operation(Op op, int[] args, int param) implements Driver {
    @Override
    public boolean equals(Object o) {
      return o instanceof Operation x && x.op == op && x.param == param && Arrays.equals(x.args, args);
    }

    @Override
    public int hashCode() {
      return op.hashCode() * 31 + Arrays.hashCode(args) * 7 + param;
    }

    @Override
    public String toString() {
      return "Operation[" + op + ", " + Arrays.toString(args) + ", " + param + "]";
    }
  }

  /**
   * A register clocked by {@code domain}. On each clock edge it takes {@code next}, or
   * {@code reset} while the domain's synchronous reset is high; {@code reset == null} means it
   * has no reset and starts at zero in simulation.
   */
  record Register(int next, BigInteger reset, int domain) implements Driver {}

  /** The data of a memory read port. */
  record MemRead(int memory, int port) implements Driver {}

  /** An output port of a child instance. */
  record InstanceOutput(int instance, String port) implements Driver {}

  /** A named copy of another net: wires, output ports, the parent side of a child's input. */
  record Alias(int source) implements Driver {}
}
