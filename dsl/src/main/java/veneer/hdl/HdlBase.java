package veneer.hdl;

/**
 * The type constructors, shared by {@link Module} and {@link Bundle} so that hardware code reads
 * {@code UInt(8)} rather than {@code HdlType.uint(8)}.
 */
@SuppressWarnings("MethodName")
public abstract class HdlBase {
  protected static HdlType<Bool> Bool() {
    return HdlType.bool();
  }

  protected static HdlType<UInt> UInt(int width) {
    return HdlType.uint(width);
  }

  protected static HdlType<SInt> SInt(int width) {
    return HdlType.sint(width);
  }

  protected static HdlType<Bits> Bits(int width) {
    return HdlType.bits(width);
  }

  /** Bits needed to hold the values 0 to {@code n - 1} (at least 1). */
  protected static int log2Up(long n) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1));
  }
}
