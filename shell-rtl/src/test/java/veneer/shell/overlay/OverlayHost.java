package veneer.shell.overlay;

import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ShellInterfaceId;
import veneer.shell.ShellConfig;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.role.GlobalMemoryBridge;

/**
 * What a host program does to run a kernel on the overlay Role, through PF1 only: the exact
 * sequence of docs/overlay-role.md section 4.
 */
final class OverlayHost {
  private final PlatformDriver dev;

  OverlayHost(PlatformDriver dev) {
    this.dev = dev;
  }

  /** A good partial bitstream of {@code variant} for the simulated Shell, with 64 bytes of data. */
  static byte[] image(long variant) {
    byte[] data = new byte[64];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 29 + variant);
    }
    return PartialBitstream.builder().variantId(variant)
        .shellInterfaceId(ShellInterfaceId.parse(ShellConfig.DEFAULT_INTERFACE_ID.toString(16)))
        .data(data).build().toBytes();
  }

  /** The PE address of DRAM address {@code d}. */
  static long peAddress(long d) {
    return GlobalMemoryBridge.PE_GLOBAL_BASE + d;
  }

  long read(String register) {
    return dev.roleRead(ArrayRegisters.offsetOf(register));
  }

  void write(String register, long value) {
    dev.roleWrite(ArrayRegisters.offsetOf(register), value);
  }

  /** A 48-bit counter: low word first, as the map requires. */
  long counter(String name) {
    long lo = read(name + "_lo");
    return read(name + "_hi") << 32 | lo;
  }

  /** Broadcasts the program into every PE's IMEM (one write per word). */
  void loadProgram(OverlayKernel k) {
    for (int i = 0; i < k.words().length; i++) {
      dev.roleWrite(ArrayRegisters.IMEM_WINDOW + 4L * i, Integer.toUnsignedLong(k.words()[i]));
    }
  }

  /** Writes the kernel arguments (argument block words 0, 1, ...). */
  void arguments(long... words) {
    for (int i = 0; i < words.length; i++) {
      dev.roleWrite(ArrayRegisters.ARGS_WINDOW + 4L * i, words[i]);
    }
  }

  /** Sets the sizes and the entry, starts, and waits for Role interrupt line 0; returns the cycles waited. */
  long launch(long entry, int globalSize, int localSize, long maxCycles) {
    write("entry_pc", entry);
    write("global_size", globalSize);
    write("local_size", localSize);
    write("control", 1);
    return dev.awaitRoleInterrupt(0, maxCycles);
  }
}
