package veneer.overlay.pe;

import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.UInt;

/** Small circuit idioms used across the PE's units. */
final class Hw {
  private Hw() {}

  /** The bits as a number, element {@code i} at bit {@code i}. */
  static UInt bitsOf(List<Bool> bits) {
    Data<?>[] lower = new Data<?>[bits.size() - 1];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = bits.get(bits.size() - 2 - i);
    }
    return bits.get(bits.size() - 1).cat(lower);
  }
}
