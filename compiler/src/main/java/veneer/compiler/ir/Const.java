package veneer.compiler.ir;

/**
 * A constant: i1, i32 or i64 bits, or the null reference. Constants are values, not instructions:
 * they print inline ({@code 5}, {@code 5L}, {@code true}, {@code null}).
 */
public final class Const extends Value {
  public static final Const NULL = new Const(IrType.NULL, 0);
  public static final Const TRUE = new Const(IrType.I1, 1);
  public static final Const FALSE = new Const(IrType.I1, 0);

  private final IrType type;
  private final long bits;

  private Const(IrType type, long bits) {
    this.type = type;
    this.bits = bits;
  }

  public static Const i32(int v) {
    return new Const(IrType.I32, v);
  }

  public static Const i64(long v) {
    return new Const(IrType.I64, v);
  }

  public static Const bool(boolean v) {
    return v ? TRUE : FALSE;
  }

  /** A scalar constant of {@code type} holding {@code bits} (truncated to the type). */
  public static Const of(IrType type, long bits) {
    return switch (type.kind()) {
      case I1 -> bool((bits & 1) != 0);
      case I32 -> i32((int) bits);
      case I64 -> i64(bits);
      default -> throw new IllegalArgumentException("no scalar constant of type " + type);
    };
  }

  @Override
  public IrType type() {
    return type;
  }

  /** The value; i32 sign-extended, i1 as 0 or 1. */
  public long bits() {
    return bits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Const c && c.type == type && c.bits == bits;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bits) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return switch (type.kind()) {
      case I1 -> bits != 0 ? "true" : "false";
      case I64 -> bits + "L";
      case NULL -> "null";
      default -> Long.toString(bits);
    };
  }
}
