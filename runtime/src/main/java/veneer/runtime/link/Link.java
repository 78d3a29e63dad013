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

  /**
   * Resets the active Role through the management function (decoupled meanwhile) and returns when
   * it is coupled again; the Shell, device memory and the loaded image stay as they are.
   */
  void resetRole();

  /**
   * Bytes of device DRAM the user function may use for buffers (device addresses 0 to this value,
   * exclusive).
   */
  long deviceMemoryBytes();

  /**
   * Copies {@code length} bytes of {@code data} from {@code offset} into device DRAM at
   * {@code deviceAddress} through the device's DMA engine (host to card) and returns when the
   * engine reports the transfer done. A transfer the device refuses (outside DRAM, a DMA error)
   * is a {@link DeviceException} naming the channel and the device's error code.
   */
  void dmaToDevice(long deviceAddress, byte[] data, int offset, int length);

  /**
   * Copies {@code length} bytes of device DRAM at {@code deviceAddress} into {@code into} from
   * {@code offset} through the device's DMA engine (card to host).
   */
  void dmaFromDevice(long deviceAddress, byte[] into, int offset, int length);

  /**
   * Waits for the Role's interrupt line {@code line} to reach the host as an MSI-X message of the
   * user function. Time is counted in device cycles (the user clock), so a simulated device
   * gives the same answer on every run; returns the cycles waited, or -1 if {@code maxCycles}
   * passed without the interrupt.
   */
  long awaitRoleInterrupt(int line, long maxCycles);

  /** Releases the device. */
  @Override
  void close();
}
