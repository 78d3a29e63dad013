package veneer.overlay.pe;

import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.UInt;

/** Small circuit idioms used across the PE's units. */
final class Hw {
  private Hw() {}

  /**
   * {@code values[index]} as a balanced tree of 2:1 muxes, one level per index bit (an index
   * beyond the list selects element 0).
   */
  static <T extends Data<T>> T select(List<T> values, UInt index) {
    if (index.width() > 8) {
      throw new IllegalArgumentException("select builds 2^width inputs; expected an index of at most 8 bits, found "
          + index.width());
    }
    List<T> level = new java.util.ArrayList<>(values);
    while (level.size() < (1 << index.width())) {
      level.add(values.get(0));
    }
    for (int bit = 0; bit < index.width(); bit++) {
      List<T> next = new java.util.ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(index.bit(bit).mux(level.get(i + 1), level.get(i)));
      }
      level = next;
    }
    return level.get(0);
  }

  /** The bits as a number, element {@code i} at bit {@code i}. */
  static UInt bitsOf(List<Bool> bits) {
    Data<?>[] lower = new Data<?>[bits.size() - 1];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = bits.get(bits.size() - 2 - i);
    }
    return bits.get(bits.size() - 1).cat(lower);
  }

  /** The words side by side, element {@code i} above element {@code i - 1} (element 0 lowest). */
  static UInt concat(List<UInt> words) {
    Data<?>[] lower = new Data<?>[words.size() - 1];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = words.get(words.size() - 2 - i);
    }
    return words.get(words.size() - 1).cat(lower);
  }
}
