package veneer.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Arguments for {@code veneer run}: each parameter's value from {@code --arg name=value}
 * (a number, or comma-separated numbers for an array), else for an array {@code size} seeded
 * random elements; a scalar without a value is an error naming it.
 */
final class KernelArguments {
  private KernelArguments() {}

  /**
   * @param names the parameters' Java names (from the compiled kernel's layout: reflection only
   *     knows them with {@code -parameters})
   */
  static Object[] build(Method kernel, List<String> names, Map<String, String> given, int size, long seed) {
    Map<String, String> rest = new LinkedHashMap<>(given);
    Random random = new Random(seed);
    Class<?>[] params = kernel.getParameterTypes();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      String name = names.get(i);
      Class<?> type = params[i];
      String value = rest.remove(name);
      if (type.isArray()) {
        args[i] = value != null ? parseArray(name, type.getComponentType(), value) : randomArray(type.getComponentType(), size, random);
      } else if (value != null) {
        args[i] = parseScalar(name, type, value);
      } else {
        throw new IllegalArgumentException("parameter " + name + " (" + type.getName() + ") of " + kernel.getName()
            + " needs a value: --arg " + name + "=VALUE");
      }
    }
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("--arg: kernel " + kernel.getName() + " has parameters " + names + ", found "
          + rest.keySet());
    }
    return args;
  }

  /** A deep copy of the arguments (arrays cloned), so the device and the JVM start from the same inputs. */
  static Object[] copy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] != null && c[i].getClass().isArray()) {
        int n = Array.getLength(c[i]);
        Object a = Array.newInstance(c[i].getClass().getComponentType(), n);
        System.arraycopy(c[i], 0, a, 0, n);
        c[i] = a;
      }
    }
    return c;
  }

  private static Object randomArray(Class<?> c, int size, Random r) {
    Object a = Array.newInstance(c, size);
    for (int i = 0; i < size; i++) {
      if (c == boolean.class) {
        Array.setBoolean(a, i, r.nextBoolean());
      } else if (c == char.class) {
        Array.setChar(a, i, (char) r.nextInt(65536));
      } else {
        Array.set(a, i, parseScalar("random", c, Integer.toString(r.nextInt(2001) - 1000)));
      }
    }
    return a;
  }

  private static Object parseArray(String name, Class<?> c, String text) {
    String[] parts = text.isEmpty() ? new String[0] : text.split(",");
    Object a = Array.newInstance(c, parts.length);
    for (int i = 0; i < parts.length; i++) {
      Array.set(a, i, parseScalar(name + "[" + i + "]", c, parts[i].strip()));
    }
    return a;
  }

  private static Object parseScalar(String name, Class<?> type, String text) {
    try {
      if (type == int.class) {
        return Integer.decode(text);
      } else if (type == long.class) {
        return Long.decode(text);
      } else if (type == short.class) {
        return Short.decode(text);
      } else if (type == byte.class) {
        return (byte) (int) Integer.decode(text);
      } else if (type == char.class) {
        return (char) (int) Integer.decode(text);
      } else if (type == boolean.class && (text.equals("true") || text.equals("false"))) {
        return Boolean.parseBoolean(text);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--arg " + name + ": expected a " + type.getName() + ", found '" + text + "'");
  }
}
