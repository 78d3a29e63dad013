package veneer.runtime;

import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.link.Link;

/**
 * The overlay (the PE array Role) as the user function sees it in PF1 BAR0: its register map
 * is {@link ArrayRegisters}, the one the RTL is built from.
 */
final class Overlay {
  /** The Role interrupt line the array's {@code done} drives. */
  static final int DONE_LINE = 0;

  private final Link link;

  Overlay(Link link) {
    this.link = link;
  }

  long read(String name) {
    return link.mmioRead(User.FUNCTION, 0, ArrayRegisters.offsetOf(name));
  }

  void write(String name, long value) {
    link.mmioWrite(User.FUNCTION, 0, ArrayRegisters.offsetOf(name), value & 0xFFFF_FFFFL);
  }

  /** A 48-bit counter: low word first, as the map requires. */
  long counter(String name) {
    long lo = read(name + "_lo");
    return read(name + "_hi") << 32 | lo;
  }

  /** The array's shape, after checking that PF1 BAR0 is an overlay at all. */
  Shape shape() {
    long id = link.mmioRead(User.FUNCTION, 0, ArrayRegisters.offsetOf("id"));
    if (id != ArrayRegisters.MAGIC) {
      throw new IllegalStateException(String.format("the active Role is not the overlay: PF1 BAR0 offset 0 reads 0x%08x,"
          + " expected 0x%08x (\"VPEA\"); load an overlay image (variant 3) through the management function first",
          id, ArrayRegisters.MAGIC));
    }
    long s = read("shape");
    return new Shape((int) (s & 0xFF), (int) (s >>> 8 & 0xFF), (int) (s >>> 16) * 16);
  }

  void loadImem(int[] words) {
    for (int i = 0; i < words.length; i++) {
      link.mmioWrite(User.FUNCTION, 0, ArrayRegisters.IMEM_WINDOW + 4L * i, words[i] & 0xFFFF_FFFFL);
    }
  }

  void writeArguments(int[] words) {
    for (int i = 0; i < words.length; i++) {
      link.mmioWrite(User.FUNCTION, 0, ArrayRegisters.ARGS_WINDOW + 4L * i, words[i] & 0xFFFF_FFFFL);
    }
  }

  /** PEs, hardware threads per PE, and words of instruction memory per PE. */
  record Shape(int pes, int threads, int imemWords) {}
}
