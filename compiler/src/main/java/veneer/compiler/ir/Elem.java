package veneer.compiler.ir;

/** Element type of an array in memory; loads extend it to a register type (i32 or i64). */
public enum Elem {
  BOOL("i1", 'Z', 1),
  BYTE("i8", 'B', 1),
  SHORT("i16", 'S', 2),
  CHAR("u16", 'C', 2),
  INT("i32", 'I', 4),
  LONG("i64", 'J', 8);

  private final String text;
  private final char descriptor;
  private final int bytes;

  Elem(String text, char descriptor, int bytes) {
    this.text = text;
    this.descriptor = descriptor;
    this.bytes = bytes;
  }

  /** The JVM descriptor character ({@code I}, {@code J}, ...). */
  public char descriptor() {
    return descriptor;
  }

  /** Size of one element in memory. */
  public int bytes() {
    return bytes;
  }

  /** The register type a load of this element produces. */
  public IrType valueType() {
    return this == LONG ? IrType.I64 : IrType.I32;
  }

  /** Narrows a register value to what a store of this element keeps, read back as a load would. */
  public long narrow(long v) {
    return switch (this) {
      case BOOL -> v & 1;
      case BYTE -> (byte) v;
      case SHORT -> (short) v;
      case CHAR -> (char) v;
      case INT -> (int) v;
      case LONG -> v;
    };
  }

  /** Element for a JVM descriptor character, or null. */
  public static Elem ofDescriptor(char c) {
    for (Elem e : values()) {
      if (e.descriptor == c) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text;
  }
}
