package veneer.shell.overlay;

import java.util.Arrays;
import java.util.Optional;
import veneer.compiler.CompiledKernel;
import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.KernelFailure;
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
  /** A DRAM line, the unit of the overlay's line coalescers. */
  private static final long LINE_BYTES = 64;

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

  /**
   * A compiled kernel's launch set up on the overlay: its array images in DRAM from 0x1000, placed
   * as the runtime's {@code DeviceArray} places them (the length word is the last word of a line,
   * so element 0 starts the next line and a coarsened kernel's blocks are whole lines), a failure
   * table filled with garbage after them (every thread writes its record), the program in IMEM
   * and the argument block written.
   */
  Placed place(CompiledKernel k, DeviceLaunch plan, Object[] args) {
    long[] dram = new long[args.length];
    long[] pe = new long[args.length];
    long next = 0x1000;
    for (int i = 0; i < args.length; i++) {
      int bytes = plan.imageBytes(i, args[i]);
      if (bytes > 0) {
        long image = next + LINE_BYTES - 4;
        dram[i] = image;
        pe[i] = DeviceLaunch.peAddress(image);
        dev.writeDram(image, plan.image(i, args[i]));
        next = (image + bytes + LINE_BYTES - 1) & -LINE_BYTES;
      }
    }
    int[] garbage = new int[plan.failureTableBytes() / 4];
    Arrays.fill(garbage, 0xDEAD_BEEF);
    dev.writeDramInts(next, garbage);
    int[] words = plan.argumentWords(DeviceLaunch.peAddress(next), args, pe);
    int[] imem = k.imemImage();
    for (int i = 0; i < imem.length; i++) {
      dev.roleWrite(ArrayRegisters.IMEM_WINDOW + 4L * i, Integer.toUnsignedLong(imem[i]));
    }
    for (int i = 0; i < words.length; i++) {
      dev.roleWrite(ArrayRegisters.ARGS_WINDOW + 4L * i, Integer.toUnsignedLong(words[i]));
    }
    return new Placed(plan, dram, next, imem.length);
  }

  /** Where {@link #place} put a launch: DRAM address of each array argument (0 for scalars), the failure table. */
  final class Placed {
    private final DeviceLaunch plan;
    private final long[] dram;
    private final long failureTable;
    final int imemWords;

    private Placed(DeviceLaunch plan, long[] dram, long failureTable, int imemWords) {
      this.plan = plan;
      this.dram = dram;
      this.failureTable = failureTable;
      this.imemWords = imemWords;
    }

    /** The first failure the threads recorded, as the runtime would report it. */
    Optional<KernelFailure> failure() {
      return plan.failure(dev.readDramInts(failureTable, plan.failureTableBytes() / 4));
    }

    /** Argument {@code i}'s array as the kernel left it, copied into {@code into}. */
    void readBack(int i, Object into) {
      plan.readBack(i, dev.readDram(dram[i], plan.imageBytes(i, into)), into);
    }
  }

  /** Sets the sizes and the entry, starts, and waits for Role interrupt line 0; returns the cycles from the start write to the interrupt message. */
  long launch(long entry, int globalSize, int localSize, long maxCycles) {
    write("entry_pc", entry);
    write("global_size", globalSize);
    write("local_size", localSize);
    long start = dev.simulator().cycle();
    write("control", 1);
    dev.awaitRoleInterrupt(0, maxCycles);
    return dev.simulator().cycle() - start;
  }
}
