package veneer.compiler.launch;

import veneer.compiler.CompiledKernel;
import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.backend.TrapSites;
import veneer.isa.pe.PeMemoryMap;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.Optional;

/**
 * The host side of one launch of a compiled kernel on P PEs of T hardware threads each: what to
 * allocate in device memory, the bytes to put there, the 64 argument words, and how to read the
 * results and the failure table back. The caller owns the memory: it allocates, copies and
 * passes the PE addresses ({@code 0x8000_0000 +} device DRAM address) of what it placed.
 *
 * <pre>{@code
 * DeviceLaunch l = DeviceLaunch.of(k, WorkRange.of(n), 4, 8, 16 * 1024);
 * long pa = DeviceLaunch.peAddress(dramA);               // where the image of argument 0 went
 * write(dramA, l.image(0, a));                           // a's length word, then its elements
 * long table = DeviceLaunch.peAddress(dramT);            // l.failureTableBytes() bytes, any content
 * int[] words = l.argumentWords(table, new Object[] {a, b, c}, new long[] {pa, pb, pc});
 * ... load k.imemImage() at 0, write words to the argument window, start at k.entryPc(), wait ...
 * l.readBack(0, read(dramA, l.imageBytes(0, a)), a);
 * Optional<KernelFailure> f = l.failure(readWords(dramT, l.failureTableBytes() / 4));
 * }</pre>
 */
public final class DeviceLaunch {
  private final CompiledKernel kernel;
  private final WorkRange range;
  private final int pes;
  private final int threads;
  private final int scratchpadBytes;
  private final int teams;

  private DeviceLaunch(CompiledKernel kernel, WorkRange range, int pes, int threads, int scratchpadBytes, int teams) {
    this.kernel = kernel;
    this.range = range;
    this.pes = pes;
    this.threads = threads;
    this.scratchpadBytes = scratchpadBytes;
    this.teams = teams;
  }

  /**
   * A launch of {@code k} over {@code range} on {@code pes} PEs with {@code threads} hardware threads
   * and {@code scratchpadBytes} of scratchpad each (the per-thread context blocks and stacks live there).
   */
  public static DeviceLaunch of(CompiledKernel k, WorkRange range, int pes, int threads, int scratchpadBytes) {
    if (pes < 1) {
      throw new IllegalArgumentException("a launch needs at least one PE, found " + pes);
    }
    if (threads < 1 || threads > PeMemoryMap.MAX_THREADS) {
      throw new IllegalArgumentException("threads per PE must be 1.." + PeMemoryMap.MAX_THREADS + ", found " + threads);
    }
    int ctxBytes = PeMemoryMap.MAX_THREADS * 32;
    if (scratchpadBytes < ctxBytes + 16 * threads) {
      throw new IllegalArgumentException("the scratchpad must hold the " + ctxBytes + " bytes of context blocks and a stack"
          + " per thread: at least " + (ctxBytes + 16 * threads) + " bytes for " + threads + " threads, found " + scratchpadBytes);
    }
    int groupItems = range.groupSize();
    int teams = threads / groupItems;
    if (k.teamMode() && teams == 0) {
      throw new IllegalArgumentException("kernel " + k.name() + " uses barriers or @Local arrays, so a work-group of "
          + groupItems + " items must fit in one PE's " + threads + " hardware threads");
    }
    return new DeviceLaunch(k, range, pes, threads, scratchpadBytes, Math.max(teams, 1));
  }

  /** The PE's address of device DRAM address {@code dram}: global memory starts at 0x8000_0000. */
  public static long peAddress(long dram) {
    if (dram < 0 || dram > 0x7FFF_FFFFL) {
      throw new IllegalArgumentException("a PE reaches device DRAM addresses 0..0x7fffffff, found 0x" + Long.toHexString(dram));
    }
    return PeMemoryMap.GLOBAL_BASE + dram & 0xFFFF_FFFFL;
  }

  /** Teams per PE (team mode: T / work-group size; 1 in item mode). */
  public int teams() {
    return teams;
  }

  /** Bytes of the failure table: P*T records of two words. */
  public int failureTableBytes() {
    return 8 * pes * threads;
  }

