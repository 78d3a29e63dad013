package veneer.hdl;

import java.util.Objects;

/**
 * The type of a hardware value: its kind and width. Written {@code UInt(8)}, {@code SInt(16)},
 * {@code Bits(32)} or {@code Bool()} in module code (see {@link HdlBase}).
 *
 * @param <T> the Java class of values of this type
 */
public final class HdlType<T extends Data<T>> {
  /** The kinds of hardware values. */
  public enum Kind { BOOL, UINT, SINT, BITS }

  private final Kind kind;
  private final int width;

  private HdlType(Kind kind, int width) {
    if (width < 1) {
      throw new HdlException(SourceLocator.here(), "a width must be at least 1, found " + width);
    }
    if (kind == Kind.BOOL && width != 1) {
      // Width-changing operators (extend, shlWide...) keep their operand's kind; a Bool cannot grow.
      throw new HdlException(SourceLocator.here(), "a Bool is exactly one bit, but this would make it "
          + width + " bits; convert it with asUInt() (or asBits()) first");
    }
    this.kind = kind;
    this.width = width;
  }

  public static HdlType<Bool> bool() {
    return new HdlType<>(Kind.BOOL, 1);
  }

  public static HdlType<UInt> uint(int width) {
    return new HdlType<>(Kind.UINT, width);
  }

  public static HdlType<SInt> sint(int width) {
    return new HdlType<>(Kind.SINT, width);
  }

  public static HdlType<Bits> bits(int width) {
    return new HdlType<>(Kind.BITS, width);
  }

  static HdlType<?> of(Kind kind, int width) {
    return new HdlType<>(kind, width);
  }

  public Kind kind() {
    return kind;
  }

  public int width() {
    return width;
  }

  /** Makes the Java handle for a net of this type. */
  @SuppressWarnings("unchecked")
  T wrap(Module owner, int net) {
    return (T) switch (kind) {
      case BOOL -> new Bool(owner, net);
      case UINT -> new UInt(owner, net);
      case SINT -> new SInt(owner, net);
      case BITS -> new Bits(owner, net);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdlType<?> t && t.kind == kind && t.width == width;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, width);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case BOOL -> "Bool";
      case UINT -> "UInt(" + width + ")";
      case SINT -> "SInt(" + width + ")";
      case BITS -> "Bits(" + width + ")";
    };
  }
}
