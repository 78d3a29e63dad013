package veneer.compiler.launch;

/**
 * Java arrays as the PE sees them in global memory: elements little-endian, {@code long} as low
 * then high word, {@code boolean} as one byte 0 or 1.
 */
final class ArrayImages {
  private ArrayImages() {
  }

  static int round4(long n) {
    return (int) ((n + 3) & ~3L);
  }

  static int elemBytes(Object a) {
    if (a instanceof long[]) {
      return 8;
    } else if (a instanceof int[]) {
      return 4;
    } else if (a instanceof short[] || a instanceof char[]) {
      return 2;
    } else if (a instanceof byte[] || a instanceof boolean[]) {
      return 1;
    }
    throw new IllegalArgumentException("expected a one-dimensional array of long, int, short, char, byte or boolean, found "
        + (a == null ? "null" : a.getClass().getSimpleName()));
  }

  static long bytes(Object a) {
    return (long) java.lang.reflect.Array.getLength(a) * elemBytes(a);
  }

  static void putInt(byte[] b, int off, int v) {
    put(b, off, 4, v);
  }

  private static void put(byte[] b, int off, int n, long v) {
    for (int i = 0; i < n; i++) {
      b[off + i] = (byte) (v >>> (8 * i));
    }
  }

  private static long get(byte[] b, int off, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (b[off + i] & 0xFFL) << (8 * i);
    }
    return v;
  }

  /** Writes the elements of {@code a} at {@code off}. */
  static void write(byte[] b, int off, Object a) {
    int n = java.lang.reflect.Array.getLength(a);
    int e = elemBytes(a);
    for (int i = 0; i < n; i++) {
      long v;
      if (a instanceof long[] x) {
        v = x[i];
      } else if (a instanceof int[] x) {
        v = x[i];
      } else if (a instanceof short[] x) {
        v = x[i];
      } else if (a instanceof char[] x) {
        v = x[i];
      } else if (a instanceof byte[] x) {
        v = x[i];
      } else {
        v = ((boolean[]) a)[i] ? 1 : 0;
      }
      put(b, off + i * e, e, v);
    }
  }

  /** Reads the elements of {@code a} from {@code off}. */
  static void read(byte[] b, int off, Object a) {
    int n = java.lang.reflect.Array.getLength(a);
    int e = elemBytes(a);
    for (int i = 0; i < n; i++) {
      long v = get(b, off + i * e, e);
      if (a instanceof long[] x) {
        x[i] = v;
      } else if (a instanceof int[] x) {
        x[i] = (int) v;
      } else if (a instanceof short[] x) {
        x[i] = (short) v;
      } else if (a instanceof char[] x) {
        x[i] = (char) v;
      } else if (a instanceof byte[] x) {
        x[i] = (byte) v;
      } else {
        ((boolean[]) a)[i] = v != 0;
      }
    }
  }
}
