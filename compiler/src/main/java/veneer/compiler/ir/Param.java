package veneer.compiler.ir;

/**
 * A function parameter. {@code javaType} is the JVM descriptor of the declared type ({@code I},
 * {@code B}, {@code [C}, ...) — what the argument layout of the back end needs; {@code local} is set
 * for {@link veneer.kernel.Local} scratchpad arrays.
 */
public final class Param extends Value {
  private final int index;
  private final String name;
  private final IrType type;
  private final String javaType;
  private final boolean local;

  public Param(int index, String name, IrType type, String javaType, boolean local) {
    this.index = index;
    this.name = name;
    this.type = type;
    this.javaType = javaType;
    this.local = local;
  }

  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  @Override
  public IrType type() {
    return type;
  }

  public String javaType() {
    return javaType;
  }

  public boolean isLocal() {
    return local;
  }

  @Override
  public String toString() {
    return "%" + name;
  }
}
