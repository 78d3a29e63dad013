package veneer.hdl.ir;

import java.math.BigInteger;
import java.util.List;

/**
 * A memory of {@code depth} words of {@code width} bits.
 *
 * <p>Semantics, shared by both simulators and the emitted Verilog: an asynchronous read port
 * shows the contents before this cycle's writes; a synchronous read port registers the word at
 * the clock edge when enabled, and reads the old contents when the same edge writes the address
 * (read-first); of several write ports writing one address in one cycle, the last port wins.
 * Addresses at or beyond {@code depth} read as zero and are not written.
 *
 * <p>A memory with {@code exclusiveWrites} promises that no two of its write ports write one
 * address in the same cycle (the module holds an assertion that checks it in simulation); the
 * Verilog then writes each port in its own {@code always} block, so synthesis builds no
 * priority logic between them.
 *
 * @param init initial contents (length {@code depth}) or {@code null} for all zero
 */
public record Memory(String name, int width, int depth, BigInteger[] init,
    List<ReadPort> readPorts, List<WritePort> writePorts, boolean exclusiveWrites, SourceLoc loc) {

  /**
   * @param enable net of the read enable of a synchronous port, or -1 for always
   * @param data the net driven with {@link Driver.MemRead}
   */
  public record ReadPort(int addr, int enable, boolean sync, int data, int domain, SourceLoc loc) {}

  /**
   * @param mask net with one bit per {@code maskGranule} bits of the word, or -1 for whole words
   */
  public record WritePort(int addr, int data, int enable, int mask, int maskGranule, int domain,
      SourceLoc loc) {}

  /** Bits needed to address every word. */
  public int addrWidth() {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
  }
}
