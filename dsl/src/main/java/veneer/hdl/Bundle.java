package veneer.hdl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

/**
 * A group of signals with directions, such as a ready/valid stream or an AXI channel. Fields are
 * declared in the producer's view: {@link #out} flows from producer to consumer, {@link #in}
 * flows back. A module makes the ports with {@link Module#master} (producer side) or
 * {@link Module#slave} (consumer side), or wires with {@link Module#wire(String, Supplier)};
 * each field becomes a signal named {@code <bundle>_<field>}.
 *
 * <pre>{@code
 * final class Stream extends Bundle {
 *   final Bool valid = out("valid", Bool());
 *   final Bool ready = in("ready", Bool());
 *   final Bits data;
 *   Stream(int width) { data = out("data", Bits(width)); }
 * }
 * Stream in = slave("in", () -> new Stream(32));
 * Stream out = master("out", () -> new Stream(32));
 * Bundle.connect(in, out);
 * }</pre>
 */
public abstract class Bundle extends HdlBase {
  enum Mode { PORT, WIRE }

  /** One declared field: a signal or a nested bundle, and whether it flows producer-to-consumer. */
  public record Field(String name, Object value, boolean forward) {}

  private record Binding(Module module, String prefix, boolean flipped, Mode mode) {}

  private static final ThreadLocal<Deque<Binding>> BINDINGS = ThreadLocal.withInitial(ArrayDeque::new);

  private final List<Field> fields = new ArrayList<>();
  private final Binding binding;
  /** Where the user asked for this bundle (not a line inside the bundle's own class). */
  private final SourceLoc loc = SourceLocator.hereOutside(Bundle.class);

  protected Bundle() {
    Binding b = BINDINGS.get().peek();
    if (b == null) {
      throw new HdlException(loc, getClass().getSimpleName() + " is a bundle: create it through a"
          + " module's master(...), slave(...) or wire(...), not with new alone");
    }
    this.binding = b;
  }

  static <B extends Bundle> B bind(Module m, String name, boolean flipped, Mode mode, Supplier<B> make) {
    SourceLoc at = SourceLocator.here();
    Names.check(name, at);
    Deque<Binding> stack = BINDINGS.get();
    stack.push(new Binding(m, name, flipped, mode));
    try {
      return make.get();
    } finally {
      stack.pop();
    }
  }

  /** A field that flows from producer to consumer. */
  protected final <T extends Data<T>> T out(String name, HdlType<T> type) {
    return field(name, type, true);
  }

  /** A field that flows from consumer back to producer. */
  protected final <T extends Data<T>> T in(String name, HdlType<T> type) {
    return field(name, type, false);
  }

  /** A nested bundle in the same orientation. */
  protected final <B extends Bundle> B out(String name, Supplier<B> bundle) {
    return nested(name, bundle, true);
  }

  /** A nested bundle in the opposite orientation. */
  protected final <B extends Bundle> B in(String name, Supplier<B> bundle) {
    return nested(name, bundle, false);
  }

  private <T extends Data<T>> T field(String name, HdlType<T> type, boolean forward) {
    SourceLoc at = SourceLocator.here();
    Module m = binding.module;
    String full = binding.prefix + "_" + name;
    T value;
    if (binding.mode == Mode.WIRE) {
      value = m.wire(full, type);
    } else {
      boolean output = forward != binding.flipped;
      value = type.wrap(m, m.port(full, type.width(),
          output ? Port.Direction.OUTPUT : Port.Direction.INPUT, Port.Kind.DATA, at));
    }
    fields.add(new Field(name, value, forward));
    return value;
  }

  private <B extends Bundle> B nested(String name, Supplier<B> bundle, boolean forward) {
    B b = bind(binding.module, binding.prefix + "_" + name, binding.flipped != !forward, binding.mode, bundle);
    fields.add(new Field(name, b, forward));
    return b;
  }

  /** The fields in declaration order. */
  public final List<Field> fields() {
    return Collections.unmodifiableList(fields);
  }

  /** The prefix of every field's signal name. */
  public final String name() {
    return binding.prefix;
  }

  /**
   * Connects a producer to a consumer: every forward field of {@code producer} drives the
   * matching field of {@code consumer}, and every backward field the other way. The two bundles
   * must have the same shape (field names, kinds, widths, directions).
   */
  public static void connect(Bundle producer, Bundle consumer) {
    SourceLoc at = SourceLocator.here();
    checkShape(producer, consumer, at);
    connectFields(producer, consumer, at);
  }

  private static void connectFields(Bundle producer, Bundle consumer, SourceLoc at) {
    for (int i = 0; i < producer.fields.size(); i++) {
      Field p = producer.fields.get(i);
      Field c = consumer.fields.get(i);
      if (p.value() instanceof Bundle pb) {
        Bundle cb = (Bundle) c.value();
        if (p.forward()) {
          connectFields(pb, cb, at);
        } else {
          connectFields(cb, pb, at);
        }
      } else if (p.forward()) {
        ((Data<?>) c.value()).assignAny((Data<?>) p.value(), at);
      } else {
        ((Data<?>) p.value()).assignAny((Data<?>) c.value(), at);
      }
    }
  }

  private static void checkShape(Bundle a, Bundle b, SourceLoc at) {
    String why = shapeDifference(a, b, "");
    if (why != null) {
      throw new HdlException(at, "cannot connect " + a.getClass().getSimpleName() + " '" + a.name()
          + "' (" + a.loc + ") to " + b.getClass().getSimpleName() + " '" + b.name() + "' (" + b.loc
          + "): " + why);
    }
  }

  private static String shapeDifference(Bundle a, Bundle b, String path) {
    if (a.fields.size() != b.fields.size()) {
      return (path.isEmpty() ? "they have " : path + " has ") + a.fields.size() + " and "
          + b.fields.size() + " fields";
    }
    for (int i = 0; i < a.fields.size(); i++) {
      Field fa = a.fields.get(i);
      Field fb = b.fields.get(i);
      String here = path.isEmpty() ? fa.name() : path + "." + fa.name();
      if (!fa.name().equals(fb.name())) {
        return "field " + (i + 1) + " is '" + here + "' on one side and '" + fb.name() + "' on the other";
      }
      if (fa.forward() != fb.forward()) {
        return "field '" + here + "' flows in opposite directions";
      }
      if (fa.value() instanceof Bundle ba && fb.value() instanceof Bundle bb) {
        String why = shapeDifference(ba, bb, here);
        if (why != null) {
          return why;
        }
      } else if (fa.value() instanceof Data<?> da && fb.value() instanceof Data<?> db) {
        if (!da.type().equals(db.type())) {
          return "field '" + here + "' is " + da.type() + " on one side and " + db.type() + " on the other";
        }
      } else {
        return "field '" + here + "' is a bundle on one side only";
      }
    }
    return null;
  }
}
