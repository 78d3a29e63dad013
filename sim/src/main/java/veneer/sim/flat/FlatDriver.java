package veneer.sim.flat;

import java.math.BigInteger;
import java.util.Arrays;
import veneer.hdl.ir.Op;

/**
 * What drives a net of a {@link FlatNetlist}. The same shapes as {@link veneer.hdl.ir.Driver}
 * once the hierarchy is gone: child inputs and outputs have become aliases, and a register names
 * the flat net of its reset instead of a module-local clock domain.
 */
public sealed interface FlatDriver {

  /** A top-level input port. */
  record Input(String port) implements FlatDriver {}

  /** A constant, {@code 0 <= value < 2^width}. */
  record Const(BigInteger value) implements FlatDriver {}

  /** A combinational operation; see {@link Op} for the meaning of each operator. */
  record Operation(Op op, int[] args, int param) implements FlatDriver {
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
   * A register on the one simulation clock. It takes {@code next} at each rising edge, or
   * {@code reset} while the net {@code resetNet} is high; {@code reset == null} (and
   * {@code resetNet == -1}) means no reset, starting at zero.
   */
  record Register(int next, BigInteger reset, int resetNet) implements FlatDriver {}

  /** The data of read port {@code port} of flat memory {@code memory}. */
  record MemRead(int memory, int port) implements FlatDriver {}

  /** A copy of another net of the same width. */
  record Alias(int source) implements FlatDriver {}
}
