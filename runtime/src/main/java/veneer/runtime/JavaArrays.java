package veneer.runtime;

import java.lang.reflect.Array;

/**
 * The kernel array types ({@code int[] long[] short[] char[] byte[] boolean[]}) as device memory
 * holds them: elements little-endian, a {@code long} as low then high word, a {@code boolean} as
 * one byte 0 or 1 — the layout compiled kernels read.
 */
final class JavaArrays {
  private JavaArrays() {}

  /** Bytes per element of a kernel array of {@code component}. */
  static int elementBytes(Class<?> component) {
    if (component == long.class) {
      return 8;
    } else if (component == int.class) {
      return 4;
    } else if (component == short.class || component == char.class) {
      return 2;
    } else if (component == byte.class || component == boolean.class) {
      return 1;
    }
    throw new IllegalArgumentException("kernel array: expected int[], long[], short[], char[], byte[] or boolean[], found "
        + component.getName() + "[]");
  }

  /** The component type of {@code array}, if it is a kernel array. */
  static Class<?> component(Object array) {
    if (array == null || !array.getClass().isArray()) {
      throw new IllegalArgumentException("kernel array: expected int[], long[], short[], char[], byte[] or boolean[], found "
          + (array == null ? "null" : array.getClass().getSimpleName()));
    }
    Class<?> c = array.getClass().getComponentType();
    elementBytes(c);
    return c;
  }

  static byte[] encode(Object array) {
    int n = Array.getLength(array);
    int e = elementBytes(component(array));
    byte[] b = new byte[n * e];
    for (int i = 0; i < n; i++) {
      long v;
      if (array instanceof boolean[] z) {
        v = z[i] ? 1 : 0;
      } else if (array instanceof char[] c) {
        v = c[i];
      } else {
        v = ((Number) Array.get(array, i)).longValue();
      }
      LittleEndian.put(b, i * e, e, v);
    }
    return b;
  }

  static void decode(byte[] b, int offset, Object into) {
    int n = Array.getLength(into);
    int e = elementBytes(component(into));
    for (int i = 0; i < n; i++) {
      long v = LittleEndian.get(b, offset + i * e, e);
      if (into instanceof long[] x) {
        x[i] = v;
      } else if (into instanceof int[] x) {
        x[i] = (int) v;
      } else if (into instanceof short[] x) {
        x[i] = (short) v;
      } else if (into instanceof char[] x) {
        x[i] = (char) v;
      } else if (into instanceof byte[] x) {
        x[i] = (byte) v;
      } else {
        ((boolean[]) into)[i] = v != 0;
      }
    }
  }
}
