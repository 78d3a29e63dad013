package veneer.hdl.bus;

/** Checks of bus parameters, with messages that say what was expected. */
final class BusParams {
  private BusParams() {}

  static int positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, found " + value);
    }
    return value;
  }

  static int nonNegative(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be 0 (absent) or more, found " + value);
    }
    return value;
  }

  /** AXI data buses are 8 to 1024 bits, a power of two. */
  static int axiDataWidth(int bits) {
    if (bits < 8 || bits > 1024 || Integer.bitCount(bits) != 1) {
      throw new IllegalArgumentException("an AXI data width must be a power of two from 8 to 1024 bits,"
          + " found " + bits);
    }
    return bits;
  }

  static int addrWidth(int bits) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("an AXI address width must be 1 to 64 bits, found " + bits);
    }
    return bits;
  }
}
