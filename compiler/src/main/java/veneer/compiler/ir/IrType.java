package veneer.compiler.ir;

import java.util.EnumMap;
import java.util.Map;

/**
 * Type of an IR value: {@code i1} (conditions), {@code i32}, {@code i64}, a reference to an array of
 * an {@link Elem}, the {@code null} reference, or {@code void}. Java's byte, short, char and boolean
 * live in i32 registers, as on the JVM operand stack; their widths matter only in memory
 * ({@link Elem}) and in the narrowing conversions.
 */
public final class IrType {
  /** The kinds of type. */
  public enum Kind { VOID, I1, I32, I64, NULL, ARRAY }

  public static final IrType VOID = new IrType(Kind.VOID, null);
  public static final IrType I1 = new IrType(Kind.I1, null);
  public static final IrType I32 = new IrType(Kind.I32, null);
  public static final IrType I64 = new IrType(Kind.I64, null);
  public static final IrType NULL = new IrType(Kind.NULL, null);
  private static final Map<Elem, IrType> ARRAYS = new EnumMap<>(Elem.class);

  static {
    for (Elem e : Elem.values()) {
      ARRAYS.put(e, new IrType(Kind.ARRAY, e));
    }
  }

  private final Kind kind;
  private final Elem elem;

  private IrType(Kind kind, Elem elem) {
    this.kind = kind;
    this.elem = elem;
  }

  /** The array-reference type {@code elem[]}. */
  public static IrType array(Elem elem) {
    return ARRAYS.get(elem);
  }

  public Kind kind() {
    return kind;
  }

  /** Element type of an array type, or null. */
  public Elem elem() {
    return elem;
  }

  /** True for array and null references. */
  public boolean isRef() {
    return kind == Kind.ARRAY || kind == Kind.NULL;
  }

  /** True for i1, i32 and i64. */
  public boolean isScalar() {
    return kind == Kind.I1 || kind == Kind.I32 || kind == Kind.I64;
  }

  /** True for i32 and i64. */
  public boolean isInteger() {
    return kind == Kind.I32 || kind == Kind.I64;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case VOID -> "void";
      case I1 -> "i1";
      case I32 -> "i32";
      case I64 -> "i64";
      case NULL -> "null";
      case ARRAY -> elem + "[]";
    };
  }
}
