package veneer.runtime;

/** Java values as device memory holds them: little-endian, as the PEs and the DRAM lanes see them. */
final class LittleEndian {
  private LittleEndian() {}

  static byte[] ints(int[] values, int from, int count) {
    byte[] b = new byte[4 * count];
    for (int i = 0; i < count; i++) {
      put(b, 4 * i, 4, values[from + i]);
    }
    return b;
  }

  static int[] toInts(byte[] b) {
    int[] v = new int[b.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = (int) get(b, 4 * i, 4);
    }
    return v;
  }

  static byte[] longs(long[] values, int from, int count) {
    byte[] b = new byte[8 * count];
    for (int i = 0; i < count; i++) {
      put(b, 8 * i, 8, values[from + i]);
    }
    return b;
  }

  static long[] toLongs(byte[] b) {
    long[] v = new long[b.length / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = get(b, 8 * i, 8);
    }
    return v;
  }

  static void put(byte[] b, int offset, int bytes, long value) {
    for (int i = 0; i < bytes; i++) {
      b[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  static long get(byte[] b, int offset, int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (b[offset + i] & 0xFFL) << (8 * i);
    }
    return v;
  }
}
