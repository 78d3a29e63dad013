package veneer.hdl;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a {@link Top} design from parameter values given as text, as on the command line.
 *
 * <pre>{@code
 * Module m = TopFactory.create(Lanes.class, Map.of("lanes", "16"));
 * }</pre>
 */
public final class TopFactory {
  private TopFactory() {}

  /** The parameters of a design class with their defaults, in constructor order. */
  public static Map<String, String> parameters(Class<?> design) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Parameter p : constructor(design).getParameters()) {
      Param a = p.getAnnotation(Param.class);
      out.put(a.name(), a.defaultValue());
    }
    return out;
  }

  /** Instantiates {@code design} with {@code values} (by parameter name) over the defaults. */
  public static Module create(Class<?> design, Map<String, String> values) {
    Constructor<?> ctor = constructor(design);
    Parameter[] params = ctor.getParameters();
    Object[] args = new Object[params.length];
    TreeSet<String> unknown = new TreeSet<>(values.keySet());
    List<String> known = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      Param a = params[i].getAnnotation(Param.class);
      known.add(a.name());
      unknown.remove(a.name());
      String text = values.getOrDefault(a.name(), a.defaultValue());
      args[i] = convert(design, a.name(), params[i].getType(), text);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(design.getSimpleName() + " has no parameter " + unknown
          + "; its parameters are " + (known.isEmpty() ? "none" : known));
    }
    try {
      return (Module) ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("building " + design.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + design.getName() + ": " + e, e);
    }
  }

  private static Constructor<?> constructor(Class<?> design) {
    if (!Module.class.isAssignableFrom(design) || design.getAnnotation(Top.class) == null) {
      throw new IllegalArgumentException(design.getName() + " is not a top-level design: expected a"
          + " Module subclass annotated @Top");
    }
    // The constructor with the most @Param parameters: a no-argument convenience constructor
    // beside it must not hide the parameters.
    Constructor<?> best = null;
    for (Constructor<?> c : design.getConstructors()) {
      boolean allParams = true;
      for (Parameter p : c.getParameters()) {
        allParams &= p.getAnnotation(Param.class) != null;
      }
      if (allParams && (best == null || c.getParameterCount() > best.getParameterCount())) {
        best = c;
      }
    }
    if (best != null) {
      return best;
    }
    throw new IllegalArgumentException(design.getName() + " has no public constructor whose"
        + " parameters are all annotated @Param");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Class<?> design, String name, Class<?> type, String text) {
    try {
      if (type == int.class) {
        return Integer.decode(text.trim());
      } else if (type == long.class) {
        return Long.decode(text.trim());
      } else if (type == boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.parseBoolean(text);
      } else if (type == String.class) {
        return text;
      } else if (type.isEnum()) {
        return Enum.valueOf((Class<Enum>) type, text.trim().toUpperCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter " + name + " of " + design.getSimpleName()
          + " expects " + describe(type) + ", found '" + text + "'");
    }
    throw new IllegalArgumentException("parameter " + name + " of " + design.getSimpleName()
        + " has type " + type.getSimpleName() + ", which cannot be set from text");
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
      }
      return "one of " + names;
    }
    return type == boolean.class ? "true or false" : "an " + type.getSimpleName() + " number";
  }
}
