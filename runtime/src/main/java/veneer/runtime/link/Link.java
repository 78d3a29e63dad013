package veneer.runtime.link;

import java.math.BigInteger;

/**
 * A connection to one device: what the runtime needs from a transport, and nothing about how
 * the device is built. Physical function 0 is management, 1 is user. Implementations are found
 * through {@link LinkProvider}; the runtime never depends on a device model directly.
 *
 * <pre>{@code
 * try (Link link = provider.open("jvm")) {
 *   long v = link.mmioRead(1, 0, 0x10);
 * }
 * }</pre>
 */
public interface Link extends AutoCloseable {
  /** Reads the 32-bit register at {@code offset} of BAR {@code bar} of physical function {@code function}. */
  long mmioRead(int function, int bar, long offset);

  /** Writes the 32-bit register at {@code offset} of BAR {@code bar} of physical function {@code function}. */
  void mmioWrite(int function, int bar, long offset, long value);

  /** The management function's identity word (the Shell's {@code ident}). */
  long identity();

  /** The 128-bit shell interface id, read through the management function. */
  BigInteger interfaceId();

  /**
   * Streams a partial bitstream through the management function's configuration port and waits
   * until the device reports a result; a refusal is a status, not an exception.
   */
  ConfigurationStatus streamConfiguration(byte[] partialBitstream);

  /** A counter or status register of the management function by name, for diagnostics. */
  long managementRegister(String name);

  /** Releases the device. */
  @Override
  void close();
}