  /**
   * Bytes to allocate for argument {@code param} with value {@code arg}: an array's length word and
   * elements (rounded up to 4 bytes); for a {@code @Local} array one such copy per team of every PE;
   * 0 for scalars and null arrays.
   */
  public int imageBytes(int param, Object arg) {
    ArgumentLayout.Slot s = slot(param);
    if (s.kind() == ArgumentLayout.Kind.ARRAY && arg != null) {
      requireArray(s, arg);
      return 4 + ArrayImages.round4(ArrayImages.bytes(arg));
    } else if (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY) {
      requireArray(s, arg);
      long n = (long) pes * teams * (4 + ArrayImages.round4(ArrayImages.bytes(arg)));
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("@Local array " + s.name() + " needs " + n + " bytes for " + pes * teams + " teams");
      }
      return (int) n;
    }
    return 0;
  }

  /** The bytes to write at argument {@code param}'s address ({@link #imageBytes} long; little-endian). */
  public byte[] image(int param, Object arg) {
    ArgumentLayout.Slot s = slot(param);
    byte[] b = new byte[imageBytes(param, arg)];
    if (s.kind() == ArgumentLayout.Kind.ARRAY && arg != null) {
      ArrayImages.putInt(b, 0, java.lang.reflect.Array.getLength(arg));
      ArrayImages.write(b, 4, arg);
    } else if (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY) {
      int stride = 4 + ArrayImages.round4(ArrayImages.bytes(arg));
      for (int copy = 0; copy < pes * teams; copy++) {
        ArrayImages.putInt(b, copy * stride, java.lang.reflect.Array.getLength(arg));
      }
    }
    return b;
  }

  /** Copies the elements of argument {@code param}'s image (as read back from the device) into {@code arg}. */
  public void readBack(int param, byte[] image, Object arg) {
    ArgumentLayout.Slot s = slot(param);
    if (s.kind() != ArgumentLayout.Kind.ARRAY || arg == null) {
      return;
    }
    if (image.length < imageBytes(param, arg)) {
      throw new IllegalArgumentException("the image of " + s.name() + " has " + imageBytes(param, arg)
          + " bytes, found " + image.length);
    }
    ArrayImages.read(image, 4, arg);
  }

  /**
   * The 64 words of the argument block.
   *
   * @param failureTable PE address of {@link #failureTableBytes()} bytes for the failure table, or 0 for none
   * @param args         the kernel's arguments, in declaration order
   * @param peAddresses  for each array argument, the PE address where its {@link #image} was written
   *                     (the length word; element 0 is 4 bytes further); ignored for scalars and null arrays
   */
  public int[] argumentWords(long failureTable, Object[] args, long[] peAddresses) {
    ArgumentLayout layout = kernel.layout();
    if (args.length != layout.params().size() || peAddresses.length != args.length) {
      throw new IllegalArgumentException("kernel " + kernel.name() + " takes " + layout.params().size()
          + " arguments, found " + args.length + " arguments and " + peAddresses.length + " addresses");
    }
    if (failureTable != 0) {
      requireGlobal("the failure table", failureTable);
    }
    int[] words = new int[ArgumentLayout.MAX_WORDS];
    for (int d = 0; d < 3; d++) {
      words[ArgumentLayout.GLOBAL_SIZE + d] = range.globalSize(d);
      words[ArgumentLayout.LOCAL_SIZE + d] = range.localSize(d);
      words[ArgumentLayout.NUM_GROUPS + d] = range.groupCount(d);
    }
    words[ArgumentLayout.TOTAL_GROUPS] = range.groupCount();
    words[ArgumentLayout.GROUP_ITEMS] = range.groupSize();
    words[ArgumentLayout.TEAMS] = teams;
    int ctxBytes = PeMemoryMap.MAX_THREADS * 32;
    words[ArgumentLayout.STACK_TOP] = PeMemoryMap.SCRATCHPAD_BASE + scratchpadBytes;
    words[ArgumentLayout.STACK_BYTES] = ((scratchpadBytes - ctxBytes) / threads) & ~15;
    words[ArgumentLayout.ROWS] = range.globalSize(1) * range.globalSize(2);
    words[ArgumentLayout.PES] = pes;
    words[ArgumentLayout.FAILURE_TABLE] = (int) failureTable;
    for (int i = 0; i < args.length; i++) {
      ArgumentLayout.Slot s = layout.params().get(i);
      Object a = args[i];
      switch (s.kind()) {
        case SCALAR -> words[s.word()] = scalar(s, a);
        case LONG -> {
          if (!(a instanceof Long l)) {
            throw wrongArgument(s, a);
          }
          words[s.word()] = (int) (long) l;
          words[s.word() + 1] = (int) (l >>> 32);
        }
        case ARRAY -> {
          if (a != null) {
            requireArray(s, a);
            requireGlobal("array " + s.name(), peAddresses[i]);
            words[s.word()] = (int) peAddresses[i] + 4;
            words[s.word() + 1] = java.lang.reflect.Array.getLength(a);
          }
        }
        case LOCAL_ARRAY -> {
          requireArray(s, a);
          requireGlobal("@Local array " + s.name(), peAddresses[i]);
          words[s.word()] = (int) peAddresses[i] + 4;
          words[s.word() + 1] = 4 + ArrayImages.round4(ArrayImages.bytes(a));
          words[s.word() + 2] = java.lang.reflect.Array.getLength(a);
        }
      }
    }
    return words;
  }

  /**
   * The failure of the launch from the failure table's words (as read back): the record with the
   * lowest failing work-item, mapped through the kernel's trap sites.
   */
  public Optional<KernelFailure> failure(int[] table) {
    return failure(kernel, table, pes * threads);
  }

  /**
   * Throws {@link KernelTrapException} naming the kernel, the failure's kind, file, line and work-item
   * (e.g. {@code kernel VectorAdd.add failed: array index out of bounds at VectorAdd.java:15 in work-item 16})
   * if the failure table holds a failure.
   */
  public void throwIfFailed(int[] table) {
    Optional<KernelFailure> f = failure(table);
    if (f.isPresent()) {
      throw new KernelTrapException(kernel.name(), f.get());
    }
  }

  /** As {@link #failure(int[])} for {@code records} records, for a host that has no {@code DeviceLaunch}. */
  public static Optional<KernelFailure> failure(CompiledKernel k, int[] table, int records) {
    if (table.length < 2 * records) {
      throw new IllegalArgumentException("a failure table of " + records + " records has " + 2 * records
          + " words, found " + table.length);
    }
    KernelFailure first = null;
    for (int r = 0; r < records; r++) {
      int site = table[2 * r];
      if (site == 0) {
        continue;
      }
      if (site < 0 || site > k.trapSites().size()) {
        throw new IllegalStateException("failure record " + r + " of kernel " + k.name() + " names trap site "
            + (site - 1) + ", but the kernel has " + k.trapSites().size() + " sites: the table was not written by it");
      }
      int item = table[2 * r + 1];
      TrapSites.Site s = k.trapSites().get(site - 1);
      if (first == null || item < first.workItem()) {
        first = new KernelFailure(s.kind(), s.file(), s.line(), item);
      }
    }
    return Optional.ofNullable(first);
  }

  private ArgumentLayout.Slot slot(int param) {
    if (param < 0 || param >= kernel.layout().params().size()) {
      throw new IllegalArgumentException("kernel " + kernel.name() + " has parameters 0.."
          + (kernel.layout().params().size() - 1) + ", found " + param);
    }
    return kernel.layout().params().get(param);
  }

  private static void requireGlobal(String what, long address) {
    if (address < (PeMemoryMap.GLOBAL_BASE & 0xFFFF_FFFFL) || address > 0xFFFF_FFFCL || address % 4 != 0) {
      throw new IllegalArgumentException(what + " must be at a word-aligned PE address in global memory "
          + "(0x80000000..0xfffffffc), found 0x" + Long.toHexString(address));
    }
  }

  private void requireArray(ArgumentLayout.Slot s, Object a) {
    if (a == null || !a.getClass().isArray() || !a.getClass().getComponentType().descriptorString().equals(s.javaType().substring(1))) {
      throw wrongArgument(s, a);
    }
  }

  private IllegalArgumentException wrongArgument(ArgumentLayout.Slot s, Object a) {
    return new IllegalArgumentException("argument " + s.name() + " of kernel " + kernel.name() + " must be " + s.javaType()
        + (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY ? " (not null: it gives the @Local array's length)" : "")
        + ", found " + (a == null ? "null" : a.getClass().getSimpleName()));
  }

  private int scalar(ArgumentLayout.Slot s, Object a) {
    if (a instanceof Integer i && s.javaType().equals("I")) {
      return i;
    } else if (a instanceof Short x && s.javaType().equals("S")) {
      return x;
    } else if (a instanceof Byte x && s.javaType().equals("B")) {
      return x;
    } else if (a instanceof Character x && s.javaType().equals("C")) {
      return x;
    } else if (a instanceof Boolean x && s.javaType().equals("Z")) {
      return x ? 1 : 0;
    }
    throw wrongArgument(s, a);
  }
}
