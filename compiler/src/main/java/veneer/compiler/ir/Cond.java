package veneer.compiler.ir;

/** Signed comparison conditions (references: EQ and NE only). */
public enum Cond {
  EQ, NE, LT, GE, GT, LE;

  /** The condition that holds exactly when this one does not. */
  public Cond negate() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case LT -> GE;
      case GE -> LT;
      case GT -> LE;
      case LE -> GT;
    };
  }

  /** The condition with operands swapped ({@code a < b} is {@code b > a}). */
  public Cond swap() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case GE -> LE;
      case GT -> LT;
      case LE -> GE;
    };
  }

  /** Evaluates the condition on two signed values. */
  public boolean test(long a, long b) {
    return switch (this) {
      case EQ -> a == b;
      case NE -> a != b;
      case LT -> a < b;
      case GE -> a >= b;
      case GT -> a > b;
      case LE -> a <= b;
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase();
  }
}
