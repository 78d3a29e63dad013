package veneer.sim.flat;

import java.math.BigInteger;
import java.util.List;
import veneer.hdl.ir.SourceLoc;

/**
 * A memory of a flat netlist, with the semantics of {@link veneer.hdl.ir.Memory}; its ports name
 * flat nets.
 *
 * @param path instance names, then the memory name: {@code "core.imem"}
 * @param init initial contents (length {@code depth}) or null for all zero
 */
public record FlatMemory(String path, int width, int depth, BigInteger[] init,
    List<ReadPort> readPorts, List<WritePort> writePorts, SourceLoc loc) {

  /** @param enable enable net of a synchronous port, or -1 for always */
  public record ReadPort(int addr, int enable, boolean sync, int data) {}

  /** @param mask mask net with one bit per {@code maskGranule} bits, or -1 for whole words */
  public record WritePort(int addr, int data, int enable, int mask, int maskGranule) {}
}
