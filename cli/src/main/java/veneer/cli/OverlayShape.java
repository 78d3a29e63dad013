package veneer.cli;

import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.User;

/**
 * The overlay a device runs, as {@code PxT} (PEs x threads per PE), read from the array's
 * {@code shape} register through PF1, so the demo and {@code bench e2e} print the shape that
 * produced their figures. The overlay must be the active Role.
 *
 * <pre>{@code
 * System.out.println(OverlayShape.of(dev.user()));   // "4x8"
 * }</pre>
 */
final class OverlayShape {
  private OverlayShape() {}

  /** The active overlay's shape; throws if the active Role is not the overlay. */
  static String of(User pf1) {
    long id = pf1.read32(ArrayRegisters.offsetOf("id"));
    if (id != ArrayRegisters.MAGIC) {
      throw new IllegalStateException(String.format("overlay shape: expected the overlay's id 0x%08x at PF1 offset 0,"
          + " found 0x%08x (is the overlay the active Role?)", ArrayRegisters.MAGIC, id));
    }
    long shape = pf1.read32(ArrayRegisters.offsetOf("shape"));
    return (shape & 0xFF) + "x" + (shape >>> 8 & 0xFF);
  }

  /** {@code sim:<backend>}, with the option {@code overlay=<shape>} unless {@code shape} is null (the default). */
  static String simUri(String backend, String shape) {
    return "sim:" + backend + (shape == null ? "" : "?overlay=" + shape);
  }
}
